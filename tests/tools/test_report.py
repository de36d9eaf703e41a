"""The admin report of downloads: totals, an SVG chart over time and a CSV export."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from home.roles import EDITORS
from tests.html import one, parse, texts
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
    return tool


def test_an_editor_sees_the_totals_and_the_chart(client, downloads):
    editor = User.objects.create_user("editrice", password="x", is_staff=False)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    soup = parse(response)
    chart = one(soup, "figure > svg.download-chart")
    assert len(chart.select(":scope > rect.download-chart__bar")) == 90
    assert len(soup.select(".download-chart__bar")) == 90
    rows = [texts(row, "td") for row in soup.select("table.listing > tbody > tr")]
    assert "Canevas du modèle socio-économique" in [row[1] for row in rows]
    totals = {(row[3], row[4]) for row in rows}
    assert ("fr", "3") in totals and ("de", "1") in totals


def test_the_csv_lists_each_day_document_and_language(client, downloads):
    admin = User.objects.create_superuser("chef", password="x")
    client.force_login(admin)
    response = client.get(URL + "?period=30&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["day", "sheet_number", "tool", "document", "language", "downloads"]
    assert sorted((row[4], row[5]) for row in rows[1:]) == [("de", "1"), ("fr", "3")]
    assert all(row[1] == "02a" for row in rows[1:])


def test_people_without_the_permission_cannot_see_the_report(client):
    user = User.objects.create_user("visiteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
