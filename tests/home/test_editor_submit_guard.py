"""The page editor loads the script that makes a submission wait for an autosave under way
(home/static/home/js/editor-submit-guard.js); tests/browser/test_walkthrough.py drives it."""

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

SCRIPT = "home/js/editor-submit-guard.js"


def test_the_page_editor_loads_the_submit_guard(client, home_page):
    client.force_login(User.objects.create_superuser("editrice", "editrice@example.org", "x"))
    for url in (
        f"/admin/pages/{home_page.pk}/edit/",
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<script src="/static/{SCRIPT}"></script>' in response.text, url
    assert finders.find(SCRIPT)
