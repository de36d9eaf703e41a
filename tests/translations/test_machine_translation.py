"""Machine translation keeps the association's glossary, and its output waits for a person."""

import json
from urllib.parse import parse_qs

import pytest
import responses
from django.core.cache import cache
from django.test import override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests.factories import GlossaryTermFactory, ToolPageFactory, TranslatorFactory
from tests.html import one, parse, text_of
from translations.machine_translation import apply_glossary
from translations.wagtail_hooks import glossary_viewset

pytestmark = pytest.mark.django_db

DEEPL = {
    "CLASS": "translations.machine_translation.GlossaryDeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "cle-de-test:fx"},
}
API = "https://api-free.deepl.com"


def deepl_translates(prefix):
    """DeepL's /v2/translate answer: each text sent, with `prefix` in front."""

    def answer(request):
        texts = parse_qs(request.body)["text"]
        body = {
            "translations": [
                {"detected_source_language": "FR", "text": f"{prefix}{text}"} for text in texts
            ]
        }
        return 200, {}, json.dumps(body)

    return answer


def send_for_translation(client, tool):
    """Through wagtail-localize's "Translate" form, as a translator does: the German page
    exists, its texts still in French."""
    german = Locale.objects.get(language_code="de")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[tool.pk]),
        {"locales": [german.pk]},
    )
    source = TranslationSource.objects.get(object_id=tool.translation_key)
    return source, Translation.objects.get(source=source, target_locale=german)


def machine_translate(client, translation):
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_home")},
    )


def german_strings(source, locale):
    return {
        segment.string.data: StringTranslation.objects.get(
            translation_of=segment.string, locale=locale, context=segment.context
        )
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }


def test_the_glossary_replaces_whole_terms_keeping_the_capital():
    entries = {"fil rouge": "roter Faden", "levier": "Hebel"}
    assert (
        apply_glossary("Fil rouge du projet : chaque levier, pas les leviers.", entries)
        == "Roter Faden du projet : chaque Hebel, pas les leviers."
    )


def test_without_deepl_the_glossary_is_applied_and_marked_machine_made(client):
    GlossaryTermFactory(french="grille de lecture", german="Leseraster")
    tool = ToolPageFactory(
        title="Grille de lecture des partenariats",
        summary="Une grille de lecture pour choisir ses partenaires.",
        aliases=False,
    )
    client.force_login(TranslatorFactory(language_code="de"))
    source, translation = send_for_translation(client, tool)
    machine_translate(client, translation)

    strings = german_strings(source, translation.target_locale)
    assert strings["Grille de lecture des partenariats"].data == "Leseraster des partenariats"
    assert strings["Une grille de lecture pour choisir ses partenaires."].data == (
        "Une Leseraster pour choisir ses partenaires."
    )
    assert {string.translation_type for string in strings.values()} == {"machine"}

    # The status report and the translation editor say how many wait for a person.
    report = client.get(reverse("translations_status_report"), {"locale": "de"})
    (row,) = [row for row in report.context["rows"] if row.item.pk == tool.pk]
    assert row.machine_made == len(strings)
    german = tool.get_translation(translation.target_locale)
    editor = parse(client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])))
    assert text_of(one(editor, ".translation-machine-made strong")).startswith(
        f"{len(strings)} traductions automatiques à relire"
    )

    # A person edits one text in the translation editor: it is no longer machine-made.
    segment = StringSegment.objects.get(source=source, string__data=tool.title)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart(BOUNDARY, {"value": "Leseraster für Partnerschaften"}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code == 200, response.content
    strings = german_strings(source, translation.target_locale)
    assert strings[tool.title].translation_type == "manual"
    report = client.get(reverse("translations_status_report"), {"locale": "de"})
    (row,) = [row for row in report.context["rows"] if row.item.pk == tool.pk]
    assert row.machine_made == len(strings) - 1


def test_a_translator_adds_a_term_in_the_admin_and_machine_translation_follows_it(client):
    """The glossary is data that translators and moderators keep in the admin (Reports)."""
    client.force_login(TranslatorFactory(language_code="de"))
    response = client.post(
        reverse(glossary_viewset.get_url_name("add")),
        {"french": "boussole", "german": "Kompass", "italian": "", "english": "", "note": ""},
    )
    assert response.status_code == 302
    tool = ToolPageFactory(title="La boussole du projet", summary="Une boussole.", aliases=False)
    source, translation = send_for_translation(client, tool)
    machine_translate(client, translation)
    strings = german_strings(source, translation.target_locale)
    assert strings["La boussole du projet"].data == "La Kompass du projet"
    assert strings["Une boussole."].data == "Une Kompass."


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
@responses.activate
def test_deepl_receives_the_glossary_made_from_the_terms(client):
    cache.clear()
    GlossaryTermFactory(french="grille de lecture", german="Leseraster")
    tool = ToolPageFactory(title="Grille de lecture", summary="Grille de lecture", aliases=False)

    created = responses.post(
        f"{API}/v2/glossaries",
        json={
            "glossary_id": "glossaire-1",
            "name": "Social Business Models FR-DE",
            "ready": True,
            "source_lang": "fr",
            "target_lang": "de",
            "creation_time": "2026-12-03T10:00:00.000Z",
            "entry_count": 1,
        },
        status=201,
    )
    translated = responses.add_callback(
        responses.POST, f"{API}/v2/translate", callback=deepl_translates("DE: ")
    )
    client.force_login(TranslatorFactory(language_code="de"))
    _source, translation = send_for_translation(client, tool)
    machine_translate(client, translation)

    glossary_request = json.loads(created.calls[0].request.body)
    assert glossary_request["source_lang"] == "FR"
    assert glossary_request["target_lang"] == "DE"
    assert "grille de lecture\tLeseraster" in glossary_request["entries"].splitlines()
    assert "fil rouge\tLeitfaden" in glossary_request["entries"].splitlines()
    translate_request = parse_qs(translated.calls[0].request.body)
    assert translate_request["glossary_id"] == ["glossaire-1"]
    assert translate_request["source_lang"] == ["FR"]
    assert translate_request["target_lang"] == ["DE"]
    assert translated.calls[0].request.headers["Authorization"] == "DeepL-Auth-Key cle-de-test:fx"
    german = StringTranslation.objects.filter(
        locale=translation.target_locale, data="DE: Grille de lecture"
    )
    assert german.exists()
    assert {string.translation_type for string in german} == {"machine"}


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
@responses.activate
def test_the_deepl_glossary_is_made_again_only_when_the_terms_change(client):
    cache.clear()
    term = GlossaryTermFactory(french="grille de lecture", german="Leseraster")
    glossary = {
        "name": "Social Business Models FR-DE",
        "ready": True,
        "source_lang": "fr",
        "target_lang": "de",
        "creation_time": "2026-12-03T10:00:00.000Z",
        "entry_count": 1,
    }
    created = responses.post(
        f"{API}/v2/glossaries", json={**glossary, "glossary_id": "glossaire-1"}, status=201
    )
    responses.post(
        f"{API}/v2/glossaries", json={**glossary, "glossary_id": "glossaire-2"}, status=201
    )
    deleted = responses.delete(f"{API}/v2/glossaries/glossaire-1", status=204)
    translated = responses.add_callback(
        responses.POST, f"{API}/v2/translate", callback=deepl_translates("DE: ")
    )
    client.force_login(TranslatorFactory(language_code="de"))
    for title in ("Premier outil", "Second outil"):
        _source, translation = send_for_translation(
            client, ToolPageFactory(title=title, summary=title, aliases=False)
        )
        machine_translate(client, translation)
    assert created.call_count == 1

    term.german = "Lesegitter"
    term.save()
    _source, translation = send_for_translation(
        client, ToolPageFactory(title="Troisième outil", summary="Troisième outil", aliases=False)
    )
    machine_translate(client, translation)
    assert deleted.call_count == 1
    assert parse_qs(translated.calls[-1].request.body)["glossary_id"] == ["glossaire-2"]
