"""Pages outside private sections, in the query that lists them.

Wagtail's `PageQuerySet.public()` first reads every view restriction (one query each time it
is called) and then excludes their sections. A page that lists several kinds of pages paid
that query once per listing. `public(queryset)` excludes the same sections with a correlated
NOT EXISTS in the listing's own query: a page is private when a restricted page's path is a
prefix of its path (the restricted page itself or one of its descendants).
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(queryset):
    """`queryset.public()` without a query of its own."""
    restricted_section = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted_section))
