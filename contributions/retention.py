"""How long the contributions app keeps personal data (rules of `core.retention`).

`RETENTION_CONTRIBUTIONS_DAYS` after the moderators' decision:
- a declined usage example or comment is deleted (with its revisions and attached file);
- an approved one, and a tool proposal or a proposed adaptation of a shared model whatever
  the decision, stays (it is the association's content now) but loses its contributor's
  e-mail address, and the name unless the person agreed to be credited (the name is then
  shown on the tool sheet).
Files no row or revision refers to any more are deleted a day later; the admin's history of
deleted contributions loses their labels.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import WorkflowState

from core.cache import CHROME, bump
from core.retention import (
    RETENTION_HOOK,
    AnonymiseLogEntries,
    AnonymiseRows,
    DeleteRows,
    OrphanedFiles,
    decided_before,
    erase_from_revisions,
)
from guides.models import BusinessModelPage
from tools.models import ToolPage

from .models import ModelAdaptationProposal, ToolComment, ToolProposal, UsageExample

# What stands for an erased name: the field is required in the admin's forms.
ERASED_NAME = "—"

DECLINED = [WorkflowState.STATUS_NEEDS_CHANGES]
DECIDED = [WorkflowState.STATUS_APPROVED, WorkflowState.STATUS_NEEDS_CHANGES]


def declined(model):
    def rows(cutoff):
        return model.objects.filter(pk__in=decided_before(model, cutoff, DECLINED), live=False)

    return rows


def still_identified():
    """Contributor details that the rules below have not erased yet."""
    uncredited_name = Q(consent_to_credit=False) & ~Q(contributor_name=ERASED_NAME)
    return ~Q(contributor_email="") | uncredited_name


def approved(model):
    def rows(cutoff):
        decided = decided_before(model, cutoff, [WorkflowState.STATUS_APPROVED])
        return model.objects.filter(still_identified(), pk__in=decided)

    return rows


def decided_proposals(cutoff):
    tools = decided_before(ToolPage, cutoff, DECIDED)
    return ToolProposal.objects.filter(still_identified(), tool_id__in=tools)


def decided_adaptations(cutoff):
    models = decided_before(BusinessModelPage, cutoff, DECIDED)
    return ModelAdaptationProposal.objects.filter(still_identified(), business_model_id__in=models)


def erase_contributor(contribution):
    erased = {"contributor_email": ""}
    if not contribution.consent_to_credit:
        erased["contributor_name"] = ERASED_NAME
    type(contribution).objects.filter(pk=contribution.pk).update(**erased)
    if isinstance(contribution, (UsageExample, ToolComment)):
        erase_from_revisions(contribution, **erased)
    # An erased name must leave the sheets at once, not when their cached sections expire.
    bump(CHROME)


@hooks.register(RETENTION_HOOK)
def contribution_rules():
    period = {"setting": "RETENTION_CONTRIBUTIONS_DAYS", "order": 20}
    declined_text = {
        "public_label": _("Contributions the moderators declined (examples, comments)"),
        "public_period": _("deleted %(days)s days after the decision"),
    }
    contributor_text = {
        "public_label": _("Contact details of contributors (name and e-mail address)"),
        "public_period": _(
            "the e-mail address is erased %(days)s days after the decision; the name is kept "
            "only if you agreed to be credited"
        ),
    }
    return [
        DeleteRows(
            "declined usage examples", rows=declined(UsageExample), **period, **declined_text
        ),
        DeleteRows("declined comments", rows=declined(ToolComment), **period),
        AnonymiseRows(
            "contributors of approved usage examples",
            rows=approved(UsageExample),
            anonymise=erase_contributor,
            **period,
            **contributor_text,
        ),
        AnonymiseRows(
            "contributors of approved comments",
            rows=approved(ToolComment),
            anonymise=erase_contributor,
            **period,
        ),
        AnonymiseRows(
            "contributors of tool proposals",
            rows=decided_proposals,
            anonymise=erase_contributor,
            **period,
        ),
        AnonymiseRows(
            "contributors of proposed adaptations",
            rows=decided_adaptations,
            anonymise=erase_contributor,
            **period,
        ),
        OrphanedFiles(
            "orphaned attachments of usage examples",
            model=UsageExample,
            field="attachment",
            folder="contributions/examples",
            order=80,
        ),
        AnonymiseLogEntries(
            "admin history of deleted contributions",
            models=[UsageExample, ToolComment],
            setting="RETENTION_ADMIN_LOG_DAYS",
            order=90,
        ),
    ]
