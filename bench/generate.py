"""Generate a large site for the load benchmark: many tools, events, providers and guides.

Not a test. Starts from the demo content (`load_demo_content`: the site, its indexes and the
association's real pages), then copies the French demo pages of each type until the site holds
the requested number of each (copies get their own slug, title, translation key and a published
revision, as if an editor had written them), then synchronises the German, Italian and English
trees (wagtail-localize aliases) and builds the search index once. Idempotent and incremental:
run it again with larger numbers and it only adds what is missing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbm_bench \\
        .venv/bin/python bench/generate.py --tools 1000 --events 200 --providers 300 --guides 50

Works on SQLite too (`DATABASE_URL=sqlite:///...`). `bench/run` calls it.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BENCH_SUFFIX = "-bench-"


def page_models():
    from events.models import EventPage
    from guides.models import GuidePage
    from providers.models import ProviderPage
    from tools.models import ToolPage

    return {"tools": ToolPage, "events": EventPage, "providers": ProviderPage, "guides": GuidePage}


def extra_attributes(model, number):
    """Fields that must stay unique among copies (a tool's sheet number, per locale)."""
    from tools.models import ToolPage

    if model is ToolPage:
        return {"sheet_number": f"B{number:04d}"}
    return {}


def copy_page(source, number):
    """Copy a published page beside itself under a new slug and publish the copy."""
    slug = f"{source.slug[:60]}{BENCH_SUFFIX}{number}"
    copy = source.copy(
        to=source.get_parent(),
        update_attrs={
            "slug": slug,
            "title": f"{source.title} · {number}",
            **extra_attributes(type(source), number),
        },
        keep_live=False,
        copy_revisions=False,
        reset_translation_key=True,
        log_action=None,
    )
    copy.save_revision(log_action=False).publish(log_action=False, skip_permission_checks=True)
    return copy


def fill(label, model, target, stream):
    from django.db import transaction
    from wagtail.models import Locale

    from core.progress import progress

    originals = list(
        model.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .live()
        .exclude(slug__contains=BENCH_SUFFIX)
        .order_by("path")
    )
    if not originals:
        raise SystemExit(f"No demo {label} to copy: load_demo_content first.")
    present = model.objects.filter(locale=Locale.get_default(), alias_of__isnull=True).count()
    missing = max(0, target - present)
    numbers = range(present, present + missing)
    for batch_start in progress(
        range(0, missing, 50),
        description=f"{label} (x50)",
        total=(missing + 49) // 50,
        stream=stream,
    ):
        with transaction.atomic():
            for number in numbers[batch_start : batch_start + 50]:
                source = originals[number % len(originals)]
                copy_page(source, number)
    return missing


def synchronisations():
    from wagtail_localize.models import LocaleSynchronization

    return list(LocaleSynchronization.objects.select_related("locale", "sync_from"))


def generate(*, tools, events, providers, guides, stream=sys.stderr, out=sys.stdout):
    from django.conf import settings
    from django.core.management import call_command
    from wagtail.models import Page
    from wagtail_localize.synctree import PageIndex, synchronize_tree

    from core.pdf import regeneration_paused
    from core.progress import progress

    started = time.perf_counter()
    out.write("Demo content (setup_site, every app's demo.py, language trees) ...\n")
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    for alias in settings.WAGTAILSEARCH_BACKENDS.values():
        alias["AUTO_UPDATE"] = False  # indexed once at the end by update_index
    targets = {"tools": tools, "events": events, "providers": providers, "guides": guides}
    created = {}
    with regeneration_paused():
        for label, model in page_models().items():
            created[label] = fill(label, model, targets[label], stream)
    out.write(f"Copied pages: {created}\n")
    before = Page.objects.count()
    for synchronisation in progress(
        synchronisations(), description="language trees (aliases)", stream=stream
    ):
        index = PageIndex.from_database().sort_by_tree_position()
        synchronize_tree(synchronisation.sync_from, synchronisation.locale, page_index=index)
    out.write(f"Language trees: {Page.objects.count() - before} alias page(s) created\n")
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    out.write(
        f"Site ready: {Page.objects.count()} pages in "
        f"{time.perf_counter() - started:.0f} s (search index built)\n"
    )
    return created


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", type=int, default=1000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--providers", type=int, default=300)
    parser.add_argument("--guides", type=int, default=50)
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sbm_site.settings.dev")
    import django

    django.setup()
    generate(
        tools=arguments.tools,
        events=arguments.events,
        providers=arguments.providers,
        guides=arguments.guides,
    )


if __name__ == "__main__":
    main()
