"""Background work of the search: counting what visitors search for, after their answer."""

from django_tasks import task
from wagtail.contrib.search_promotions.models import Query

from .models import ZeroResultQuery


@task()
def record_search(text, language_code, found):
    """Count a search for the editors' report; nothing about the visitor is kept."""
    Query.get(text).add_hit()
    if not found:
        ZeroResultQuery.record(text, language_code)
