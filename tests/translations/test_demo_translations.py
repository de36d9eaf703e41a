"""The demo's translated pages: real German, Italian and English versions, nothing left in French.

translations/demo.py translates the home page, the association and domains pages, the
self-diagnosis, the tool index with eight sheets, the guides' index with two guides, the events
index and the webinar cycle with its webinars; everything else stays an alias with the notice.
"""

import io

import pytest
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from tests.factories import ToolPageFactory
from tests.html import one, parse, text_of
from tools.models import ToolPage
from translations import demo

pytestmark = pytest.mark.django_db

LANGUAGES = {"de": 0, "it": 1, "en": 2}
# One page of each kind the demo translates, by its French address below the language prefix.
PAGES_OF_EACH_KIND = [
    "autodiagnostic/",
    "outils/",
    "outils/02a-canevas-du-modele-socio-economique/",
    "fils-rouges/",
    "fils-rouges/fil-rouge-conception/",
    "evenements/",
    "evenements/cycle-webinaires-modeles-socio-economiques/",
    "evenements/cycle-webinaires-modeles-socio-economiques/webinaire-07/",
]


def translated_title(page, language):
    return demo.all_texts()[page.title][LANGUAGES[language]]


def test_the_demo_translates_the_pages_the_association_shows_in_every_language():
    pages = demo.translated_pages()
    slugs = {page.slug for page in pages}
    assert {"autodiagnostic", "outils", "fils-rouges", "evenements"} <= slugs
    assert {"fil-rouge-curiosite", "fil-rouge-conception"} <= slugs
    assert "cycle-webinaires-modeles-socio-economiques" in slugs
    sheets = [page for page in pages if isinstance(page, ToolPage)]
    assert len(sheets) >= 8
    assert all(page.locale.language_code == "fr" for page in pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translated_page_is_a_live_translation_with_its_translated_title(language):
    locale = Locale.objects.get(language_code=language)
    for page in demo.translated_pages():
        translation = page.get_translation(locale)
        assert translation.alias_of_id is None, translation.url_path
        assert translation.live, translation.url_path
        # Same address, only the language prefix differs.
        assert translation.url == f"/{language}/" + page.url.removeprefix("/fr/")
        assert translation.title == translated_title(page, language)
        if page.title != "Social Business Models":
            assert translation.title != page.title


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_segment_of_a_translated_page_is_left_in_french(language):
    locale = Locale.objects.get(language_code=language)
    left = {
        page.url_path: demo.untranslated_segments(page, locale) for page in demo.translated_pages()
    }
    assert {path: segments for path, segments in left.items() if segments} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_translations_are_written_by_people_not_machine_made(language):
    keys = [page.translation_key for page in demo.translated_pages()]
    strings = StringTranslation.objects.filter(
        locale__language_code=language, context__object_id__in=keys
    )
    assert strings.count() > 100
    assert set(strings.values_list("translation_type", flat=True)) == {
        StringTranslation.TRANSLATION_TYPE_MANUAL
    }


def test_the_check_names_the_segments_still_in_french():
    french = ToolPageFactory(title="Une fiche pas encore traduite")
    german = Locale.objects.get(language_code="de")
    untranslated = demo.untranslated_segments(french, german)
    assert "title" in untranslated and "summary" in untranslated


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES_OF_EACH_KIND)
def test_a_translated_page_reads_in_its_language_without_the_notice(client, language, path):
    french = Page.objects.get(url_path=f"/accueil/{path}", locale__language_code="fr").specific
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    soup = parse(response)
    main = one(soup, "main")
    assert main["lang"] == language
    assert not soup.select("aside.notice--untranslated")
    assert text_of(one(main, "h1")) == translated_title(french, language)
    assert french.title not in text_of(main)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_guide_leads_to_the_translated_tool_sheets(client, language):
    soup = parse(client.get(f"/{language}/fils-rouges/fil-rouge-conception/"))
    links = {
        link["href"]: text_of(link)
        for link in one(soup, "main").select(f'a[href^="/{language}/outils/"]')
    }
    canvas = f"/{language}/outils/02a-canevas-du-modele-socio-economique/"
    assert canvas in links
    french_title = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr").title
    assert demo.all_texts()[french_title][LANGUAGES[language]] in links[canvas]
    assert len(links) == 5


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "outils/10-le-plan-de-tresorerie-sur-douze-mois/",
        "fils-rouges/fil-rouge-maturation/",
        "evenements/atelier-canevas-geneve/",
        "evenements/21-jours-pour-convaincre/",
    ],
)
def test_pages_left_untranslated_still_show_the_notice(client, language, path):
    page = Page.objects.get(url_path=f"/accueil-{language}/{path}")
    assert page.alias_of_id is not None
    soup = parse(client.get(f"/{language}/{path}"))
    notice = one(soup, "aside.notice--untranslated")
    assert notice["lang"] == language
    assert one(soup, "main")["lang"] == "fr"


def test_loading_again_changes_nothing_and_keeps_what_translators_changed():
    german = Locale.objects.get(language_code="de")
    french = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=german
    )
    StringTranslation.objects.filter(
        locale=german, context__path="title", context__object_id=french.translation_key
    ).update(data="Das Canvas, vom Übersetzungsteam überarbeitet")
    translation.save_target(publish=True)
    revisions = Revision.objects.count()
    strings = StringTranslation.objects.count()

    output = io.StringIO()
    demo.load(BaseCommand(stdout=output))

    assert "0 page translation(s) published" in output.getvalue()
    assert "still in French" not in output.getvalue()
    assert Revision.objects.count() == revisions
    assert StringTranslation.objects.count() == strings
    assert french.get_translation(german).title == "Das Canvas, vom Übersetzungsteam überarbeitet"


def test_a_missing_language_is_translated_again_and_reported_complete():
    italian = Locale.objects.get(language_code="it")
    french = Page.objects.get(url_path="/accueil/fils-rouges/", locale__language_code="fr")
    Translation.objects.filter(
        source__object_id=french.translation_key, target_locale=italian
    ).delete()

    output = io.StringIO()
    demo.load(BaseCommand(stdout=output))

    assert "1 page translation(s) published" in output.getvalue()
    assert "still in French" not in output.getvalue()
    assert french.get_translation(italian).title == "Fili conduttori e guide"
