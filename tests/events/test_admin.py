"""Organisers' side: a cycle's events in one action, registrations in the admin, roles."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Locale

from events.models import EventPage
from events.registrations import register, upcoming_registrations_for
from events.roles import MODEL_PERMISSIONS
from home.roles import EDITORS, REVIEWERS
from tests.factories import (
    AdministratorFactory,
    EditorFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    ModeratorFactory,
    ReviewerFactory,
    TranslatorFactory,
)
from tests.html import one, parse, text_of

from .conftest import zurich

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return AdministratorFactory(username="organisatrice", email="orga@example.org")


@pytest.fixture
def empty_cycle(agenda):
    return EventSeriesPageFactory(
        parent=agenda, title="Cycle de printemps", slug="cycle-printemps", aliases=False
    )


def generation_data(**changes):
    data = {
        "title_pattern": "Webinaire {number}",
        "frequency": "monthly",
        "week_of_month": "3",
        "weekday": "3",
        "first_day": "2030-10-01",
        "count": "12",
        "start_time": "13:00",
        "duration_minutes": "90",
        "event_format": "webinar",
        "language": "fr",
        "online_url": "https://meet.example.org/sbm",
        "capacity": "40",
        "publish": "on",
    }
    data.update(changes)
    return data


def test_twelve_monthly_webinars_are_created_in_one_action(client, superuser, empty_cycle):
    client.force_login(superuser)
    url = reverse("events_generate", args=[empty_cycle.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, generation_data())
    assert response.status_code == 302
    events = list(EventPage.objects.child_of(empty_cycle).order_by("start"))
    assert len(events) == 12
    assert all(event.live for event in events)
    assert [event.title for event in events[:3]] == ["Webinaire 1", "Webinaire 2", "Webinaire 3"]
    first, summer = events[0], events[7]
    assert first.start == zurich(2030, 10, 17, 13, 0)
    assert first.end == zurich(2030, 10, 17, 14, 30)
    assert summer.start == zurich(2031, 5, 15, 13, 0)
    assert all(event.start.astimezone(zurich(2030, 1, 1).tzinfo).weekday() == 3 for event in events)
    assert {event.capacity for event in events} == {40}


def test_generated_events_are_numbered_and_editable_afterwards(client, superuser, empty_cycle):
    client.force_login(superuser)
    client.post(reverse("events_generate", args=[empty_cycle.pk]), generation_data(count="3"))
    third = EventPage.objects.child_of(empty_cycle).order_by("start").last()
    assert client.get(f"/admin/pages/{third.pk}/edit/").status_code == 200
    third.title = "Webinaire 3 : pitcher son modèle"
    third.save_revision().publish()
    header = one(parse(client.get(third.url)), "article.event > header")
    assert text_of(one(header, "h1")) == "Webinaire 3 : pitcher son modèle"
    number = text_of(one(header, "p.event__format"))
    assert "3 of 3" in number or "3 sur 3" in number


def test_generated_events_appear_in_every_language_tree_for_translation(
    client, superuser, empty_cycle
):
    client.force_login(superuser)
    client.post(reverse("events_generate", args=[empty_cycle.pk]), generation_data(count="2"))
    source = EventPage.objects.child_of(empty_cycle).order_by("start").first()
    translations = EventPage.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    )
    codes = set(translations.values_list("locale__language_code", flat=True))
    other_locales = set(
        Locale.objects.exclude(pk=Locale.get_default().pk).values_list("language_code", flat=True)
    )
    assert codes == other_locales
    assert all(page.alias_of_id == source.pk for page in translations)
    german = translations.get(locale__language_code="de")
    assert german.get_parent().specific.translation_key == empty_cycle.translation_key


def test_a_daily_sequence_continues_the_numbering_of_the_cycle(client, superuser, empty_cycle):
    client.force_login(superuser)
    url = reverse("events_generate", args=[empty_cycle.pk])
    client.post(url, generation_data(count="2", title_pattern="Jour {number}"))
    client.post(
        url,
        generation_data(
            frequency="daily",
            first_day="2031-03-28",
            count="3",
            title_pattern="Jour {number}",
            event_format="daily_post",
            publish="",
        ),
    )
    daily = list(EventPage.objects.child_of(empty_cycle).filter(event_format="daily_post"))
    assert sorted(event.title for event in daily) == ["Jour 3", "Jour 4", "Jour 5"]
    assert not any(event.live for event in daily)
    starts = sorted(event.start for event in daily)
    assert starts == [zurich(2031, 3, 28, 13), zurich(2031, 3, 29, 13), zurich(2031, 3, 30, 13)]


def test_a_rule_with_an_impossible_count_is_refused(client, superuser, empty_cycle):
    client.force_login(superuser)
    response = client.post(
        reverse("events_generate", args=[empty_cycle.pk]), generation_data(count="500")
    )
    assert response.status_code == 200
    assert not EventPage.objects.child_of(empty_cycle).exists()


def test_people_who_cannot_add_pages_cannot_generate_events(client, empty_cycle):
    client.force_login(ReviewerFactory(username="relectrice"))
    response = client.post(reverse("events_generate", args=[empty_cycle.pk]), generation_data())
    assert response.status_code in (302, 403)
    assert not EventPage.objects.child_of(empty_cycle).exists()


def test_an_editor_is_offered_moderation_not_publication(client, empty_cycle):
    client.force_login(EditorFactory(username="redactrice"))
    page = parse(client.get(reverse("events_generate", args=[empty_cycle.pk])).content)
    assert page.select_one("input[name=publish]") is None
    assert page.select_one("input[name=submit_for_moderation]") is not None


def test_an_editor_who_asks_to_publish_gets_drafts_and_keeps_going(client, empty_cycle):
    client.force_login(EditorFactory(username="redactrice"))
    response = client.post(
        reverse("events_generate", args=[empty_cycle.pk]), generation_data(count="3")
    )
    assert response.status_code == 302
    events = list(EventPage.objects.child_of(empty_cycle))
    assert len(events) == 3
    assert not any(event.live for event in events)
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "drafts" in message or "brouillons" in message


def test_an_editor_hands_the_generated_events_to_the_moderators(client, empty_cycle):
    client.force_login(EditorFactory(username="redactrice"))
    client.post(
        reverse("events_generate", args=[empty_cycle.pk]),
        generation_data(count="2", publish="", submit_for_moderation="on"),
    )
    events = list(EventPage.objects.child_of(empty_cycle))
    assert len(events) == 2
    assert not any(event.live for event in events)
    workflow = events[0].get_workflow()
    assert workflow is not None, "the agenda's events must be under a moderation workflow"
    assert all(event.workflow_in_progress for event in events)


def test_a_moderator_publishes_the_generated_events_at_once(client, empty_cycle):
    client.force_login(ModeratorFactory(username="moderatrice"))
    page = parse(client.get(reverse("events_generate", args=[empty_cycle.pk])).content)
    assert page.select_one("input[name=publish]") is not None
    client.post(reverse("events_generate", args=[empty_cycle.pk]), generation_data(count="2"))
    assert all(event.live for event in EventPage.objects.child_of(empty_cycle))


def test_the_cycle_offers_the_generation_button_in_the_admin(client, superuser, empty_cycle):
    client.force_login(superuser)
    soup = parse(client.get(f"/admin/pages/{empty_cycle.pk}/"))
    assert soup.select(f'a[href="{reverse("events_generate", args=[empty_cycle.pk])}"]')


@pytest.fixture
def registered_event(agenda):
    event = EventPageFactory(
        parent=agenda, slug="atelier-admin", aliases=False, capacity=1, title="Atelier admin"
    )
    register(event, name="Alice Martin", email="alice@example.org", organisation="Coop A")
    register(event, name="Bruno Rossi", email="bruno@example.org")
    return event


def test_moderators_export_the_registrations_as_csv(client, registered_event):
    client.force_login(ModeratorFactory(username="moderatrice"))
    index = reverse("event_registrations:index")
    listing = client.get(index, {"event": registered_event.pk})
    assert listing.status_code == 200
    assert "alice@example.org" in text_of(parse(listing))
    response = client.get(index, {"event": registered_event.pk, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    emails = {row[2] for row in rows[1:]}
    assert {"alice@example.org", "bruno@example.org"} <= emails
    statuses = {row[2]: row[4] for row in rows[1:]}
    assert statuses["bruno@example.org"] != statuses["alice@example.org"]


def test_registrations_are_hidden_from_translators_and_the_public(client, registered_event):
    client.force_login(TranslatorFactory(username="traducteur", language_code="de"))
    assert client.get(reverse("event_registrations:index")).status_code in (302, 403)
    anonymous = Client()
    assert anonymous.get(reverse("event_registrations:index")).status_code == 302
    html = anonymous.get(registered_event.url).content.decode()
    assert "alice@example.org" not in html and "Alice Martin" not in html


def test_roles_grant_exactly_the_registration_permissions(db):
    for group_name, codenames in MODEL_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        granted = {
            f"events.{codename}"
            for codename in group.permissions.filter(content_type__app_label="events").values_list(
                "codename", flat=True
            )
        }
        assert granted == set(codenames)
    reviewers = Group.objects.get(name=REVIEWERS)
    assert not reviewers.permissions.filter(codename="view_registration").exists()


def test_event_pages_and_registration_listing_never_enter_the_page_cache(registered_event):
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600):
        visitor = Client(HTTP_HOST="localhost")
        for _ in range(2):
            response = visitor.get(registered_event.url)
            assert response.status_code == 200
            assert response.get("X-Page-Cache") != "hit"
        moderator = Client(HTTP_HOST="localhost")
        moderator.force_login(ModeratorFactory(username="moderateur-cache"))
        url = reverse("event_registrations:index")
        for _ in range(2):
            response = moderator.get(url)
            assert response.get("X-Page-Cache") is None
        assert "alice@example.org" not in Client(HTTP_HOST="localhost").get(url).content.decode()
    cache.clear()


def test_upcoming_registrations_for_gives_counts_to_organisers_only(registered_event):
    moderator = ModeratorFactory(username="moderatrice-tableau")
    events = {event.pk: event for event in upcoming_registrations_for(moderator, limit=500)}
    mine = events[registered_event.pk]
    assert (mine.confirmed_count, mine.waiting_count, mine.seats_left_count) == (1, 1, 0)
    assert upcoming_registrations_for(ReviewerFactory(username="relecteur-tableau")) == []
    editor = EditorFactory(username="redactrice-tableau")
    assert editor.has_perm("events.view_registration") == (
        "events.view_registration" in MODEL_PERMISSIONS.get(EDITORS, [])
    )
