"""After a tool sheet is published, are the next visits answered from the page cache?

Not a test: a measurement for issue 23 ("no visitor waits on a cold render after a
publication"). On the site in DATABASE_URL (the demo site: `scripts/run` builds it in
db.sqlite3), with the page cache on and tasks queued for the worker, it publishes one French
sheet through the admin's "Publish" action, lets the worker run the queued tasks, then sends
100 anonymous requests to each of the sheet, the tool index and the home page, and counts how
each was answered (`X-Page-Cache`: hit or miss) and how long the first one took.

The reference is the same publication with the background refresh switched off (the site
before it): the first visitor of each page then pays a cold render.

It adds revisions to the sheet (then publishes its first title again): run it on a copy.

    cp db.sqlite3 /tmp/bench.sqlite3
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/publish_refresh.py
"""

import argparse
import os
import sys
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sbm_site.settings.dev")
django.setup()

# After django.setup(): these import models.
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from core import page_cache  # noqa: E402
from home.models import HomePage  # noqa: E402
from tools.models import ToolIndexPage, ToolPage  # noqa: E402

QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def publisher():
    user = get_user_model().objects.filter(username="bench-publisher").first()
    return user or get_user_model().objects.create_superuser(
        "bench-publisher", "bench@example.org", None
    )


def publish(sheet, title):
    editor = Client()
    editor.force_login(publisher())
    sheet.title = title
    sheet.save_revision(user=publisher())
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = editor.post(f"{url}?id={sheet.pk}", {"include_descendants": ""})
    if response.status_code != 302:
        raise SystemExit(f"the admin answered {response.status_code}, not a redirect")


def visits(addresses, count):
    """{address: (Counter of X-Page-Cache, first request's ms)}"""
    visitor = Client()
    results = {}
    for address in addresses:
        states = Counter()
        first = None
        for _ in range(count):
            started = time.perf_counter()
            response = visitor.get(address)
            elapsed = (time.perf_counter() - started) * 1000
            first = elapsed if first is None else first
            states[response.get("X-Page-Cache", "none")] += 1
        results[address] = (states, first)
    return results


def run(sheet, addresses, title, count, refresh):
    cache.clear()
    visits(addresses, 1)  # the pages are in the cache before the publication
    DBTaskResult.objects.all().delete()
    switch = (
        nullcontext()
        if refresh
        else mock.patch.object(page_cache, "render_into_cache", return_value=[])
    )
    with switch:
        publish(sheet, title)
        started = time.perf_counter()
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        worker_ms = (time.perf_counter() - started) * 1000
    return visits(addresses, count), worker_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", default="02a", help="sheet number (French) to publish")
    parser.add_argument("--requests", type=int, default=100, help="requests per page")
    arguments = parser.parse_args()
    sheet = ToolPage.objects.get(sheet_number=arguments.sheet, locale__language_code="fr")
    original = sheet.title
    addresses = [
        sheet.url,
        ToolIndexPage.objects.get(locale__language_code="fr").url,
        HomePage.objects.get(locale__language_code="fr").url,
    ]
    settings = {"PAGE_CACHE_SECONDS": 600, "TASKS": QUEUED, "ALLOWED_HOSTS": ["*"]}
    print(f"Publishing « {original} », then {arguments.requests} anonymous requests per page")
    rows = {}
    with override_settings(**settings):
        try:
            rows["reference (no refresh)"] = run(
                sheet, addresses, f"{original} (a)", arguments.requests, refresh=False
            )
            rows["background refresh"] = run(
                sheet, addresses, f"{original} (b)", arguments.requests, refresh=True
            )
        finally:
            publish(sheet, original)
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    width = max(len(address) for address in addresses)
    print(f"{'page':<{width}} {'reference (no refresh)':>32} {'background refresh':>32}")
    for address in addresses:
        cells = []
        for name in rows:
            states, first = rows[name][0][address]
            hits = states.get("hit", 0)
            cells.append(f"{hits:>3}/{sum(states.values())} hits, 1st {first:6.1f} ms")
        print(f"{address:<{width}} {cells[0]:>32} {cells[1]:>32}")
    for name, (_results, worker_ms) in rows.items():
        print(f"worker after the publication ({name}): {worker_ms:.0f} ms")


if __name__ == "__main__":
    main()
