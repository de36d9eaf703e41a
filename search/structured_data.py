"""JSON-LD of the search page: a SearchResultsPage listing the results the visitor sees.

The home page announces the search itself to search engines (a WebSite with a SearchAction,
news/metadata.py); this page describes one search and its current page of results.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

from core.urls import absolute_url


def search_url(query_text=""):
    path = reverse("search")
    return absolute_url(f"{path}?{urlencode({'q': query_text})}" if query_text else path)


def search_results_page(site_search, title):
    """The SearchResultsPage of `site_search` (a ran or empty `SiteSearch`), named `title`."""
    data = {
        "@context": "https://schema.org",
        "@type": "SearchResultsPage",
        "name": str(title),
        "url": search_url(site_search.query.text),
        "inLanguage": translation.get_language(),
        "isPartOf": {"@type": "WebSite", "url": absolute_url("/")},
    }
    results = site_search.results
    if site_search.ran and results is not None:
        data["mainEntity"] = {
            "@type": "ItemList",
            "numberOfItems": site_search.total,
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "url": absolute_url(result.url),
                    "name": result.page.title,
                }
                for position, result in enumerate(results, start=results.start_index())
            ],
        }
    return data
