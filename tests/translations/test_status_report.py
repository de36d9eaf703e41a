"""The translation status report in the admin: who sees it, filters, counts, CSV, queries."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.models import Locale

from home.models import StandardPage
from home.roles import EDITORS, MODERATORS, REVIEWERS, translator_group_name
from taxonomy.models import Lever
from tests.factories import (
    AdministratorFactory,
    LeverFactory,
    ModeratorFactory,
    StandardPageFactory,
    TranslatorFactory,
    UserFactory,
)
from tests.html import one, parse, text_of
from tests.query_budget import assert_query_count_does_not_grow
from translations.status import MISSING, STATUS_LABELS, UP_TO_DATE

pytestmark = pytest.mark.django_db

REPORT = reverse("translations_status_report")


@pytest.mark.parametrize(
    "group", [translator_group_name("de"), translator_group_name("it"), MODERATORS]
)
def test_translators_and_moderators_open_the_report(client, group):
    client.force_login(UserFactory(groups=[group]))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "Translation status" in text_of(parse(response)) or response.context["rows"]


@pytest.mark.parametrize("group", [EDITORS, REVIEWERS])
def test_other_volunteers_cannot_open_the_report(client, group):
    client.force_login(UserFactory(groups=[group]))
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_demo_translations_are_up_to_date_and_the_contact_page_is_missing(client):
    client.force_login(ModeratorFactory())
    response = client.get(REPORT, {"locale": "de"})
    rows = {(row.item.label, row.locale.language_code): row for row in response.context["rows"]}
    assert rows[("L'association", "de")].status == UP_TO_DATE
    assert rows[("Nos domaines d'activité", "de")].status == UP_TO_DATE
    assert rows[("Contact", "de")].status == MISSING
    assert {code for _label, code in rows} == {"de"}
    association = StandardPage.objects.get(slug="association", locale__language_code="de")
    links = [
        (text_of(one(row, ":scope > td:first-child")), link["href"])
        for row in parse(response).select('table.listing > tbody > tr[data-locale="de"]')
        for link in row.select("a")
    ]
    assert ("L'association", reverse("wagtailadmin_pages:edit", args=[association.pk])) in links


def test_filters_by_status_and_content_type_and_counts_per_status(client):
    client.force_login(ModeratorFactory())
    page_type = ContentType.objects.get_for_model(StandardPage)
    response = client.get(
        REPORT, {"locale": "it", "status": "up_to_date", "content_type": page_type.pk}
    )
    rows = response.context["rows"]
    assert rows
    assert {row.status for row in rows} == {UP_TO_DATE}
    assert {row.item.model for row in rows} == {StandardPage}
    counts = {value: count for value, _label, count in response.context["counts"]}
    standard_pages = StandardPage.objects.filter(locale=Locale.get_default()).count()
    assert sum(counts.values()) == standard_pages
    assert counts[UP_TO_DATE] == len(rows)
    # French typography in the French admin: a non-breaking space before the colon.
    shown = one(parse(response), f'.translation-status-counts li[data-status="{UP_TO_DATE}"]')
    with translation.override("fr"):
        assert shown.get_text() == f"{STATUS_LABELS[UP_TO_DATE]}\u00a0: {len(rows)}"


def test_snippets_appear_with_a_link_to_their_editor(client):
    client.force_login(TranslatorFactory(language_code="de"))
    lever_type = ContentType.objects.get_for_model(Lever)
    response = client.get(REPORT, {"locale": "de", "content_type": lever_type.pk})
    rows = response.context["rows"]
    assert len(rows) == Lever.objects.filter(locale=Locale.get_default()).count()
    german = Lever.objects.get(
        translation_key=rows[0].item.translation_key, locale__language_code="de"
    )
    assert rows[0].action_url == reverse(
        Lever.snippet_viewset.get_url_name("edit"), args=[german.pk]
    )


def export_lines(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_csv_export_lists_the_filtered_rows(client):
    client.force_login(ModeratorFactory())
    response = client.get(REPORT, {"locale": "en", "status": "missing", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = export_lines(response)
    header, data = lines[0], lines[1:]
    with translation.override("fr"):  # The admin speaks the site's default language.
        assert header[:4] == [
            gettext("Title"),
            gettext("Type of content"),
            gettext("Language"),
            gettext("Status"),
        ]
        missing = str(STATUS_LABELS[MISSING])
    assert data
    assert {line[2] for line in data} == {"en"}
    assert {line[3] for line in data} == {missing}
    assert "Contact" in {line[0] for line in data}
    table = client.get(REPORT, {"locale": "en", "status": "missing"}).context["paginator"]
    assert len(data) == table.count


def test_xlsx_export_has_the_rows_of_the_table(client):
    client.force_login(ModeratorFactory())
    filters = {"locale": "de", "content_type": ContentType.objects.get_for_model(Lever).pk}
    response = client.get(REPORT, {**filters, "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    data = list(workbook.active.iter_rows(values_only=True, min_row=2))
    rows = client.get(REPORT, filters).context["rows"]
    assert [(line[0], line[2]) for line in data] == [
        (row.item.label, row.locale.language_code) for row in rows
    ]


def test_exports_write_formulas_as_text(client):
    LeverFactory(name='=HYPERLINK("https://example.com","clic")')
    client.force_login(ModeratorFactory())
    lever_type = ContentType.objects.get_for_model(Lever).pk
    lines = export_lines(client.get(REPORT, {"content_type": lever_type, "export": "csv"}))
    titles = {line[0] for line in lines[1:]}
    assert '\'=HYPERLINK("https://example.com","clic")' in titles
    assert not any(title.startswith("=") for title in titles)
    response = client.get(REPORT, {"content_type": lever_type, "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = {row[0] for row in workbook.active.iter_rows(values_only=True, min_row=2)}
    assert '\'=HYPERLINK("https://example.com","clic")' in cells


def test_a_translator_sees_only_their_language(client):
    client.force_login(TranslatorFactory(language_code="de"))
    response = client.get(REPORT)
    assert {row.locale.language_code for row in response.context["rows"]} == {"de"}
    choices = [value for value, _label in response.context["filters"].form.fields["locale"].choices]
    assert choices == ["", "de"]
    lines = export_lines(client.get(REPORT, {"export": "csv"}))
    assert {line[2] for line in lines[1:]} == {"de"}


@pytest.mark.parametrize("query", [{"locale": "it"}, {"locale": "it", "export": "csv"}])
def test_a_translator_cannot_filter_into_another_language(client, query):
    client.force_login(TranslatorFactory(language_code="de"))
    response = client.get(REPORT, query)
    assert response.status_code == 400
    assert "Langue" in response.content.decode()
    results = client.get(reverse("translations_status_report_results"), query)
    assert results.status_code == 400


def test_a_bad_status_is_refused(client):
    client.force_login(ModeratorFactory())
    assert client.get(REPORT, {"status": "done"}).status_code == 400
    assert client.get(REPORT, {"assigned_to": "x"}).status_code == 400


def test_report_queries_do_not_grow_with_pages_and_snippets(client, home_page):
    client.force_login(AdministratorFactory(username="admin-report", email="a@example.org"))
    counter = iter(range(100))

    def add_content():
        number = next(counter)
        StandardPageFactory(parent=home_page, title=f"Page {number}", bare=True)
        LeverFactory(name=f"Levier {number}")

    assert_query_count_does_not_grow(client, REPORT, add_content, budget=40)


def test_a_translators_report_queries_do_not_grow_either(client, home_page):
    client.force_login(TranslatorFactory(language_code="it"))
    counter = iter(range(100))

    def add_content():
        number = next(counter)
        StandardPageFactory(parent=home_page, title=f"Seite {number}", bare=True)
        LeverFactory(name=f"Hebel {number}")

    assert_query_count_does_not_grow(client, REPORT, add_content, budget=55)


def test_translators_dashboard_shows_what_waits_in_their_language(client):
    client.force_login(TranslatorFactory(language_code="it"))
    response = client.get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    panel = one(parse(content), "section#waiting-translations-section")
    with translation.override("fr"):
        assert text_of(one(panel, "h2")) == gettext("Translations waiting in your languages")
    assert f"{REPORT}?locale=it&status=missing" in [link["href"] for link in panel.select("a")]
    assert "locale=de" not in content


def test_moderators_dashboard_has_no_translator_panel(client):
    client.force_login(ModeratorFactory())
    response = client.get(reverse("wagtailadmin_home"))
    assert not parse(response).select('[id^="waiting-translations"]')
