"""Contributions keep their contributor's details only for a while after the decision;
declined ones and files nobody refers to are deleted."""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry, Revision

from contributions.models import ModelAdaptationProposal, ToolComment, UsageExample
from contributions.retention import ERASED_NAME
from core.private_media import private_storage
from guides.models import Region, Sector
from tests.factories import (
    BusinessModelPageFactory,
    ModeratorFactory,
    ReviewerFactory,
    ToolCommentFactory,
    ToolProposalFactory,
    UsageExampleFactory,
)
from tests.retention import days_ago, decide_days_ago, purge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def periods(settings):
    settings.RETENTION_CONTRIBUTIONS_DAYS = 90


ADDRESS = "camille.rochat@secret.example.net"


def pdf(name="exemple.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 exemple", content_type="application/pdf")


def decide(obj, action, user=None):
    state = obj.current_workflow_task_state.specific
    getattr(state, action)(user=user or ModeratorFactory(), comment="")
    obj.refresh_from_db()
    return obj


def test_a_declined_example_is_deleted_with_its_file_once_the_period_is_over(
    django_capture_on_commit_callbacks,
):
    recent = decide(UsageExampleFactory(pending=True, attachment=pdf()), "reject")
    old = decide(UsageExampleFactory(pending=True, attachment=pdf()), "reject")
    decide_days_ago(recent, 89)
    decide_days_ago(old, 91)
    old_file = old.attachment.name
    assert private_storage().exists(old_file)

    with django_capture_on_commit_callbacks(execute=True):
        assert purge()["declined usage examples"] == 1

    assert not UsageExample.objects.filter(pk=old.pk).exists()
    assert not Revision.objects.filter(object_id=str(old.pk), content__title=old.title).exists()
    assert not private_storage().exists(old_file)
    assert UsageExample.objects.filter(pk=recent.pk).exists()
    assert private_storage().exists(recent.attachment.name)


def test_a_declined_comment_is_deleted_after_the_period():
    comment = decide(ToolCommentFactory(pending=True), "reject")
    decide_days_ago(comment, 91)
    assert purge()["declined comments"] == 1
    assert not ToolComment.objects.filter(pk=comment.pk).exists()


def test_a_contribution_waiting_for_moderation_is_kept_however_old():
    comment = ToolCommentFactory(pending=True)
    decide_days_ago(comment, 400)
    purge()
    assert ToolComment.objects.filter(pk=comment.pk).exists()


def test_an_approved_example_loses_the_contributors_address_but_keeps_a_credited_name():
    recent = decide(UsageExampleFactory(pending=True), "approve")
    old = decide(UsageExampleFactory(pending=True), "approve")
    decide_days_ago(recent, 89)
    decide_days_ago(old, 91)

    assert purge()["contributors of approved usage examples"] == 1

    old.refresh_from_db()
    assert old.live
    assert old.contributor_email == ""
    assert old.contributor_name == "Camille Rochat"
    for revision in Revision.objects.for_instance(old):
        assert ADDRESS not in str(revision.content)
    recent.refresh_from_db()
    assert recent.contributor_email == ADDRESS
    assert purge()["contributors of approved usage examples"] == 0


def test_the_name_of_a_contributor_who_did_not_want_credit_is_erased_too():
    comment = decide(ToolCommentFactory(pending=True, consent_to_credit=False), "approve")
    decide_days_ago(comment, 91)
    assert purge()["contributors of approved comments"] == 1
    comment.refresh_from_db()
    assert (comment.contributor_name, comment.contributor_email) == (ERASED_NAME, "")
    for revision in Revision.objects.for_instance(comment):
        assert "Camille Rochat" not in str(revision.content)


def test_a_tool_proposal_loses_the_contributors_address_after_the_decision():
    proposal = ToolProposalFactory()
    tool = proposal.tool
    decide(tool, "reject", user=ReviewerFactory())
    assert purge()["contributors of tool proposals"] == 0
    decide_days_ago(tool, 91)
    assert purge()["contributors of tool proposals"] == 1
    proposal.refresh_from_db()
    assert proposal.contributor_email == ""


def test_a_proposed_adaptation_loses_the_contributors_address_after_the_decision(client):
    source = BusinessModelPageFactory()
    with translation.override("fr"):
        form = reverse("contributions:adapt_model", kwargs={"page_id": source.pk})
    client.post(
        form,
        {
            "title": "Le café du quartier",
            "changed": ["changed_sector"],
            "adaptation_note": "Pour un quartier de ville.",
            "organisation": "Association Quartier Vivant",
            "country": "France",
            "region": Region.FRANCE,
            "sector": Sector.SOCIAL_ACTION,
            "year": "2025",
            "contributor_name": "Inès Favre",
            "contributor_email": "ines@secret.example.net",
        },
    )
    proposal = ModelAdaptationProposal.objects.get(business_model__title="Le café du quartier")
    adaptation = proposal.business_model
    decide(adaptation, "reject", user=ReviewerFactory())
    assert purge()["contributors of proposed adaptations"] == 0
    decide_days_ago(adaptation, 91)
    assert purge()["contributors of proposed adaptations"] == 1
    proposal.refresh_from_db()
    assert (proposal.contributor_name, proposal.contributor_email) == (ERASED_NAME, "")


def test_deleting_an_example_deletes_its_file(django_capture_on_commit_callbacks):
    example = UsageExampleFactory(attachment=pdf())
    name = example.attachment.name
    with django_capture_on_commit_callbacks(execute=True):
        example.delete()
    assert not private_storage().exists(name)


def test_a_file_another_example_still_uses_is_kept(django_capture_on_commit_callbacks):
    example = UsageExampleFactory(attachment=pdf())
    name = example.attachment.name
    UsageExampleFactory(attachment=name)
    with django_capture_on_commit_callbacks(execute=True):
        example.delete()
    assert private_storage().exists(name)


def stored(name, days_old):
    name = private_storage().save(name, ContentFile(b"%PDF-1.4 orphelin"))
    moment = time.time() - days_old * 86400
    os.utime(private_storage().path(name), (moment, moment))
    return name


def test_orphaned_files_are_deleted_but_referenced_and_fresh_ones_kept():
    orphan = stored("contributions/examples/abc/example.pdf", days_old=2)
    fresh = stored("contributions/examples/def/example.pdf", days_old=0)
    referenced = stored("contributions/examples/ghi/example.pdf", days_old=2)
    in_a_draft = stored("contributions/examples/jkl/example.pdf", days_old=2)
    UsageExampleFactory(attachment=referenced)
    example = UsageExampleFactory()
    example.attachment = in_a_draft
    example.save_revision()

    assert purge("--dry-run")["orphaned attachments of usage examples"] == 1
    assert private_storage().exists(orphan)

    assert purge()["orphaned attachments of usage examples"] == 1

    assert not private_storage().exists(orphan)
    assert private_storage().exists(fresh)
    assert private_storage().exists(referenced)
    assert private_storage().exists(in_a_draft)
    private_storage().delete(fresh)


def test_the_history_of_a_deleted_contribution_keeps_its_actions_without_its_label():
    example = UsageExampleFactory(pending=True, title="Exemple de Camille Rochat")
    example_id = str(example.pk)
    history = ModelLogEntry.objects.for_instance(example)
    example.delete()
    entries = history.filter(label__contains="Camille")
    actions = sorted(entries.values_list("action", flat=True))
    assert actions
    entries.update(timestamp=days_ago(31))

    purge()

    assert sorted(history.values_list("action", flat=True)) == actions
    assert set(history.values_list("label", flat=True)) == {f"#{example_id}"}
