"""The volunteers' report: popular searches and searches that found nothing."""

import json

import pytest
from django.contrib.auth.models import Group, Permission, User

from home.roles import EDITORS
from tests.html import one, parse, texts

pytestmark = pytest.mark.django_db


def sidebar_strings(response):
    """Every string of the admin's sidebar menu, which Wagtail renders from JSON."""
    props = json.loads(one(parse(response), "script#wagtail-sidebar-props").get_text())

    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from walk(item)

    return set(walk(props))


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editrice", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def test_the_report_lists_popular_searches_and_searches_without_results(
    client, editor, django_capture_on_commit_callbacks
):
    visitor = type(client)(HTTP_HOST="localhost")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            visitor.get("/fr/search/", {"q": "outil"})
        visitor.get("/it/search/", {"q": "pangolino volante"})
    response = client.get("/admin/recherche/rapport/")
    assert response.status_code == 200
    table = parse(response).select("table.listing")[-1]
    assert "pangolino volante" in texts(table, "tbody > tr > td:first-child")
    popular = response.context["popular"]
    assert [(q.query_string, q.total) for q in popular][:1] == [("outil", 3)]
    zero = list(response.context["object_list"])
    assert zero[0]["query_string"] == "pangolino volante" and zero[0]["language_code"] == "it"

    # The searches that found nothing, filtered by language and exported for a spreadsheet.
    italian = client.get("/admin/recherche/rapport/", {"language": "it", "export": "csv"})
    rows = b"".join(italian.streaming_content).decode("utf-8-sig").splitlines()
    assert rows[0].split(",")[:3] == ["Mots recherchés", "Langue", "Recherches"]
    assert [row.split(",")[:3] for row in rows[1:]] == [["pangolino volante", "it", "1"]]
    assert client.get("/admin/recherche/rapport/", {"language": "xx"}).status_code == 400


def test_the_report_is_in_the_reports_menu_for_editors_only(client, editor):
    assert "/admin/recherche/rapport/" in sidebar_strings(client.get("/admin/"))
    nobody = User.objects.create_user("passant", password="x")  # noqa: S106
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert "/admin/recherche/rapport/" not in client.get("/admin/").content.decode()
    refused = client.get("/admin/recherche/rapport/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
