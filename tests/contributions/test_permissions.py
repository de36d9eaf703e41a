"""Who may do what with contributions and tool sheets: the whole matrix, role by role.

Actions: view the draft, edit, submit to the workflow, approve the current workflow task,
publish directly, delete. Outcomes come from Wagtail's own permission checks (the snippet
permission policy, the page permission tester, the workflow task's actions).
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from contributions.models import ToolComment, UsageExample
from contributions.submission import submit_tool_proposal
from tests.factories import ToolCommentFactory, UsageExampleFactory, contributor_data
from tools.models import ToolPage
from translations.permissions import user_may_write_page

pytestmark = pytest.mark.django_db

ACTIONS = ["view_draft", "edit", "submit", "approve", "publish", "delete"]
NOTHING = dict.fromkeys(ACTIONS, False)
EVERYTHING = dict.fromkeys(ACTIONS, True)
ROLES = [
    "anonymous",
    "contributor",
    "editor",
    "reviewer",
    "moderator",
    "translator_fr",
    "translator_de",
    "translator_it",
    "translator_en",
    "admin",
]

# Usage examples and comments: moderators decide; reviewers read and correct; editors read.
SNIPPET_MATRIX = {
    "anonymous": NOTHING,
    "contributor": NOTHING,
    "editor": {**NOTHING, "view_draft": True},
    "reviewer": {**NOTHING, "view_draft": True, "edit": True, "submit": True},
    "moderator": EVERYTHING,
    "translator_fr": NOTHING,
    "translator_de": NOTHING,
    "translator_it": NOTHING,
    "translator_en": NOTHING,
    "admin": EVERYTHING,
}

# A proposed tool sheet (draft, French tree, at the reviewers' step of "Relecture en
# co-création").
# Editors and reviewers work on the French tree; reviewers approve the first step; moderators
# publish; translators cannot touch it (the French translators translate only: a French
# original is not theirs). Anyone who may edit a draft without live pages may delete it.
TOOL_MATRIX = {
    "anonymous": NOTHING,
    "contributor": NOTHING,
    "editor": {**NOTHING, "view_draft": True, "edit": True, "submit": True, "delete": True},
    "reviewer": {**EVERYTHING, "publish": False},
    "moderator": {**EVERYTHING, "approve": False},
    "translator_fr": NOTHING,
    "translator_de": NOTHING,
    "translator_it": NOTHING,
    "translator_en": NOTHING,
    "admin": EVERYTHING,
}


def can_approve(obj, user):
    state = obj.current_workflow_task_state
    if state is None:
        return False
    actions = state.task.specific.get_actions(obj, user)
    return "approve" in [name for name, *_ in actions]


def snippet_outcomes(obj, user):
    policy = type(obj).snippet_viewset.permission_policy
    can_edit = policy.user_has_permission_for_instance(user, "change", obj)
    return {
        "view_draft": policy.user_has_any_permission(user, ["view", "change"]),
        "edit": can_edit,
        # The snippet editor offers "Soumettre à Modération" to those who may edit it.
        "submit": can_edit and obj.get_workflow() is not None,
        "approve": can_approve(obj, user),
        "publish": policy.user_has_permission_for_instance(user, "publish", obj),
        "delete": policy.user_has_permission_for_instance(user, "delete", obj),
    }


def tool_outcomes(proposal, published_tool, user):
    """Wagtail's page permissions narrowed by the role's locale scope, as every admin path
    applies them (translations/middleware.py)."""
    proposal_perms = proposal.permissions_for_user(user)
    published_perms = published_tool.permissions_for_user(user)
    in_scope = user.is_anonymous or user_may_write_page(user, proposal)
    task = proposal.current_workflow_task
    return {
        "view_draft": (proposal_perms.can_edit() and in_scope)
        or (task is not None and task.specific.user_can_access_editor(proposal, user)),
        "edit": proposal_perms.can_edit() and in_scope,
        # Submitting happens on a sheet that is not already in review.
        "submit": published_perms.can_edit()
        and published_perms.can_submit_for_moderation()
        and in_scope,
        "approve": can_approve(proposal, user),
        "publish": proposal_perms.can_publish() and in_scope,
        "delete": proposal_perms.can_delete() and in_scope,
    }


def user_for(role, volunteers):
    return AnonymousUser() if role == "anonymous" else volunteers[role]


@pytest.mark.parametrize("model", [UsageExample, ToolComment])
@pytest.mark.parametrize("role", ROLES)
def test_snippet_permissions(tool, volunteers, model, role):
    obj = (
        UsageExampleFactory(tool=tool, pending=True)
        if model is UsageExample
        else ToolCommentFactory(tool=tool, pending=True)
    )
    obj = model.objects.get(pk=obj.pk)
    assert obj.workflow_in_progress
    assert snippet_outcomes(obj, user_for(role, volunteers)) == SNIPPET_MATRIX[role]


@pytest.mark.parametrize("role", ROLES)
def test_tool_sheet_permissions(tool, volunteers, role):
    proposal = submit_tool_proposal(
        tool.locale, {"title": "Outil de la matrice", "summary": "Résumé."}, contributor_data()
    )
    proposal = ToolPage.objects.get(pk=proposal.pk)
    assert proposal.workflow_in_progress
    published = ToolPage.objects.get(pk=tool.pk)
    assert tool_outcomes(proposal, published, user_for(role, volunteers)) == TOOL_MATRIX[role]


def test_an_approval_by_a_reviewer_does_not_publish_a_contribution(tool, volunteers):
    example = UsageExampleFactory(tool=tool, pending=True)
    assert not can_approve(example, volunteers["reviewer"])
    state = example.current_workflow_task_state.specific
    state.approve(user=volunteers["moderator"])
    example.refresh_from_db()
    assert example.live
