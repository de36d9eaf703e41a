"""No admin screen offers a volunteer an action it then refuses, role by role.

Each role walks the page explorer as a volunteer does, from its start (the root the explorer
opens on) down to the sections, and opens its dashboard and its menu. Every action link
offered there (edit, add a page, move, copy, history, usage, translate, sync, reports ...) is
followed: it must open, not end in Wagtail's "no permission" redirect or a 403. The same
action on pages of the same type and language is followed once. The section teams were
offered the history and the usage of every home page, the move and copy of their section's
root; the French translators the edit of every French original; moderators the downloads
report from their dashboard (translations/page_permissions.py, tools/roles.py).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse
from wagtail.models import Page

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
        kind = kinds.get(int(page_id), page_id) if page_id else href
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
