"""setup_site creates the provider vetting workflow declared in providers/roles.py."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Workflow, WorkflowPage

from home.roles import DIRECTORY_TEAM, MODERATORS
from providers.models import ProviderIndexPage, ProviderPage
from providers.roles import PROVIDER_VETTING_WORKFLOW, VETTING_TASK
from tests.factories import ProviderPageFactory

pytestmark = pytest.mark.django_db

VETTING = PROVIDER_VETTING_WORKFLOW


def setup_site():
    output = io.StringIO()
    call_command("setup_site", stdout=output)
    return output.getvalue()


def test_the_vetting_workflow_has_one_task_for_the_moderators_and_the_directory_team():
    workflow = Workflow.objects.get(name=VETTING)
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert [task.name for task in tasks] == [VETTING_TASK]
    assert set(tasks[0].groups.values_list("name", flat=True)) == {MODERATORS, DIRECTORY_TEAM}


def test_every_directory_page_goes_through_vetting(index):
    for directory in ProviderIndexPage.objects.all():
        assert WorkflowPage.objects.get(page=directory).workflow.name == VETTING
    assert (
        ProviderPageFactory(parent=index, publish=False, revision=False).get_workflow().name
        == VETTING
    )


def test_running_setup_site_again_changes_nothing():
    assert "0 change(s)" in setup_site()


def test_setup_site_repairs_the_workflow(index):
    WorkflowPage.objects.filter(page=index).delete()
    workflow = Workflow.objects.get(name="Vérification des prestataires")
    workflow.deactivate()
    output = setup_site()
    assert "reactivated workflow Vérification des prestataires" in output
    assert WorkflowPage.objects.get(page=index).workflow.name == "Vérification des prestataires"
    assert "0 change(s)" in setup_site()


def test_other_pages_keep_the_co_creation_review(index):
    home = index.get_parent()
    assert home.specific.get_workflow().name == "Relecture en co-création"
    assert ProviderPage.objects.filter(locale=index.locale).first().get_workflow().name == (
        "Vérification des prestataires"
    )
