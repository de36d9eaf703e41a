"""The volunteers' guide is served in the admin, in French or English, with its screenshots."""

import pytest
from django.utils import translation
from wagtail.admin.menu import admin_menu
from wagtail.users.models import UserProfile

from tests.factories import EditorFactory
from tests.html import one, parse, text_of, texts
from volunteers import guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return EditorFactory(username="redactrice")


def test_every_chapter_exists_in_french_and_english():
    for language in guide.GUIDE_LANGUAGES:
        titles = [chapter.title for chapter in guide.chapters(language)]
        assert len(titles) == len(guide.CHAPTERS), language
    assert guide.chapter("publishing-a-tool", "fr").title == "Publier une fiche outil"
    assert guide.chapter("publishing-a-tool", "en").title == "Publishing a tool sheet"


def test_other_admin_languages_read_the_english_guide():
    assert guide.guide_language("de") == "en"
    assert guide.guide_language("fr-ch") == "fr"


def test_the_admin_menu_and_the_dashboard_link_to_the_guide(client, editor, rf):
    request = rf.get("/admin/")
    request.user = editor
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    with translation.override("fr"):
        assert str(items["volunteers-guide"].label) == "Guide des bénévoles"
    assert items["volunteers-guide"].url == "/admin/guide/"
    client.force_login(editor)
    link = one(parse(client.get("/admin/")), "p.volunteer-dashboard__roles > a")
    assert link["href"] == "/admin/guide/"
    assert text_of(link) == "Ouvrir le guide des bénévoles"


def test_the_guide_lists_its_chapters_in_french(client, editor):
    client.force_login(editor)
    response = client.get("/admin/guide/")
    assert response.status_code == 200
    links = parse(response).select("nav.volunteer-guide__chapters a")
    chapters = {link["href"]: text_of(link) for link in links}
    for slug in guide.CHAPTERS:
        assert f"/admin/guide/{slug}/" in chapters
    assert "Relire une contribution" in chapters.values()


def test_a_chapter_is_rendered_with_its_images_and_links_rewritten(client, editor):
    client.force_login(editor)
    html = client.get("/admin/guide/publishing-a-tool/").content.decode()
    chapter = one(parse(html), "article.volunteer-guide")
    assert "1. Créer la fiche" in texts(chapter, "h2")
    assert "/admin/guide/img/tool-edit-content.png" in [img["src"] for img in chapter.select("img")]
    assert "/admin/guide/translating/" in [link["href"] for link in chapter.select("a")]
    assert "../img/" not in html


def test_a_volunteer_who_prefers_english_reads_the_english_guide(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    chapter = one(parse(client.get("/admin/guide/translating/")), "article.volunteer-guide")
    assert "Find what to translate" in text_of(chapter)


def test_images_are_served_and_only_known_names_are(client, editor, tmp_path, monkeypatch):
    (tmp_path / "sample.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(guide, "IMAGE_DIR", tmp_path)
    client.force_login(editor)
    response = client.get("/admin/guide/img/sample.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert client.get("/admin/guide/img/missing.png", follow=True).status_code == 404
    assert client.get("/admin/guide/img/..%2Fsettings.py", follow=True).status_code == 404
    assert guide.image_path("../sample.png") is None
    assert client.get("/admin/guide/img/sample.PNG", follow=True).status_code == 404
    assert client.get("/admin/guide/unknown-chapter/", follow=True).status_code == 404


def test_the_guide_is_for_volunteers_only(client):
    response = client.get("/admin/guide/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
