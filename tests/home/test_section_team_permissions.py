"""The section teams (home/roles.py): the events team keeps the agenda, the directory team the
provider directory, each in every language and nowhere else. Every check goes through the admin
views a volunteer uses: what they may do is accepted, what they may not is refused or not
offered."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState

from events.models import EventIndexPage, EventPage
from home.roles import DIRECTORY_TEAM, EVENTS_TEAM
from providers.models import ProviderIndexPage
from tests.factories import EventSeriesPageFactory, ProviderPageFactory, UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture
def events_volunteer():
    return UserFactory(username="agenda", groups=[EVENTS_TEAM])


@pytest.fixture
def directory_volunteer():
    return UserFactory(username="annuaire", groups=[DIRECTORY_TEAM])


def french(model):
    return model.objects.get(locale=Locale.get_default())


def about_page():
    return Page.objects.get(locale=Locale.get_default(), slug="association")


def edit_form_data(page, user, **changes):
    """What the admin's edit form sends back unchanged for this page, with `changes`."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent(), for_user=user)
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            formatted = bound.field.widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    for formset in form.formsets.values():
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        assert formset.initial_form_count() == 0, "only pages without comments or children rows"
    data.update(changes)
    return data


def post_edit(client, page, user, title):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {**edit_form_data(page, user, title=title), **PUBLISH})


@pytest.mark.parametrize("code", ["fr", "de", "it", "en"])
def test_events_team_publishes_the_agenda_of_every_language_and_nothing_else(
    events_volunteer, code
):
    agenda = EventIndexPage.objects.get(locale__language_code=code)
    assert agenda.permissions_for_user(events_volunteer).can_publish()
    assert agenda.permissions_for_user(events_volunteer).can_add_subpage()
    directory = ProviderIndexPage.objects.get(locale__language_code=code)
    assert not directory.permissions_for_user(events_volunteer).can_edit()
    home = Page.objects.get(depth=2, locale__language_code=code)
    assert not home.permissions_for_user(events_volunteer).can_edit()


def test_events_team_edits_and_publishes_the_agenda_through_the_admin(client, events_volunteer):
    agenda = french(EventIndexPage)
    client.force_login(events_volunteer)

    response = post_edit(client, agenda, events_volunteer, "Agenda des rencontres")

    assert response.status_code == 302
    agenda.refresh_from_db()
    assert agenda.live and not agenda.has_unpublished_changes
    assert agenda.title == "Agenda des rencontres"


def test_events_team_is_refused_outside_the_agenda(client, events_volunteer):
    client.force_login(events_volunteer)
    about = about_page()
    before = (about.title, about.latest_revision_id)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[about.pk]), {"title": "Changé", **PUBLISH}
    )
    assert response.status_code in (302, 403)
    about.refresh_from_db()
    assert (about.title, about.latest_revision_id) == before
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    add_here = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    assert add_here.status_code in (302, 403)


def test_events_team_is_offered_only_the_page_types_of_the_agenda(client, events_volunteer):
    client.force_login(events_volunteer)
    agenda = french(EventIndexPage)
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[agenda.pk]))
    assert response.status_code == 200
    offered = {
        link["href"]
        for link in parse(response).select("a[href]")
        if "/add/" in link["href"] and f"/{agenda.pk}/" in link["href"]
    }
    assert offered == {
        reverse("wagtailadmin_pages:add", args=["events", model, agenda.pk])
        for model in ("eventpage", "eventseriespage")
    }
    for url in offered:
        assert client.get(url).status_code == 200


def test_events_team_generates_and_publishes_a_cycle_in_one_action(client, events_volunteer):
    cycle = EventSeriesPageFactory(
        parent=french(EventIndexPage), title="Cycle d'automne", slug="cycle-automne", aliases=False
    )
    client.force_login(events_volunteer)
    url = reverse("events_generate", args=[cycle.pk])
    form = parse(client.get(url))
    # Offered because it is accepted: the team publishes in the agenda.
    assert form.select_one("input[name=publish]") is not None
    assert form.select_one("input[name=submit_for_moderation]") is None
    response = client.post(
        url,
        {
            "title_pattern": "Atelier {number}",
            "frequency": "weekly",
            "week_of_month": "3",
            "weekday": "1",
            "first_day": "2030-09-02",
            "count": "3",
            "start_time": "18:00",
            "duration_minutes": "120",
            "event_format": "webinar",
            "language": "fr",
            "online_url": "https://meet.example.org/atelier",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    events = EventPage.objects.child_of(cycle)
    assert events.count() == 3
    assert all(event.live for event in events)


def test_events_team_manages_registrations_and_the_directory_team_does_not(
    client, events_volunteer, directory_volunteer
):
    for permission in ("view", "change", "delete"):
        assert events_volunteer.has_perm(f"events.{permission}_registration")
        assert not directory_volunteer.has_perm(f"events.{permission}_registration")
    client.force_login(events_volunteer)
    assert client.get(reverse("event_registrations:index")).status_code == 200
    client.force_login(directory_volunteer)
    assert client.get(reverse("event_registrations:index")).status_code in (302, 403)


@pytest.mark.parametrize("code", ["fr", "de", "it", "en"])
def test_directory_team_publishes_the_directory_of_every_language_and_nothing_else(
    directory_volunteer, code
):
    directory = ProviderIndexPage.objects.get(locale__language_code=code)
    assert directory.permissions_for_user(directory_volunteer).can_publish()
    agenda = EventIndexPage.objects.get(locale__language_code=code)
    assert not agenda.permissions_for_user(directory_volunteer).can_edit()
    home = Page.objects.get(depth=2, locale__language_code=code)
    assert not home.permissions_for_user(directory_volunteer).can_edit()


def test_directory_team_edits_the_directory_and_is_refused_the_agenda(client, directory_volunteer):
    client.force_login(directory_volunteer)
    directory = french(ProviderIndexPage)
    response = post_edit(client, directory, directory_volunteer, "Annuaire des prestataires")
    assert response.status_code == 302
    directory.refresh_from_db()
    assert directory.live and directory.title == "Annuaire des prestataires"

    agenda = french(EventIndexPage)
    refused = client.post(
        reverse("wagtailadmin_pages:edit", args=[agenda.pk]), {"title": "Changé", **PUBLISH}
    )
    assert refused.status_code in (302, 403)
    agenda.refresh_from_db()
    assert agenda.title != "Changé"


def application(applicant):
    """A provider's application waiting in the vetting workflow, as the public form leaves it."""
    page = ProviderPageFactory(
        parent=french(ProviderIndexPage), title="Atelier Boussole", publish=False, aliases=False
    )
    state = page.get_workflow().start(page, applicant)
    return page, state.current_task_state


def test_directory_team_approves_a_provider_application(client, directory_volunteer):
    page, task_state = application(UserFactory(username="candidate"))
    assert TaskState.objects.reviewable_by(directory_volunteer).filter(pk=task_state.pk).exists()
    client.force_login(directory_volunteer)

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


def test_events_team_cannot_approve_a_provider_application(client, events_volunteer):
    page, task_state = application(UserFactory(username="candidate"))
    assert not TaskState.objects.reviewable_by(events_volunteer).filter(pk=task_state.pk).exists()
    client.force_login(events_volunteer)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert not page.live
