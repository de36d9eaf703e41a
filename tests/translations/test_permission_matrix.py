"""The permission matrix: every role, every write of the admin and of wagtail-localize's API, in
every locale, through real HTTP requests of real users.

What each role may write (home/roles.py LOCALE_SCOPES and translations/permissions.py):
moderators every locale; editors the source locale (French); reviewers French pages; a
translators' group its own locale, and the French translators only French translations of
content written in another language. Every other cross-locale write is refused, and the
refusal is judged by the stored data, not by the answer alone.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.roles import (
    EDITORS,
    MODERATORS,
    REVIEWERS,
    TRANSLATOR_GROUP_PREFIX,
    translator_group_name,
)
from taxonomy.models import Lever
from tests.factories import LeverFactory, StandardPageFactory, UserFactory
from translations.review import submit_for_review

from .helpers import fill_strings, start_translation

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


# --- Every translators' group x every other locale x every wagtail-localize action ----------
#
# The issue's matrix: a translators' group works in its own locale only. For each group (one per
# locale: French, German, Italian, English) and each other locale, each action of
# wagtail-localize on a page and on a lever (a translatable snippet) is tried through the
# admin by a real member of the group, and what is stored afterwards says whether it happened:
# submit for translation, edit (open the translation editor, write a text), sync, upload a PO
# file, machine-translate, publish (the translation editor's "Publish", a sync that publishes,
# sending for review, approving a review) and convert (a translation back to an alias, an alias
# into a page of its own; snippets have no aliases). The same action in the group's own locale
# is the control that the request is right: it happens, except publishing, which translators
# do through a review only (a moderator's request is its control; `refused_in_own_locale`).

TRANSLATOR_LANGUAGES = ["fr", "de", "it", "en"]
MARK = "Traduit pour le test "


def locale_of(language):
    return Locale.objects.get(language_code=language)


def source_language(language):
    """The language of an original translated into `language` (a French page has no French
    translation: the French translators translate content written in German)."""
    return "de" if language == "fr" else "fr"


def original(kind, language):
    """A new original page or lever, for a translation into `language`, not translated yet."""
    written_in = source_language(language)
    if kind == "page":
        home = Page.objects.get(depth=2, locale__language_code=written_in)
        return StandardPageFactory(parent=home, aliases=False)
    return LeverFactory(locale=locale_of(written_in))


def marked(instance):
    """Its title (page) or name (lever) marked: the text a translation of it writes."""
    return MARK + (instance.title if isinstance(instance, Page) else instance.name)


def label(instance):
    return instance.title if isinstance(instance, Page) else instance.name


def published_translation(kind, language, *, marked_strings=False):
    """An original translated into `language` only, published with the French texts; with
    `marked_strings`, its title or name is then translated (not saved into the page yet)."""
    written = original(kind, language)
    source, translation = start_translation(written, language)
    with publishing():
        translation.save_target(publish=True)
    if marked_strings:
        fill_strings(
            source,
            translation.target_locale,
            lambda text: MARK + text if text == label(written) else text,
        )
    return written, translation


def publishing():
    """wagtail-localize publishes when the transaction commits: run it inside the test's."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def live_label(translation):
    """The title or name visitors read of the translation (None when it is not live)."""
    instance = translation.get_target_instance()
    instance = type(instance)._default_manager.get(pk=instance.pk)
    if not instance.live:
        return None
    return label(instance.live_revision.as_object())


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(type(instance).snippet_viewset.get_url_name("edit"), args=[instance.pk])


def strings_written(translation, **filters):
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        **filters,
    ).exists()


# Each action tries one thing in `language` and returns {what: whether it happened}.


def submit_action(client, kind, language):
    written = original(kind, language)
    if kind == "page":
        url = reverse("wagtail_localize:submit_page_translation", args=[written.pk])
    else:
        opts = written._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[opts.app_label, opts.model_name, written.pk],
        )
    locale = locale_of(language)
    form = client.get(url)
    assert_no_server_error(form)
    offered = form.status_code == 200 and f'value="{locale.pk}"' in form.content.decode()
    assert_no_server_error(client.post(url, {"locales": [locale.pk]}))
    submitted = Translation.objects.filter(
        source__object_id=written.translation_key, target_locale=locale
    ).exists()
    return {"offered": offered, "submitted": submitted}


def edit_action(client, kind, language):
    _written, translation = published_translation(kind, language)
    response = client.get(edit_url(translation.get_target_instance()))
    assert_no_server_error(response)
    opened = response.status_code == 200
    if kind == "page":
        templates = [template.name for template in response.templates or []]
        opened = opened and "wagtail_localize/admin/edit_translation.html" in templates
    return {"opened": opened, "written": edit_first_string(client, translation, MARK)}


def sync_action(client, kind, language):
    _written, translation = published_translation(kind, language)
    source = translation.source
    before = source.last_updated_at
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert_no_server_error(response)
    source.refresh_from_db()
    return {"synced": source.last_updated_at != before}


def upload_po_action(client, kind, language):
    written, translation = published_translation(kind, language)
    po = translation.export_po()
    for entry in po:
        if entry.msgid == label(written):
            entry.msgstr = marked(written)
    upload = SimpleUploadedFile("traduction.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": reverse("wagtailadmin_home")},
    )
    assert_no_server_error(response)
    return {"imported": strings_written(translation, data=marked(written))}


def machine_translate_action(client, kind, language):
    _written, translation = published_translation(kind, language)
    assert not strings_written(translation)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_home")},
    )
    assert_no_server_error(response)
    return {"translated": strings_written(translation, translation_type="machine")}


def publish_action(client, kind, language):
    """The translation's new title goes live through the editor or a sync."""
    found = {}
    # The translation editor's "Publish" (a POST to the page's or snippet's edit view).
    written, translation = published_translation(kind, language, marked_strings=True)
    with publishing():
        response = client.post(edit_url(translation.get_target_instance()), {"action": "publish"})
    assert_no_server_error(response)
    found["published in the editor"] = live_label(translation) == marked(written)
    # A sync that publishes every translation of the original.
    written, translation = published_translation(kind, language, marked_strings=True)
    with publishing():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
        )
    assert_no_server_error(response)
    found["published by a sync"] = live_label(translation) == marked(written)
    return found


def review_action(client, kind, language):
    """Sending a translation to review, and approving one that a moderator sent."""
    found = {}
    _written, translation = published_translation(kind, language, marked_strings=True)
    response = client.post(reverse("translations_submit_for_review", args=[translation.pk]))
    assert_no_server_error(response)
    instance = translation.get_target_instance()
    found["sent for review"] = instance.current_workflow_state is not None

    written, translation = published_translation(kind, language, marked_strings=True)
    state = submit_for_review(translation, UserFactory(groups=[MODERATORS]))
    instance = translation.get_target_instance()
    task_state = state.current_task_state
    if kind == "page":
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[instance.pk, "approve", task_state.pk]
        )
    else:
        url = reverse(
            type(instance).snippet_viewset.get_url_name("workflow_action"),
            args=[instance.pk, "approve", task_state.pk],
        )
    with publishing():
        assert_no_server_error(client.post(url, {"comment": ""}))
    found["approved and published"] = live_label(translation) == marked(written)
    return found


def convert_action(client, kind, language):
    """wagtail-localize's "Convert to alias" on a translation, Wagtail's "Convert alias into
    ordinary page" on an alias."""
    _written, translation = published_translation(kind, language)
    page = translation.get_target_instance()
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    assert_no_server_error(response)
    found = {"translation made an alias": Page.objects.get(pk=page.pk).alias_of_id is not None}

    written = original(kind, language)
    TranslationSource.get_or_create_from_instance(written)
    alias = written.copy_for_translation(locale_of(language), copy_parents=True, alias=True)
    response = client.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
    assert_no_server_error(response)
    found["alias made a page"] = Page.objects.get(pk=alias.pk).alias_of_id is None
    return found


ACTIONS = {
    "submit": submit_action,
    "edit": edit_action,
    "sync": sync_action,
    "upload PO": upload_po_action,
    "machine-translate": machine_translate_action,
    "publish": publish_action,
    "review": review_action,
    "convert alias": convert_action,
}

CASES = [
    pytest.param(kind, action, id=f"{kind}-{action.replace(' ', '-')}")
    for kind in ("page", "snippet")
    for action in ACTIONS
    if not (kind == "snippet" and action == "convert alias")
]


def test_every_locale_has_its_translators_group():
    groups = Group.objects.filter(name__startswith=TRANSLATOR_GROUP_PREFIX)
    assert sorted(groups.values_list("name", flat=True)) == sorted(
        translator_group_name(language) for language in TRANSLATOR_LANGUAGES
    )
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(
        TRANSLATOR_LANGUAGES
    )


@pytest.mark.parametrize("own", TRANSLATOR_LANGUAGES)
@pytest.mark.parametrize(("kind", "action"), CASES)
def test_a_translators_group_acts_in_its_own_locale_only(client, own, kind, action):
    client.force_login(UserFactory(groups=[translator_group_name(own)]))
    for language in TRANSLATOR_LANGUAGES:
        if language == own:
            continue
        happened = ACTIONS[action](client, kind, language)
        assert not any(happened.values()), (own, language, happened)
    happened = ACTIONS[action](client, kind, own)
    refused = refused_in_own_locale(own)
    assert happened == {what: what not in refused for what in happened}, (own, happened)


def refused_in_own_locale(own):
    """What a translator may not do in the own locale either: publish without a review. A
    French translation goes through the French tree's review, which the reviewers' team
    approves (home/roles.py), not the French translators."""
    refused = {"published in the editor", "published by a sync"}
    if own == "fr":
        refused.add("approved and published")
    return refused


@pytest.mark.parametrize(
    ("kind", "action"), [case for case in CASES if case.values[1] == "publish"]
)
def test_a_moderator_publishes_a_translation_in_every_locale(client, kind, action):
    """The control of the publishing requests above: they publish for who may."""
    client.force_login(UserFactory(groups=[MODERATORS]))
    for language in TRANSLATOR_LANGUAGES:
        happened = ACTIONS[action](client, kind, language)
        assert all(happened.values()), (language, happened)
