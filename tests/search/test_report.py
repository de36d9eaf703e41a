"""The volunteers' report: popular searches and searches that found nothing."""

import pytest
from django.contrib.auth.models import Group, Permission, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editrice", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_the_report_lists_popular_searches_and_searches_without_results(client, editor):
    visitor = type(client)(HTTP_HOST="localhost")
    for _ in range(3):
        visitor.get("/fr/search/", {"q": "outil"})
    visitor.get("/it/search/", {"q": "pangolino volante"})
    response = client.get("/admin/recherche/rapport/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "pangolino volante" in html
    popular = response.context["popular"]
    assert [(q.query_string, q.total) for q in popular][:1] == [("outil", 3)]
    zero = list(response.context["zero_results"])
    assert zero[0]["query_string"] == "pangolino volante" and zero[0]["language_code"] == "it"


def test_the_report_is_in_the_reports_menu_for_editors_only(client, editor):
    html = client.get("/admin/").content.decode()
    assert "/admin/recherche/rapport/" in html
    nobody = User.objects.create_user("passant", password="x")  # noqa: S106
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert "/admin/recherche/rapport/" not in client.get("/admin/").content.decode()
    refused = client.get("/admin/recherche/rapport/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
