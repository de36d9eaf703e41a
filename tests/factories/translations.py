"""The translators' glossary and their claims."""

import factory
from factory.django import DjangoModelFactory

from translations.models import GlossaryTerm


class GlossaryTermFactory(DjangoModelFactory):
    """A term of the association's glossary with its German, Italian and English equivalents."""

    class Meta:
        model = GlossaryTerm
        django_get_or_create = ("french",)

    french = factory.Sequence(lambda n: f"terme maison {n}")
    german = factory.LazyAttribute(lambda term: f"Hausbegriff {term.french}")
    italian = factory.LazyAttribute(lambda term: f"termine {term.french}")
    english = factory.LazyAttribute(lambda term: f"house term {term.french}")
