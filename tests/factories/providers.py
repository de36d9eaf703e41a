"""The providers' directory and the providers' profiles."""

import factory
from django.utils import timezone

from providers.models import ProviderIndexPage, ProviderPage

from .pages import PageFactory, demo_page


def demo_directory():
    """The providers' directory of the demo site in the default language ("prestataires")."""
    return demo_page(ProviderIndexPage, "prestataires", title="Prestataires")


class ProviderIndexPageFactory(PageFactory):
    """A providers' directory; the demo site has one per language ("prestataires")."""

    class Meta:
        model = ProviderIndexPage

    title = factory.LazyAttribute(lambda page: f"Prestataires essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"prestataires-essai-{page.number}")


class ProviderPageFactory(PageFactory):
    """A provider in the demo directory of the default language, published and aliased.

    A consultant working alone in the canton of Vaud, in French, confirmed today; the owner's
    private address is on secret.example.net so that tests can look for leaks.
    """

    class Meta:
        model = ProviderPage

    parent = factory.LazyFunction(demo_directory)
    title = factory.LazyAttribute(lambda page: f"Prestataire essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"prestataire-essai-{page.number}")
    kind = "person"
    intro = "Accompagnement des associations."
    bio = "Une présentation courte."
    services = factory.LazyFunction(lambda: ["consulting"])
    regions = factory.LazyFunction(lambda: ["CH-VD"])
    languages = factory.LazyFunction(lambda: ["fr"])
    owner_email = factory.LazyAttribute(lambda page: f"owner-{page.number}@secret.example.net")
    last_confirmed = factory.LazyFunction(timezone.localdate)
