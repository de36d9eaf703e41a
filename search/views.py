import hashlib

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .backends import backend_for_language
from .highlight import fold
from .results import SiteSearch, clean_query
from .structured_data import search_results_page

SUGGESTION_LIMIT = 8
SUGGESTION_MIN_LENGTH = 2
SUGGESTION_CACHE_SECONDS = 300


@require_GET
def search(request):
    site_search = SiteSearch(request).run()
    if site_search.query.text:
        title = gettext("Search: %(query)s") % {"query": site_search.query.text}
    else:
        title = gettext("Search")
    context = {"search": site_search, "json_ld": [search_results_page(site_search, title)]}
    return render(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """Titles and addresses of pages whose title starts like the visitor's words (JSON).

    Rate-friendly: short or empty input answers at once, answers are cached per language and
    folded words, and the browser may keep them for a few minutes.
    """
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    words = " ".join(fold(term) for term in query.terms)
    results = []
    if len(words) >= SUGGESTION_MIN_LENGTH:
        digest = hashlib.sha256(words.encode()).hexdigest()
        key = f"search:suggestions:{locale.language_code}:{digest}"
        results = cache.get(key)
        if results is None:
            pages = (
                Page.objects.live()
                .public()
                .filter(locale=locale)
                .autocomplete(
                    query.search_string, backend=backend_for_language(locale.language_code)
                )
            )
            results = [
                {"title": page.title, "url": page.get_url(request=request)}
                for page in pages[:SUGGESTION_LIMIT]
            ]
            cache.set(key, results, SUGGESTION_CACHE_SECONDS)
    response = JsonResponse({"query": query.text, "results": results})
    patch_cache_control(response, public=True, max_age=SUGGESTION_CACHE_SECONDS)
    return response
