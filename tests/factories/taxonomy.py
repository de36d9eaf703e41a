"""The shared taxonomy: levers, life-cycle phases, audiences and themes (translatable snippets).

The demo site has the association's terms in every language; these factories add terms of a
test's own, in the default language unless `locale` says otherwise.
"""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from taxonomy.models import Audience, Lever, Phase, Theme


class TaxonomyTermFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    locale = factory.LazyFunction(Locale.get_default)
    description = "Un terme créé pour les tests."


class LeverFactory(TaxonomyTermFactory):
    class Meta:
        model = Lever

    name = factory.LazyAttribute(lambda term: f"Levier essai {term.number}")
    slug = factory.LazyAttribute(lambda term: f"levier-essai-{term.number}")


class PhaseFactory(TaxonomyTermFactory):
    class Meta:
        model = Phase

    name = factory.LazyAttribute(lambda term: f"Phase essai {term.number}")
    slug = factory.LazyAttribute(lambda term: f"phase-essai-{term.number}")


class AudienceFactory(TaxonomyTermFactory):
    class Meta:
        model = Audience

    name = factory.LazyAttribute(lambda term: f"Public essai {term.number}")
    slug = factory.LazyAttribute(lambda term: f"public-essai-{term.number}")


class ThemeFactory(TaxonomyTermFactory):
    class Meta:
        model = Theme

    name = factory.LazyAttribute(lambda term: f"Thème essai {term.number}")
    slug = factory.LazyAttribute(lambda term: f"theme-essai-{term.number}")
