"""Profiles not confirmed for a year: reminders to owners, a panel for moderators."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from providers.models import ProviderPage, StaleProfileReminder
from tests.factories import EditorFactory, ModeratorFactory, ProviderPageFactory
from tests.html import one, parse, texts
from tests.providers.conftest import days_ago

pytestmark = pytest.mark.django_db


def remind(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("remind_stale_providers", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def profiles(index):
    ProviderPage.objects.update(last_confirmed=days_ago(10))
    return {
        "stale": ProviderPageFactory(
            parent=index,
            title="Oublié",
            owner_email="vieux@secret.example.net",
            last_confirmed=days_ago(400),
        ),
        "fresh": ProviderPageFactory(
            parent=index,
            title="À jour",
            owner_email="neuf@secret.example.net",
            last_confirmed=days_ago(300),
        ),
        "draft": ProviderPageFactory(
            parent=index,
            title="Brouillon",
            owner_email="draft@secret.example.net",
            last_confirmed=days_ago(500),
            publish=False,
            revision=False,
        ),
    }


def test_owners_of_stale_live_profiles_get_one_reminder_with_a_secure_link(profiles):
    output, progress_bar = remind()
    assert "1 reminder(s) sent" in output
    assert "Reminders" in progress_bar
    assert [m.to for m in mail.outbox] == [["vieux@secret.example.net"]]
    stale = profiles["stale"]
    assert f"{stale.slug}/update/?token=" in mail.outbox[0].body


def test_running_the_command_again_sends_nothing_more(profiles):
    remind()
    output, _ = remind()
    assert "0 reminder(s) sent" in output
    assert len(mail.outbox) == 1
    assert StaleProfileReminder.objects.count() == 1


def test_a_new_confirmation_that_goes_stale_brings_a_new_reminder(profiles):
    remind()
    stale = profiles["stale"]
    stale.last_confirmed = days_ago(370)
    stale.save_revision().publish()
    remind()
    assert len(mail.outbox) == 2


def test_a_dry_run_lists_without_sending(profiles):
    output, _ = remind("--dry-run")
    assert "would remind: Oublié" in output
    assert mail.outbox == []
    assert not StaleProfileReminder.objects.exists()


def test_moderators_see_stale_profiles_on_their_dashboard(client, profiles):
    client.force_login(ModeratorFactory(username="moderatrice"))
    html = client.get("/admin/").content.decode()
    panel = one(parse(html), "section#stale-providers-section")
    assert "Oublié" in texts(panel, "tbody > tr > td > a")
    assert "À jour" not in html


def test_editors_do_not_get_the_panel(client, profiles):
    client.force_login(EditorFactory(username="redacteur"))
    assert "Oublié" not in client.get("/admin/").content.decode()


def test_the_reminders_are_sent_quietly_at_verbosity_zero(profiles):
    assert remind("--verbosity", "0") == ("", "")
    assert [m.to for m in mail.outbox] == [["vieux@secret.example.net"]]
