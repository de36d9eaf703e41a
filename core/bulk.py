"""Many objects made at once (the demo content, imports, tests' bulk pages) without an index
update per save; the indexes are then built in bulk, by Wagtail's own commands.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import post_save
from django.test.utils import override_settings
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update


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


@contextmanager
def index_updates_paused():
    """Neither Wagtail's reference index nor a search-index task updated per save."""
    with disable_reference_index_auto_update(), search_index_tasks_paused():
        yield


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
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), index_updates_paused():
        yield
    call_command("rebuild_references_index", stdout=stdout, verbosity=verbosity)
    call_command("update_index", stdout=stdout, verbosity=verbosity)
