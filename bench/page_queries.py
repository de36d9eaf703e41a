"""SQL queries and render time of one page of each public page type, on a site already built.

Not a test. Renders, through Django's test client in this process, the first live page of
every page type in `--language` (French by default; and the tool index filtered, the
contributions' help-wanted page, a search, whose answer is then cached), once to
warm the per-process caches, then `--repeat` times, and prints per page type the number of SQL
queries and the median render time. `--show TYPE` prints that page's queries, the repeated
ones first (a query in a loop shows up as one statement run many times), each with the lines
of the project that made it.

    DJANGO_SETTINGS_MODULE=sbm_site.settings.dev DATABASE_URL=sqlite:////tmp/demo.sqlite3 \
        .venv/bin/python bench/page_queries.py [--repeat 20] [--show tool_sheet] [--language de]

The database is the one `DATABASE_URL` names: the demo site (`scripts/run` builds it in
db.sqlite3) or a generated one (bench/generate.py). Nothing is written to it but the searches
report's counts.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sbm_site.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

PAGE_TYPES = [
    ("standard_page", "home.StandardPage", ""),
    ("home", "home.HomePage", ""),
    ("tool_index", "tools.ToolIndexPage", ""),
    ("tool_index_filtered", "tools.ToolIndexPage", "?lever={lever}&complexity=1"),
    ("tool_sheet", "tools.ToolPage", ""),
    ("guide_index", "guides.GuideIndexPage", ""),
    ("guide", "guides.GuidePage", ""),
    ("training_index", "guides.TrainingIndexPage", ""),
    ("training_module", "guides.TrainingModulePage", ""),
    ("business_model_index", "guides.BusinessModelIndexPage", ""),
    ("business_model", "guides.BusinessModelPage", ""),
    ("event_index", "events.EventIndexPage", ""),
    ("event", "events.EventPage", ""),
    ("event_series", "events.EventSeriesPage", ""),
    ("provider_index", "providers.ProviderIndexPage", ""),
    ("provider", "providers.ProviderPage", ""),
    ("news_index", "news.NewsIndexPage", ""),
    ("news", "news.NewsPage", ""),
    ("diagnostic", "diagnostic.DiagnosticPage", ""),
]


def page_urls(language):
    from taxonomy.models import Lever

    locale = Locale.objects.get(language_code=language)
    lever = Lever.objects.filter(locale=locale).order_by("sort_order").first()
    urls = {}
    for name, model_label, query in PAGE_TYPES:
        from django.apps import apps

        model = apps.get_model(model_label)
        page = (
            Page.objects.type(model).live().public().filter(locale=locale).order_by("path").first()
        )
        if page is None:
            print(f"{name}: no live {language} {model_label}", file=sys.stderr)
            continue
        urls[name] = page.get_url() + query.format(lever=lever.slug if lever else "")
    with translation.override(language):
        urls["help_wanted"] = reverse("contributions:help_wanted")
        urls["search"] = f"{reverse('search')}?q=canevas"
    return urls


def measure(client, url, repeat):
    client.get(url)  # Warm the per-process caches (content types, site root paths).
    timings = []
    queries = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries = [query["sql"] for query in context.captured_queries]
    return statistics.median(timings), queries


def normalised(sql):
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def origins(client, url):
    """[(where in the project the query was made, its SQL)] for one rendering of `url`."""
    found = []

    def record(execute, sql, params, many, context):
        frames = [
            f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if frame.filename.startswith(str(ROOT))
            and "/.venv/" not in frame.filename
            and not frame.filename.endswith("page_queries.py")
        ]
        found.append((" < ".join(reversed(frames[-3:])) or "(framework)", sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--show", action="append", default=[], help="page type whose SQL to print")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--language", default="fr", help="the locale of the pages measured")
    arguments = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client(HTTP_HOST="localhost")
    figures = {}
    print(f"{'page type':<24}{'queries':>8}{'ms':>9}  url")
    for name, url in page_urls(arguments.language).items():
        milliseconds, queries = measure(client, url, arguments.repeat)
        figures[name] = {"url": url, "queries": len(queries), "ms": round(milliseconds, 1)}
        print(f"{name:<24}{len(queries):>8}{milliseconds:>9.1f}  {url}")
        if name in arguments.show:
            repeated = Counter(
                (origin, normalised(sql)[:160]) for origin, sql in origins(client, url)
            )
            for (origin, sql), times in repeated.most_common():
                print(f"    {times}x {origin}\n        {sql}")
    if arguments.json:
        Path(arguments.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
