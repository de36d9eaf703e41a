"""Fill the database with the association's demo content. Safe to run again.

Each app that has demo content provides a `demo.py` module with an `ORDER` number and a
`load(command)` function; they run by ascending order after `setup_site`. Pages are looked up
by slug before being created, so a second run changes nothing.
"""

import io
from contextlib import contextmanager
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, OutputWrapper
from django.db import transaction
from django.db.models.signals import post_save
from django.test.utils import override_settings
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.i18n import sync_locale_trees
from core.progress import progress, progress_verbosity


def demo_modules():
    modules = []
    for app in apps.get_app_configs():
        try:
            module = import_module(f"{app.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.demo":
                raise
            continue
        modules.append(module)
    return sorted(modules, key=lambda module: module.ORDER)


class Command(BaseCommand):
    help = "Load realistic French demo content (pages, taxonomy, tools, events, ...)."

    def handle(self, *args, verbosity=1, **options):
        if not verbosity:
            # Quiet: each app's demo.py reports on the command's stdout; nobody reads it.
            self.stdout = OutputWrapper(io.StringIO())
        with progress_verbosity(verbosity):
            self.load(verbosity)

    def load(self, verbosity):
        call_command("setup_site", stdout=self.stdout, verbosity=verbosity)
        modules = demo_modules()
        with indexes_built_at_the_end(self.stdout, verbosity):
            for module in progress(modules, description="Demo content", stream=self.stderr):
                app_name = module.__name__.split(".")[0]
                self.stdout.write(f"Demo content: {app_name}")
                with transaction.atomic():
                    module.load(self)
            created = sync_locale_trees()
            self.stdout.write(f"Synchronised language trees ({created} page(s) created).")
        self.stdout.write(self.style.SUCCESS("Demo content ready."))


@contextmanager
def indexes_built_at_the_end(stdout, verbosity):
    """Build the search index and Wagtail's reference index once, after the content is in.

    Each page is saved several times while the demo is made (created, published, translated,
    aliased): indexing it at every save cost a third of the load. The indexes are then built
    in bulk by Wagtail's own commands, as after an import.
    """
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=backends),
        disable_reference_index_auto_update(),
        search_index_tasks_paused(),
    ):
        yield
    call_command("rebuild_references_index", stdout=stdout, verbosity=verbosity)
    call_command("update_index", stdout=stdout, verbosity=verbosity)


@contextmanager
def search_index_tasks_paused():
    """No search-index task per save while the content is made.

    With `AUTO_UPDATE` off the backends ignore them, but each save still queued a task that
    loaded the object again (1,437 tasks for the demo).
    """
    models = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
