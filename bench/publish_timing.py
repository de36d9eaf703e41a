"""How long publishing a tool sheet in the admin takes, with its PDF rendered inline or queued.

Not a test: a measurement for issue 22 (background tasks). On the site in DATABASE_URL (the
demo site: `scripts/run` builds it in db.sqlite3), it logs in a superuser of its own
(`bench-publisher`), and for each mode publishes one sheet several times through the admin's
bulk "Publish" action (the admin view that publishes the latest revision), each time after an
untimed new revision, so every publication has a new PDF to make:
- `immediate`: the task runs inside the request (tests, development without a worker), as the
  PDF was rendered before tasks;
- `database`: the task is queued for `manage.py db_worker`; the worker's time to drain the
  queue is printed too.

It adds revisions to the sheet (then publishes its first title again): run it on a copy.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/publish_timing.py
    ... bench/publish_timing.py --sheet 03 --rounds 10
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sbm_site.settings.dev")
django.setup()

# After django.setup(): these import models.
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from tools.models import ToolPage  # noqa: E402

MODES = {
    "immediate": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    "database": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
}


def publisher():
    user = get_user_model().objects.filter(username="bench-publisher").first()
    return user or get_user_model().objects.create_superuser(
        "bench-publisher", "bench@example.org", None
    )


def publish_once(client, sheet, title):
    sheet.title = title
    sheet.save_revision(user=publisher())
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    started = time.perf_counter()
    response = client.post(f"{url}?id={sheet.pk}", {"include_descendants": ""})
    elapsed = time.perf_counter() - started
    if response.status_code != 302:
        raise SystemExit(f"the admin answered {response.status_code}, not a redirect")
    return elapsed


def measure(sheet, mode, rounds):
    client = Client()
    client.force_login(publisher())
    original = sheet.title
    timings = []
    with override_settings(TASKS=MODES[mode], ALLOWED_HOSTS=["*"]):
        DBTaskResult.objects.all().delete()
        for number in range(rounds + 1):
            elapsed = publish_once(client, sheet, f"{original} ({mode} {number})")
            if number:  # the first publication warms the caches and the fonts
                timings.append(elapsed)
        queued = DBTaskResult.objects.filter(status="READY").count()
        started = time.perf_counter()
        if queued:
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        drained = time.perf_counter() - started
    with override_settings(TASKS=MODES["immediate"], ALLOWED_HOSTS=["*"]):
        publish_once(client, sheet, original)
    return timings, queued, drained


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", default="02a", help="sheet number (French) to publish")
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    sheet = ToolPage.objects.get(sheet_number=arguments.sheet, locale__language_code="fr")
    print(f"Publishing « {sheet.title} » {arguments.rounds} times per mode, in the admin")
    for mode in MODES:
        timings, queued, drained = measure(sheet, mode, arguments.rounds)
        line = (
            f"{mode:>9}: median {statistics.median(timings) * 1000:7.0f} ms per publication"
            f" (min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f})"
        )
        if queued:
            line += f"; {queued} tasks queued, the worker ran them in {drained * 1000:.0f} ms"
        print(line)


if __name__ == "__main__":
    main()
