"""News: the news index and news items."""

import datetime

import factory

from news.models import NewsIndexPage, NewsPage
from taxonomy.models import Theme

from .pages import PageFactory, demo_page, terms


def demo_news_index():
    """The news index of the demo site in the default language ("actualites")."""
    return demo_page(NewsIndexPage, "actualites", title="Actualités")


class NewsIndexPageFactory(PageFactory):
    """A news index; the demo site has one per language ("actualites")."""

    class Meta:
        model = NewsIndexPage

    title = factory.LazyAttribute(lambda page: f"Actualités essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"actualites-essai-{page.number}")


class NewsPageFactory(PageFactory):
    """A news item in the demo index of the default language, published and aliased.

    Each item is dated one day after the previous one, from 2 January 2027: newer than the
    demo's news. `theme_slugs`: its themes, by slug, in its language.
    """

    class Meta:
        model = NewsPage

    class Params:
        theme_slugs = ()

    parent = factory.LazyFunction(demo_news_index)
    title = factory.LazyAttribute(lambda page: f"Nouvelle essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"nouvelle-essai-{page.number}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de la nouvelle d'essai {page.number}.")
    date = factory.LazyAttribute(
        lambda page: datetime.date(2027, 1, 1) + datetime.timedelta(days=page.number)
    )
    themes = terms(Theme, "theme_slugs")
