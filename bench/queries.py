"""SQL queries per page type on the site in DATABASE_URL (the demo site or bench/generate.py's).

Not a test: a measurement beside the budget of issue 23 (every public page in at most 12 SQL
queries, whatever the content). For each page type it renders one page of each language with
Django's test client, once to warm the caches (as any visited site is) and once measured, page
cache off, and prints the count of the measured request next to the budget.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbm_demo .venv/bin/python bench/queries.py
    ... bench/queries.py --language de --show tool-sheet   # also print the SQL of one page
    ... bench/queries.py --cold                           # the first request after a restart
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BUDGET = 12


def page_urls(language):
    """The address of one page of each type in `language` (the first one in tree order)."""
    from wagtail.models import Locale

    from events.models import EventPage
    from home.models import HomePage, StandardPage
    from news.models import NewsPage
    from providers.models import ProviderPage
    from tools.models import ToolIndexPage, ToolPage

    locale = Locale.objects.get(language_code=language)

    def first(model, **filters):
        page = model.objects.live().filter(locale=locale, **filters).order_by("path").first()
        return page.url if page else None

    return {
        "home": first(HomePage),
        "contact": first(StandardPage, slug="contact"),
        "tool-index": first(ToolIndexPage),
        "tool-sheet": first(ToolPage),
        "event": first(EventPage),
        "provider": first(ProviderPage),
        "search": f"/{language}/search/?q=mod%C3%A8le",
        "news-item": first(NewsPage),
    }


def measure(client, url, *, cold):
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    if cold:
        cache.clear()
    else:
        client.get(url)
    reset_queries()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return context.captured_queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", action="append", help="fr, de, it, en (default: all)")
    parser.add_argument("--show", action="append", default=[], help="print this page's SQL")
    parser.add_argument("--cold", action="store_true", help="empty the cache before each page")
    arguments = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sbm_site.settings.dev")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    languages = arguments.language or [code for code, _name in settings.LANGUAGES]
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    names = list(page_urls(languages[0]))
    print(f"{'page':<12}" + "".join(f"{code:>6}" for code in languages) + f"{'budget':>8}")
    over = False
    for name in names:
        counts = []
        for language in languages:
            url = page_urls(language)[name]
            if url is None:
                counts.append("-")
                continue
            queries = measure(client, url, cold=arguments.cold)
            counts.append(str(len(queries)))
            over = over or len(queries) > BUDGET
            if name in arguments.show:
                print(f"--- {url}")
                for query in queries:
                    print(f"    {query['sql'][:300]}")
        print(f"{name:<12}" + "".join(f"{count:>6}" for count in counts) + f"{BUDGET:>8}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
