"""Many pages made at once for a test, as an import makes them: no search-index or reference-index
update per save (the demo content does the same, then rebuilds both indexes in bulk).

For the query-budget tests of listings that do not search: the pages must exist, not be found
by the search. About a third of the time of each page's creation went to the two indexes.
"""

from contextlib import contextmanager

from wagtail.signal_handlers import disable_reference_index_auto_update

from home.management.commands.load_demo_content import search_index_tasks_paused


@contextmanager
def made_in_bulk():
    with disable_reference_index_auto_update(), search_index_tasks_paused():
        yield
