"""The permission matrix: every role, every write of the admin and of wagtail-localize's API, in
every locale, through real HTTP requests of real users.

What each role may write (home/roles.py LOCALE_SCOPES and translations/permissions.py):
moderators every locale; editors the source locale (French); reviewers French pages; a
translators' group its own locale, and the French translators only French translations of
content written in another language. Every other cross-locale write is refused, and the
refusal is judged by the stored data, not by the answer alone.
"""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.roles import EDITORS, MODERATORS, REVIEWERS, translator_group_name
from taxonomy.models import Lever
from tests.factories import LeverFactory, StandardPageFactory, UserFactory

from .helpers import start_translation

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "de", "it", "en"]
ROLES = {
    "moderator": [MODERATORS],
    "editor": [EDITORS],
    "reviewer": [REVIEWERS],
    "translator-fr": [translator_group_name("fr")],
    "translator-de": [translator_group_name("de")],
    "translator-it": [translator_group_name("it")],
}


def writes_page(role, language, *, translation):
    """The expected answer for a page of `language` (a translation or an original)."""
    if role == "moderator":
        return True
    if role in ("editor", "reviewer"):
        return language == "fr"
    own = role.removeprefix("translator-")
    return language == own and (own != "fr" or translation)


def writes_lever(role, language, *, translation):
    if role in ("moderator",):
        return True
    if role == "editor":
        return language == "fr"
    if role == "reviewer":
        return False
    own = role.removeprefix("translator-")
    return language == own and (own != "fr" or translation)


def submits_translation(role, language):
    if role == "moderator":
        return True
    return role == f"translator-{language}" and language != "fr"


def translated_page(source_page, language):
    """The real (not alias) translation of `source_page` into `language`, published."""
    _source, translation = start_translation(source_page, language)
    translation.save_target(publish=True)
    return source_page.get_translation(Locale.objects.get(language_code=language)), translation


@pytest.fixture
def pages():
    """A French original translated into German, Italian and English, and a German original
    translated into French: for each language, one page that is a translation and, for French
    and German, one that is an original."""
    french = StandardPageFactory(aliases=False)
    german_home = Page.objects.get(depth=2, locale__language_code="de")
    german = StandardPageFactory(parent=german_home, aliases=False, title="Ein Original")
    found = {("fr", False): (french, None), ("de", False): (german, None)}
    for language in ("de", "it", "en"):
        found[(language, True)] = translated_page(french, language)
    found[("fr", True)] = translated_page(german, "fr")
    return found


def login(client, role):
    user = UserFactory(username=f"matrice-{role}", groups=ROLES[role])
    client.force_login(user)
    return user


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]


def edit_first_string(client, translation, text):
    segment = StringSegment.objects.filter(source=translation.source).first()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart(BOUNDARY, {"value": text}),
        content_type=MULTIPART_CONTENT,
    )
    assert_no_server_error(response)
    return StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, data=text
    ).exists()


@pytest.mark.parametrize("role", ROLES)
def test_locking_a_page_in_each_language(client, role, pages):
    login(client, role)
    for (language, translation), (page, _t) in pages.items():
        response = client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
        assert_no_server_error(response)
        page.refresh_from_db()
        expected = writes_page(role, language, translation=translation)
        assert page.locked is expected, (role, language, translation)


@pytest.mark.parametrize("role", ROLES)
def test_editing_a_page_translation_through_the_string_api(client, role, pages):
    login(client, role)
    for (language, is_translation), (_page, translation) in pages.items():
        if not is_translation:
            continue
        written = edit_first_string(client, translation, f"Texte de {role}")
        assert written is writes_page(role, language, translation=True), (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_converting_a_translated_page_back_to_an_alias(client, role, pages):
    login(client, role)
    for (language, is_translation), (page, _t) in pages.items():
        if not is_translation:
            continue
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
        assert_no_server_error(response)
        page.refresh_from_db()
        converted = page.alias_of_id is not None
        assert converted is writes_page(role, language, translation=True), (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_submitting_a_page_for_translation_into_each_language(client, role):
    login(client, role)
    page = StandardPageFactory(aliases=False)
    for language in ("de", "it", "en"):
        locale = Locale.objects.get(language_code=language)
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
        assert_no_server_error(response)
        submitted = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=locale
        ).exists()
        assert submitted is submits_translation(role, language), (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_updating_and_publishing_every_translation_of_a_source(client, role, pages):
    """One update publishes every language: only a role that writes them all may do it."""
    french, _t = pages[("fr", False)]
    source = TranslationSource.objects.get(
        object_id=french.translation_key, locale__language_code="fr"
    )
    before = source.last_updated_at
    login(client, role)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert_no_server_error(response)
    source.refresh_from_db()
    assert (source.last_updated_at != before) is (role == "moderator"), role


def lever_translations():
    """The demo site's first lever: its French original and a translation per language."""
    french = Lever.objects.filter(locale__language_code="fr").order_by("pk").first()
    found = {}
    for language in ("de", "it", "en"):
        _source, translation = start_translation(french, language)
        translation.save_target(publish=True)
        found[language] = translation
    return french, found


@pytest.mark.parametrize("role", ROLES)
def test_editing_a_lever_translation_through_the_string_api(client, role):
    _french, translations = lever_translations()
    login(client, role)
    for language, translation in translations.items():
        written = edit_first_string(client, translation, f"Levier de {role}")
        assert written is writes_lever(role, language, translation=True), (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_opening_the_lever_editor_in_each_language(client, role):
    french, _translations = lever_translations()
    login(client, role)
    for language in LANGUAGES:
        lever = french.get_translation(Locale.objects.get(language_code=language))
        url = reverse(Lever.snippet_viewset.get_url_name("edit"), args=[lever.pk])
        response = client.get(url)
        assert_no_server_error(response)
        opened = response.status_code == 200
        expected = writes_lever(role, language, translation=language != "fr")
        assert opened is expected, (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_deleting_a_lever_in_each_language(client, role):
    login(client, role)
    for language in LANGUAGES:
        lever = LeverFactory(locale=Locale.objects.get(language_code=language))
        url = reverse(Lever.snippet_viewset.get_url_name("delete"), args=[lever.pk])
        assert_no_server_error(client.post(url))
        deleted = not Lever.objects.filter(pk=lever.pk).exists()
        assert deleted is (role == "moderator"), (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_adding_a_lever_in_each_language(client, role):
    login(client, role)
    add_url = reverse(Lever.snippet_viewset.get_url_name("add"))
    for language in LANGUAGES:
        response = client.get(add_url, {"locale": language})
        assert_no_server_error(response)
        expected = role == "moderator" or (role == "editor" and language == "fr")
        assert (response.status_code == 200) is expected, (role, language)


@pytest.mark.parametrize("role", ROLES)
def test_the_snippet_chooser_api_lists_only_models_the_role_works_on(client, role):
    """Pending contributions' titles are not for every admin user."""
    login(client, role)
    response = client.get(
        reverse("wagtail_localize:snippets_api_listing", args=["contributions", "toolcomment"])
    )
    assert_no_server_error(response)
    # Contributions are read by the editorial roles (contributions/roles.py), not translators.
    readers = ("moderator", "editor", "reviewer")
    assert (response.status_code == 200) is (role in readers), role
