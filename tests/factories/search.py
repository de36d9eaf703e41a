"""What the search remembers: searches without results, per day and language."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from search.models import ZeroResultQuery


class ZeroResultQueryFactory(DjangoModelFactory):
    """Today's French searches for words that found nothing (one search by default)."""

    class Meta:
        model = ZeroResultQuery

    query_string = factory.Sequence(lambda n: f"mot introuvable {n}")
    language_code = "fr"
    date = factory.LazyFunction(timezone.localdate)
    hits = 1
