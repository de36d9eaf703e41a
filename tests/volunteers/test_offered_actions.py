"""No admin screen offers a volunteer an action it then refuses, role by role.

Each role walks the page explorer as a volunteer does, from its start (the root the explorer
opens on) down to the sections, and opens its dashboard and its menu. Every action link
offered there (edit, add a page, move, copy, history, usage, translate, sync, reports ...) is
followed: it must open, not end in Wagtail's "no permission" redirect or a 403. The same
action on pages of the same type and language is followed once. The section teams were
offered the history and the usage of every home page, the move and copy of their section's
root; the French translators the edit of every French original; moderators the downloads
report from their dashboard (translations/page_permissions.py, tools/roles.py).

The listings the menu offers (snippets such as the taxonomy terms, the glossary, the menus and
the footer, the contributions, the providers' applications ...) are opened too, and every row
action and "add" button they offer is followed, once per view and language of the object.

The page editor's action menu is walked apart: for one page of each type and language the role
may edit, as it is (live, mostly), and for one page of each workflow the role meets, as a draft
and at each task of the workflow, every button of the footer (save, publish, submit, approve,
cancel ...) is checked against what Wagtail's edit view accepts for that button (the same
permission tests, `PagePermissionTester` and the task's `get_actions`), and posted as the
browser posts it, in a transaction rolled back, which must not be refused; every link of the
menu (unpublish, delete ...) is followed.
"""

import json
import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Page, TranslatableMixin

from core.site_data import language_of_locale
from home.roles import (
    DIRECTORY_TEAM,
    EDITORS,
    EVENTS_TEAM,
    MODERATORS,
    REVIEWERS,
    translator_group_name,
)
from tests.factories import UserFactory
from tests.html import parse

# Each role opens some sixty admin screens (about six minutes in all): the slow lane, which CI
# runs on PostgreSQL.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ROLES = {
    "editor": EDITORS,
    "reviewer": REVIEWERS,
    "moderator": MODERATORS,
    "events-team": EVENTS_TEAM,
    "directory-team": DIRECTORY_TEAM,
    "translator-fr": translator_group_name("fr"),
    "translator-de": translator_group_name("de"),
}
EXPLORE_DEPTH = 3  # the root, the home pages, the sections
# The sections of the source tree and of one translated tree (the others are alike).
EXPLORED_LANGUAGES = {"fr", "de"}
# Views that list or search, not actions on an object.
NOT_ACTIONS = {"wagtailadmin_explore", "wagtailadmin_explore_root", "wagtailadmin_home"}
MENU_URL = re.compile(r'"url": "(/admin/[^"]*)"')
# Pages of a type whose permissions are tested at a time, until one is editable.
CHUNK = 10
# The last part of the names of the views that list objects (snippets, model viewsets).
LISTINGS = {"list", "index"}


def refused(response):
    """Wagtail answers a refused permission with a redirect to the dashboard (and a message),
    the locale-scope middleware likewise; a 403 or a login page are refusals too."""
    if response.status_code == 403:
        return True
    if response.status_code in (301, 302):
        target = urlsplit(response["Location"]).path
        return target in ("/admin/", "/admin/login/")
    return response.status_code >= 400


def action_links(document):
    # Links and buttons; a dialog's address is not offered until its button is.
    for element in document.select("a[href^='/admin/'], button[data-url^='/admin/']"):
        yield element.get("href") or element["data-url"], " ".join(element.get_text().split())


def language_of_object(match):
    """The language of the object a snippet or model view acts on ("" when not translatable):
    the locale scopes make the same action differ from one language to another."""
    model = getattr(match.func, "view_initkwargs", {}).get("model")
    if model is None or not issubclass(model, TranslatableMixin):
        return ""
    locale_id = (
        model.objects.filter(pk=unquote(str(match.kwargs["pk"])))
        .values_list("locale_id", flat=True)
        .first()
    )
    return language_of_locale(locale_id) if locale_id else ""


def offered(client):
    """{(view name, kind of object): (url, text, where)} of what the role is offered."""
    found = {}
    pages = {page.pk: page for page in Page.objects.filter(depth__lte=EXPLORE_DEPTH)}
    kinds = {page.pk: (page.content_type_id, page.locale_id) for page in pages.values()}
    seen, queue = set(), [reverse("wagtailadmin_explore_root")]
    documents = []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code == 302:
            # The explorer opens on the person's own start (their home page, say).
            queue.append(urlsplit(response["Location"]).path)
            continue
        assert response.status_code == 200, url
        document = parse(response)
        documents.append((url, document))
        for href, _text in action_links(document):
            path = urlsplit(href).path
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if match.view_name == "wagtailadmin_explore":
                page_id = int(match.kwargs["parent_page_id"])
                if page_id in pages and (
                    pages[page_id].depth < EXPLORE_DEPTH
                    or language_of_locale(pages[page_id].locale_id) in EXPLORED_LANGUAGES
                ):
                    queue.append(path)
    dashboard = client.get("/admin/")
    documents.append(("/admin/", parse(dashboard)))
    menu = [(url, "menu") for url in MENU_URL.findall(dashboard.content.decode())]
    # The listings the menu offers: their row actions and "add" buttons.
    for url, _text in menu:
        path = urlsplit(url).path
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name.rpartition(":")[2] in LISTINGS and not match.kwargs:
            response = client.get(url)
            if response.status_code == 200:
                documents.append((url, parse(response)))
    links = [
        (href, text, where)
        for where, document in documents
        for href, text in action_links(document)
    ] + [(url, text, "/admin/ (menu)") for url, text in menu]
    for href, text, where in links:
        try:
            match = resolve(urlsplit(href).path)
        except Resolver404:
            continue
        if match.view_name in NOT_ACTIONS or "bulk" in match.view_name:
            continue
        page_id = match.kwargs.get("page_id") or match.kwargs.get("parent_page_id")
        if page_id:
            kind = kinds.get(int(page_id), page_id)
        elif match.kwargs:
            # One object of a listing stands for its rows (in its language): the ids are
            # left out, the other arguments (an action's name, say) kept.
            kind = (
                language_of_object(match) if "pk" in match.kwargs else "",
                *sorted(
                    (name, str(value))
                    for name, value in match.kwargs.items()
                    if name != "pk" and not name.endswith("id")
                ),
            )
        else:
            kind = href
        found.setdefault((match.view_name, kind), (href, text, where))
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_action_the_admin_offers_a_role_is_accepted(client, role):
    client.force_login(UserFactory(username=f"volunteer-{role}", groups=[ROLES[role]]))
    offers = offered(client)
    assert offers, role
    refusals = [
        f"{text or '(icon)'} → {href} (on {where})"
        for href, text, where in offers.values()
        if refused(client.get(href))
    ]
    assert not refusals, f"{role} is offered what it is then refused:\n" + "\n".join(refusals)


@contextmanager
def rolled_back():
    """What happens inside is undone, and so is what the caches learnt from it."""
    try:
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        cache.clear()


def editable_pages(user):
    """One page of each type and language (of the explored ones) the person may edit, not an
    alias (its editor has no action menu: it sends to the original)."""
    paths = list(
        GroupPagePermission.objects.filter(
            permission__codename="change_page", group__in=user.groups.all()
        ).values_list("page__path", flat=True)
    )
    candidates = {}
    for pk, content_type, locale, path in (
        Page.objects.filter(depth__gt=1, alias_of=None)
        .order_by("path")
        .values_list("pk", "content_type_id", "locale_id", "path")
    ):
        if language_of_locale(locale) in EXPLORED_LANGUAGES and any(
            path.startswith(granted) for granted in paths
        ):
            candidates.setdefault((content_type, locale), []).append(pk)
    pages = []
    for pks in candidates.values():
        chunks = (pks[start : start + CHUNK] for start in range(0, len(pks), CHUNK))
        page = next(
            (
                page
                for chunk in chunks
                for page in Page.objects.filter(pk__in=chunk).order_by("path").specific()
                if page.permissions_for_user(user).can_edit()
            ),
            None,
        )
        if page is not None:
            pages.append(page)
    return pages


def accepted(page, user, button):
    """Whether Wagtail's edit view (`EditView.action_name_and_method`) does what the button of
    its action menu says, for this person: otherwise it falls back to saving a draft."""
    page = Page.objects.get(pk=page.pk).specific
    perms = page.permissions_for_user(user)
    workflow_state = page.current_workflow_state
    name = button.get("name")
    if button.has_attr("data-workflow-action-name"):
        task = page.current_workflow_task
        return task is not None and button["data-workflow-action-name"] in [
            action for action, _label, _modal in task.get_actions(page, user)
        ]
    if name == "action-save-draft":
        return perms.can_edit()
    if name == "action-publish":
        return perms.can_publish()
    if name == "action-submit":
        return perms.can_submit_for_moderation()
    if name == "action-restart-workflow":
        return (
            perms.can_submit_for_moderation()
            and workflow_state is not None
            and workflow_state.user_can_cancel(user)
        )
    if name == "action-cancel-workflow":
        return workflow_state is not None and workflow_state.user_can_cancel(user)
    raise AssertionError(f"a button this test does not know: {button}")


def posted(page, button):
    """The fields the browser posts for a button of the action menu, with empty stream
    fields (the browser's script writes their fields): the form is then invalid, which the
    edit view answers with the form and its errors, not a refusal."""
    data = {
        f"{field.name}-count": "0"
        for field in page.specific_class._meta.fields
        if isinstance(field, StreamField)
    }
    if button.has_attr("data-workflow-action-name"):
        data["action-workflow-action"] = "1"
        data["workflow-action-name"] = button["data-workflow-action-name"]
    else:
        data[button["name"]] = button.get("value") or "1"
    return data


def editor_refusals(client, user, page, state):
    """What the page editor's action menu offers for `page` and the edit view then refuses."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    where = f"{page.specific_class.__name__} {language_of_locale(page.locale_id)} ({state})"
    if refused(response):
        return [f"the editor → {url} ({where})"]
    document = parse(response)
    editor = document.select_one(".js-translation-editor[data-props]")
    if editor is not None:
        return translation_editor_refusals(client, url, document, editor, where)
    footer = document.select_one("footer")
    assert footer is not None, where
    refusals = []
    for button in footer.select("button[name^='action-'], button[data-workflow-action-name]"):
        if button.get("name") == "action-page-locked" or button.has_attr("disabled"):
            continue
        label = " ".join(button.get_text().split())
        if not accepted(page, user, button):
            refusals.append(f"{label} ({button.get('name')}) on {where}: not accepted")
        with rolled_back():
            if refused(client.post(url, posted(page, button))):
                refusals.append(f"{label} ({button.get('name')}) on {where}: post refused")
        modal = button.get("data-workflow-action-modal-url")
        if modal and refused(client.get(modal)):
            refusals.append(f"{label} → {modal} on {where}")
    for href, text in action_links(footer):
        if refused(client.get(href)):
            refusals.append(f"{text or '(icon)'} → {href} on {where}")
    return refusals


# What wagtail-localize's translation editor (a script) offers for each of its permissions:
# the address it opens or posts to, and how.
TRANSLATION_EDITOR_ACTIONS = {
    "canUnpublish": ("unpublishUrl", "get"),
    "canDelete": ("deleteUrl", "get"),
    "canLock": ("lockUrl", "post"),
    "canUnlock": ("unlockUrl", "post"),
}


def translation_editor_refusals(client, url, document, editor, where):
    """The translation editor of a translated page: its buttons come from the permissions in
    its properties ("Publish" posts `action=publish` to the editor), the review bar's
    (translations/templates/translations/admin/review_bar.html) are forms."""
    props = json.loads(editor["data-props"])
    refusals = []
    if props["perms"]["canPublish"]:
        with rolled_back():
            if refused(client.post(url, {"action": "publish"})):
                refusals.append(f"Publish (translation editor) on {where}: post refused")
    for permission, (link, method) in TRANSLATION_EDITOR_ACTIONS.items():
        target = props["links"].get(link)
        if props["perms"].get(permission) and target:
            with rolled_back():
                if refused(getattr(client, method)(target)):
                    refusals.append(f"{permission} → {target} on {where}")
    for form in document.select(".translation-review-bar form[method='post']"):
        data = {field["name"]: "" for field in form.select("textarea[name], input[name]")}
        for button in form.select("button[type='submit']"):
            target = button.get("formaction") or form["action"]
            with rolled_back():
                if refused(client.post(target, data)):
                    label = " ".join(button.get_text().split())
                    refusals.append(f"{label} → {target} on {where}: post refused")
    return refusals


@contextmanager
def at_task(page, workflow, index, submitter):
    """The page submitted to its workflow by `submitter`, the tasks before `index` approved."""
    with rolled_back():
        # Read again: the page in memory may name a revision an earlier rollback undid.
        page = Page.objects.get(pk=page.pk).specific
        page.save_revision(user=submitter)
        state = workflow.start(page, submitter)
        for _ in range(index):
            state.current_task_state.approve(user=submitter)
            state.refresh_from_db()
        yield


@pytest.mark.parametrize("role", ROLES)
def test_every_publishing_action_the_page_editor_offers_a_role_is_accepted(client, role):
    user = UserFactory(username=f"volunteer-{role}", groups=[ROLES[role]])
    submitter = UserFactory(username="submitter", is_superuser=True, is_staff=True)
    client.force_login(user)
    pages = editable_pages(user)
    # The demo site has no translation into French (its source language): the French
    # translators have nothing to edit there yet.
    assert pages or role == "translator-fr", role
    refusals = []
    workflows = {}
    for page in pages:
        refusals += editor_refusals(client, user, page, "live" if page.live else "draft")
        workflow = page.get_workflow()
        if workflow is not None:
            workflows.setdefault((workflow.pk, language_of_locale(page.locale_id)), page)
    for page in workflows.values():
        if page.live:
            with rolled_back():
                Page.objects.filter(pk=page.pk).update(live=False)
                refusals += editor_refusals(client, user, page, "draft")
        workflow = page.get_workflow()
        for index, task in enumerate(workflow.tasks.all()):
            with at_task(page, workflow, index, submitter):
                refusals += editor_refusals(client, user, page, f"in « {task.name} »")
    assert not refusals, f"{role} is offered what it is then refused:\n" + "\n".join(refusals)
