"""The home app: home pages, standard pages, the main menu and the footer."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page

from home.models import Footer, HomePage, MainMenu, StandardPage

from .pages import PageFactory


class HomePageFactory(PageFactory):
    """A home page at the top of a tree of its own (under Wagtail's root), without aliases.

    The demo site's home pages (one per language) are what the site serves; a second home page
    is for a test that needs a separate tree.
    """

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    aliases = False
    locale = factory.LazyFunction(Locale.get_default)
    title = factory.LazyAttribute(lambda page: f"Accueil essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"accueil-essai-{page.number}")
    intro = "Un site d'essai de l'association."


class StandardPageFactory(PageFactory):
    """A standard page (text in blocks) under the French home page."""

    class Meta:
        model = StandardPage

    intro = ""


class MainMenuFactory(DjangoModelFactory):
    """A main menu (a translatable snippet) in the default language, without items."""

    class Meta:
        model = MainMenu

    name = factory.Sequence(lambda n: f"Menu essai {n}")
    locale = factory.LazyFunction(Locale.get_default)


class FooterFactory(DjangoModelFactory):
    """A footer (a translatable snippet) in the default language, without links."""

    class Meta:
        model = Footer

    text = "<p>Social Business Models, une association suisse.</p>"
    locale = factory.LazyFunction(Locale.get_default)
