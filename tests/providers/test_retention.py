"""An application the moderators did not accept is deleted a while after their decision."""

import pytest
from wagtail.models import Page, PageLogEntry

from providers.models import PendingApplication, ProviderPage
from providers.views import submit_for_vetting
from tests.factories import ModeratorFactory, ProviderPageFactory
from tests.retention import days_ago, decide_days_ago, purge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def periods(settings):
    settings.RETENTION_PROVIDER_APPLICATIONS_DAYS = 90
    settings.RETENTION_ADMIN_LOG_DAYS = 30


def application():
    """A draft profile in the vetting workflow, aliased in every language, as the form makes."""
    page = ProviderPageFactory(publish=False, title="Atelier Rochat")
    submit_for_vetting(page)
    return page


def ask_for_changes(page):
    state = page.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, ModeratorFactory(), "reject", comment="Précisez."
    )


def approve(page):
    state = page.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, ModeratorFactory(), "approve", comment=""
    )


def test_a_declined_application_is_deleted_with_its_aliases_after_the_period():
    recent, old = application(), application()
    for page in (recent, old):
        ask_for_changes(page)
    decide_days_ago(recent, 89)
    decide_days_ago(old, 91)
    assert Page.objects.filter(alias_of=old).count() == 3

    assert purge()["declined provider applications"] == 1

    assert not Page.objects.filter(pk=old.pk).exists()
    assert not Page.objects.filter(alias_of_id=old.pk).exists()
    assert ProviderPage.objects.filter(pk=recent.pk).exists()


def test_an_application_sent_again_after_the_decision_is_kept():
    page = application()
    ask_for_changes(page)
    decide_days_ago(page, 91)
    submit_for_vetting(ProviderPage.objects.get(pk=page.pk))
    purge()
    assert ProviderPage.objects.filter(pk=page.pk).exists()


def test_an_approved_profile_is_kept():
    page = application()
    approve(page)
    decide_days_ago(page, 400)
    purge()
    page.refresh_from_db()
    assert page.live


def test_a_dry_run_deletes_no_application():
    page = application()
    ask_for_changes(page)
    decide_days_ago(page, 91)
    assert purge("--dry-run")["declined provider applications"] == 1
    assert ProviderPage.objects.filter(pk=page.pk).exists()


def test_the_history_of_a_deleted_application_loses_the_applicants_name():
    page = application()
    ask_for_changes(page)
    decide_days_ago(page, 91)
    page_id = page.pk
    purge()
    history = PageLogEntry.objects.filter(page_id=page_id)
    assert history.filter(label="Atelier Rochat").exists()
    history.update(timestamp=days_ago(31))

    purge()

    assert set(history.values_list("label", flat=True)) == {f"#{page_id}"}
    assert "wagtail.workflow.reject" in set(history.values_list("action", flat=True))


def test_an_unconfirmed_application_is_deleted_once_its_link_expired():
    expired = PendingApplication.objects.create(
        owner_email="jamais@example.org", answers={"title": "Jamais confirmé"}
    )
    PendingApplication.objects.filter(pk=expired.pk).update(created_at=days_ago(3))
    waiting = PendingApplication.objects.create(owner_email="bientot@example.org", answers={})
    assert purge("--dry-run")["unconfirmed provider applications"] == 1
    purge()
    assert not PendingApplication.objects.filter(pk=expired.pk).exists()
    assert PendingApplication.objects.filter(pk=waiting.pk).exists()
