"""Translators claim an item in their language from the status report, and release it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from tests.factories import ModeratorFactory, ToolPageFactory, TranslatorFactory
from tests.html import parse, text_of
from tools.models import ToolPage
from translations.models import TranslationAssignment

pytestmark = pytest.mark.django_db

REPORT = reverse("translations_status_report")


def claim(client, item, language_code):
    return client.post(
        reverse("translations_claim"),
        {"kind": "page", "pk": item.pk, "locale": language_code, "next": REPORT},
    )


def report_rows(client, **filters):
    response = client.get(REPORT, filters)
    return {(row.item.pk, row.locale.language_code): row for row in response.context["rows"]}


def test_a_translator_claims_an_item_and_the_report_shows_who_and_since(client):
    tool = ToolPageFactory(title="Matrice des parties prenantes", aliases=False)
    anna = TranslatorFactory(language_code="de", first_name="Anna", last_name="Keller")
    client.force_login(anna)

    page = parse(client.get(REPORT, {"locale": "de", "status": "missing"}))
    buttons = [
        button
        for button in page.select("form[action] button")
        if "Matrice des parties" in text_of(button)
    ]
    assert [text_of(button).startswith("Je m’en occupe") for button in buttons] == [True]

    response = claim(client, tool, "de")
    assert response.status_code == 302
    assignment = TranslationAssignment.objects.get()
    assert (assignment.user, assignment.locale.language_code) == (anna, "de")
    assert str(assignment.source_id) == str(tool.translation_key)

    response = client.get(REPORT, {"locale": "de"})
    row = {row.item.pk: row for row in response.context["rows"]}[tool.pk]
    assert row.assignment == assignment
    html_row = [
        tr
        for tr in parse(response).select("table.listing tbody tr")
        if "Matrice des parties" in text_of(tr)
    ][0]
    assert text_of(html_row.select_one("td.translation-assignee")) == "Anna Keller"
    # The report gives the date in the site's time zone (near midnight, not the UTC date).
    claimed_on = timezone.localdate(assignment.claimed_at)
    assert html_row.select_one("time")["datetime"].startswith(str(claimed_on))
    assert ModelLogEntry.objects.filter(action="translations.claim", user=anna).exists()


def test_one_translator_per_item_and_language(client):
    tool = ToolPageFactory(aliases=False)
    anna, bruno = TranslatorFactory(language_code="de"), TranslatorFactory(language_code="de")
    client.force_login(anna)
    claim(client, tool, "de")
    client.force_login(bruno)
    claim(client, tool, "de")
    assert list(TranslationAssignment.objects.values_list("user", flat=True)) == [anna.pk]
    # The Italian version is another item.
    client.force_login(TranslatorFactory(language_code="it"))
    claim(client, tool, "it")
    assert TranslationAssignment.objects.count() == 2


def test_a_translator_cannot_claim_in_another_language(client):
    tool = ToolPageFactory(aliases=False)
    client.force_login(TranslatorFactory(language_code="de"))
    response = claim(client, tool, "it")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")  # Wagtail's "permission denied"
    assert not TranslationAssignment.objects.exists()
    # Nor through a GET (no CSRF-protected form).
    response = client.get(
        reverse("translations_claim"), {"kind": "page", "pk": tool.pk, "locale": "de"}
    )
    assert response.status_code == 405
    assert not TranslationAssignment.objects.exists()


def test_only_the_claimant_or_a_moderator_releases(client):
    tool = ToolPageFactory(aliases=False)
    anna = TranslatorFactory(language_code="de")
    client.force_login(anna)
    claim(client, tool, "de")
    assignment = TranslationAssignment.objects.get()
    release = reverse("translations_release", args=[assignment.pk])

    client.force_login(TranslatorFactory(language_code="de"))
    assert client.post(release)["Location"] == reverse("wagtailadmin_home")
    assert TranslationAssignment.objects.exists()

    client.force_login(anna)
    client.post(release, {"next": REPORT})
    assert not TranslationAssignment.objects.exists()
    assert ModelLogEntry.objects.filter(action="translations.release", user=anna).exists()

    client.force_login(anna)
    claim(client, tool, "de")
    moderator = ModeratorFactory()
    client.force_login(moderator)
    client.post(reverse("translations_release", args=[TranslationAssignment.objects.get().pk]))
    assert not TranslationAssignment.objects.exists()


def test_report_filters_by_translator_mine_and_nobody(client):
    first, second = ToolPageFactory(aliases=False), ToolPageFactory(aliases=False)
    anna, bruno = TranslatorFactory(language_code="de"), TranslatorFactory(language_code="de")
    client.force_login(anna)
    claim(client, first, "de")
    client.force_login(bruno)
    claim(client, second, "de")

    assert set(report_rows(client, assigned_to="mine")) == {(second.pk, "de")}
    assert set(report_rows(client, assigned_to=str(anna.pk))) == {(first.pk, "de")}
    client.force_login(ModeratorFactory())
    tool_type = ContentType.objects.get_for_model(ToolPage).pk
    nobody = report_rows(client, assigned_to="nobody", content_type=tool_type)
    assert (first.pk, "de") not in nobody and (second.pk, "de") not in nobody
    assert (first.pk, "it") in nobody
    client.force_login(anna)
    assert set(report_rows(client, assigned_to="mine")) == {(first.pk, "de")}


def test_the_dashboard_panel_lists_only_the_translators_languages(client):
    tool = ToolPageFactory(aliases=False)
    anna = TranslatorFactory(language_code="de")
    client.force_login(anna)
    claim(client, tool, "de")
    panel = parse(client.get(reverse("wagtailadmin_home"))).select_one(
        "section#waiting-translations-section"
    )
    hrefs = [link["href"] for link in panel.select("a")]
    languages = {href.split("locale=")[1].split("&")[0] for href in hrefs if "locale=" in href}
    assert languages == {"de"}
    assert f"{REPORT}?assigned_to=mine" in hrefs
    assert "1" in text_of(panel.select_one(f"a[href='{REPORT}?assigned_to=mine']"))


def test_the_translate_form_offers_only_the_translators_languages(client):
    tool = ToolPageFactory(aliases=False)
    url = reverse("wagtail_localize:submit_page_translation", args=[tool.pk])

    def offered():
        page = parse(client.get(url))
        return {box["value"] for box in page.select("input[name='locales']")}

    client.force_login(ModeratorFactory())
    locales = {code: str(pk) for pk, code in Locale.objects.values_list("pk", "language_code")}
    assert offered() == {locales["de"], locales["it"], locales["en"]}
    client.force_login(TranslatorFactory(language_code="de"))
    assert offered() == {locales["de"]}

    response = client.post(url, {"locales": [locales["it"]]})
    assert response.status_code == 200  # the form again, with an error
    assert not tool.get_translations().filter(locale__language_code="it").exists()
    client.post(url, {"locales": [locales["de"]]})
    assert tool.get_translations().filter(locale__language_code="de").exists()
