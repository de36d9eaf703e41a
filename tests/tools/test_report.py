"""The admin report of downloads (a Wagtail report): filters, totals, chart and export."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from home.roles import EDITORS
from tests.html import one, parse, texts
from tests.query_budget import assert_query_count_does_not_grow
from tools.downloads import count_download
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

URL = "/admin/reports/tool-downloads/"


@pytest.fixture
def downloads():
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    german = ToolPage.objects.get(sheet_number="02a", locale__language_code="de")
    document_id = tool.instruments.first().document_id
    today = timezone.localdate()
    for _ in range(3):
        count_download(tool.translation_key, document_id, tool.locale_id, today)
    count_download(tool.translation_key, document_id, german.locale_id, today - timedelta(days=5))
    count_download(tool.translation_key, document_id, german.locale_id, today - timedelta(days=60))
    return tool


@pytest.fixture
def admin(client):
    user = User.objects.create_superuser("chef", password="x")
    client.force_login(user)
    return user


def table_rows(response):
    return [texts(row, "td") for row in parse(response).select("table.listing > tbody > tr")]


def csv_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_an_editor_sees_the_totals_and_the_chart(client, downloads):
    editor = User.objects.create_user("editrice", password="x", is_staff=False)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    soup = parse(response)
    chart = one(soup, "figure > svg.download-chart")
    assert len(chart.select(":scope > rect.download-chart__bar")) == 90
    rows = table_rows(response)
    assert "Canevas du modèle socio-économique" in [row[1] for row in rows]
    assert {(row[3], row[4]) for row in rows} == {("fr", "3"), ("de", "2")}


def test_filters_narrow_the_rows_and_the_chart(client, admin, downloads):
    rows = table_rows(client.get(URL, {"period": "30", "language": "de"}))
    assert [(row[3], row[4]) for row in rows] == [("de", "1")]
    soup = parse(client.get(URL, {"period": "30", "language": "de"}))
    heights = [float(bar["height"]) for bar in soup.select("rect.download-chart__bar")]
    assert len(heights) == 30 and sum(1 for height in heights if height) == 1
    other = ToolPage.objects.filter(locale__language_code="fr").exclude(pk=downloads.pk).first()
    response = client.get(URL, {"tool": str(other.translation_key)})
    assert table_rows(response) == []
    assert {(row[3], row[4]) for row in table_rows(client.get(URL, {"period": "365"}))} == {
        ("fr", "3"),
        ("de", "2"),
    }


def test_results_url_serves_the_filtered_table(client, admin, downloads):
    response = client.get(reverse("tools_download_report_results"), {"language": "fr"})
    assert [(row[3], row[4]) for row in table_rows(response)] == [("fr", "3")]


def test_the_old_csv_link_exports_the_table_rows(client, admin, downloads):
    response = client.get(URL + "?period=30&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0] == ["Fiche", "Outil", "Document", "Langue", "Téléchargements"]
    assert sorted(tuple(row[3:]) for row in rows[1:]) == [("de", "1"), ("fr", "3")]
    assert all(row[0] == "02a" for row in rows[1:])
    table = table_rows(client.get(URL, {"period": "30"}))
    assert sorted(rows[1:]) == sorted(table)


def test_the_xlsx_export_has_the_table_rows(client, admin, downloads):
    response = client.get(URL, {"period": "90", "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [[str(cell) for cell in row] for row in workbook.active.iter_rows(values_only=True)]
    assert values[0] == ["Fiche", "Outil", "Document", "Langue", "Téléchargements"]
    assert sorted(values[1:]) == sorted(table_rows(client.get(URL, {"period": "90"})))


def test_exports_do_not_carry_formulas(client, admin, downloads):
    document = downloads.instruments.first().document
    document.title = '=HYPERLINK("https://example.com","clic")'
    document.save()
    rows = csv_rows(client.get(URL, {"export": "csv"}))
    assert {row[2] for row in rows[1:]} == {"'" + document.title}
    response = client.get(URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [row[2] for row in workbook.active.iter_rows(values_only=True, min_row=2)]
    assert set(cells) == {"'" + document.title}


def test_a_bad_filter_is_refused_with_a_message(client, admin, downloads):
    response = client.get(URL, {"period": "7"})
    assert response.status_code == 400
    assert "Ces filtres ne sont pas valides\u00a0: Période" in response.content.decode()


def test_people_without_the_permission_cannot_see_the_report(client):
    user = User.objects.create_user("visiteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    ajax = client.get(URL, {"export": "csv"}, headers={"x-requested-with": "XMLHttpRequest"})
    assert ajax.status_code == 403


def test_report_queries_do_not_grow_with_downloads(client, admin, downloads):
    tools = iter(ToolPage.objects.filter(locale__language_code="fr").exclude(pk=downloads.pk))
    today = timezone.localdate()

    def add_downloads():
        tool = next(tools)
        instrument = tool.instruments.first()
        document_id = (
            instrument.document_id if instrument else downloads.instruments.first().document_id
        )
        for days in range(3):
            count_download(
                tool.translation_key, document_id, tool.locale_id, today - timedelta(days=days)
            )

    assert_query_count_does_not_grow(client, URL, add_downloads, budget=25)
