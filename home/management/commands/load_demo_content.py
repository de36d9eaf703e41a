"""Fill the database with the association's demo content. Safe to run again.

Each app that has demo content provides a `demo.py` module with an `ORDER` number and a
`load(command)` function; they run by ascending order after `setup_site`. Pages are looked up
by slug before being created, so a second run changes nothing.
"""

import io
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, OutputWrapper
from django.db import transaction

from core.bulk import indexes_built_at_the_end
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
