"""The language facet of the tool library: tools with a sheet or files in a language."""

import pytest
from wagtail.models import Locale

from tests.factories import ToolInstrumentFactory, ToolPageFactory
from tests.html import one, parse, texts
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolPage

from .test_listing import option_count, result_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_library(library):
    german = library.get_translation(Locale.objects.get(language_code="de"))
    return german.url


def test_the_facet_offers_the_four_languages_each_named_in_its_own_language(client, german_library):
    form = one(parse(client.get(german_library)), "form.tool-filters")
    labels = {
        code: one(form, f'label[for="filter-language-{code}"] > span[lang="{code}"]').get_text()
        for code in ("fr", "de", "it", "en")
    }
    assert labels == {"fr": "Français", "de": "Deutsch", "it": "Italiano", "en": "English"}


def test_a_translated_sheet_counts_for_its_language_and_an_alias_does_not(client, german_library):
    translated = ToolPage.objects.filter(
        locale__language_code="de", alias_of__isnull=True, live=True
    ).count()
    assert translated > 0  # the demo translates some sheets
    ToolPageFactory(title="Outil seulement en français")  # aliased in German

    response = client.get(german_library)
    assert option_count(response, "language", "de") == translated
    french_tools = ToolPage.objects.filter(
        locale__language_code="fr", alias_of__isnull=True, live=True
    ).count()
    assert option_count(response, "language", "fr") == french_tools


def test_a_file_in_a_language_brings_its_tool_into_that_language(client, german_library):
    before = option_count(client.get(german_library), "language", "it")
    tool = ToolPageFactory(title="Outil avec un fichier en italien")
    ToolInstrumentFactory(page=tool, title="Modello in italiano", language="it")

    assert option_count(client.get(german_library), "language", "it") == before + 1
    filtered = client.get(german_library, {"language": "it"})
    cards = texts(parse(filtered), "ul.tool-cards > li.tool-card > h3 > a")
    assert any(tool.title in card for card in cards)
    assert result_count(filtered).startswith(f"{before + 1} ")


def test_a_language_combines_with_the_other_facets(client, library):
    wanted = ToolPageFactory(
        title="Outil humain avec un fichier anglais", lever_slugs=["human-resources"]
    )
    ToolInstrumentFactory(page=wanted, language="en")
    other_lever = ToolPageFactory(
        title="Outil financier avec un fichier anglais", lever_slugs=["financial-resources"]
    )
    ToolInstrumentFactory(page=other_lever, language="en")

    response = client.get(library.url, {"language": "en", "lever": "human-resources"})
    titles = texts(parse(response), "ul.tool-cards > li.tool-card > h3 > a")
    assert any(wanted.title in title for title in titles)
    assert not any(other_lever.title in title for title in titles)
    # The option's count is what ticking it gives with the other facets as they are.
    with_lever_only = client.get(library.url, {"lever": "human-resources"})
    assert result_count(response).startswith(f"{option_count(with_lever_only, 'language', 'en')} ")


@pytest.mark.parametrize(
    "query",
    ["language=xx", "language=de&language=klingon", "language=FR", "language=d%C3%A9"],
)
def test_an_unknown_language_is_left_out_with_the_kits_notice(client, library, query):
    response = client.get(f"{library.url}?{query}")
    assert response.status_code == 200
    assert parse(response).select('main p.notice.notice--error[role="alert"]')
    # The known language of the link still applies; an unknown one alone filters nothing.
    expected = option_count(client.get(library.url), "language", "de") if "de&" in query else None
    if expected is not None:
        assert result_count(response).startswith(f"{expected} ")
    else:
        assert result_count(response) == result_count(client.get(library.url))


def test_a_null_byte_is_refused_as_everywhere_on_the_site(client, library):
    assert client.get(f"{library.url}?language=%00").status_code == 400  # sbm_site/middleware.py


def test_the_demo_german_sheets_are_what_the_german_library_lists_in_german(client, german_library):
    german_keys = set(
        ToolPage.objects.filter(
            locale__language_code="de", alias_of__isnull=True, live=True
        ).values_list("translation_key", flat=True)
    )
    assert len(german_keys) >= 8  # translations/demo.py translates at least eight sheets
    response = client.get(german_library, {"language": "de"})
    cards = texts(parse(response), "ul.tool-cards > li.tool-card > h3 > a")
    listed = ToolPage.objects.filter(
        locale__language_code="de", title__in=[card.strip() for card in cards]
    ).values_list("translation_key", flat=True)
    assert set(listed) <= german_keys
    assert result_count(response).startswith(f"{len(german_keys)} ")
    assert option_count(response, "language", "de") == len(german_keys)


def test_an_alias_card_is_found_by_its_translation_in_another_locale(client, library):
    tool = ToolPageFactory(title="Outil traduit seulement en allemand")
    german_translation(tool, "Werkzeug nur auf Deutsch")
    italian_library = library.get_translation(Locale.objects.get(language_code="it")).url
    italian_alias = tool.get_translation(Locale.objects.get(language_code="it"))
    assert italian_alias.alias_of_id == tool.pk

    response = client.get(italian_library, {"language": "de"})
    cards = texts(parse(response), "ul.tool-cards > li.tool-card > h3 > a")
    assert any(italian_alias.title in card for card in cards)
    italian = client.get(italian_library, {"language": "it"})
    cards = texts(parse(italian), "ul.tool-cards > li.tool-card > h3 > a")
    assert not any(italian_alias.title in card for card in cards)


def german_translation(tool, title):
    """The German alias of `tool` made a translation of its own, as wagtail-localize does."""
    german = tool.get_translation(Locale.objects.get(language_code="de"))
    german.alias_of = None
    german.title = title
    german.save()
    return german


def test_a_file_of_an_unpublished_translation_does_not_count(client, library):
    before = option_count(client.get(library.url), "language", "it")
    tool = ToolPageFactory(title="Outil avec un fichier sur une traduction en brouillon")
    draft = german_translation(tool, "Werkzeug im Entwurf")
    ToolInstrumentFactory(page=draft, language="it")
    assert option_count(client.get(library.url), "language", "it") == before + 1
    draft.unpublish()

    assert option_count(client.get(library.url), "language", "it") == before


def test_the_counts_stay_one_query_whatever_the_number_of_tools_with_files(client, library):
    def add_tools():
        for code in ("de", "it"):
            ToolInstrumentFactory(page=ToolPageFactory(), language=code)

    assert_query_count_does_not_grow(client, f"{library.url}?language=de", add_tools)
