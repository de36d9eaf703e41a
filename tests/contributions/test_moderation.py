"""Moderators decide in the admin; the contributor hears of it; approved work shows on the sheet."""

import pytest
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from contributions import submission
from contributions.models import (
    CommentKind,
    DecisionNotice,
    ToolComment,
    ToolProposal,
    UsageExample,
)
from contributions.progress import public_workflow_states
from contributions.submission import next_sheet_number, submit_tool_proposal
from contributions.wagtail_hooks import ContributionsPanel, waiting_contributions
from core.sections import registered_sections, sections_for
from tests.factories import (
    ToolCommentFactory,
    ToolPageFactory,
    ToolProposalFactory,
    UsageExampleFactory,
    contributor_data,
)
from tests.html import one, parse, text_of, texts
from tools.models import ToolPage
from volunteers.dashboard import contributions_waiting_count

pytestmark = pytest.mark.django_db


def mails_to(address="camille.rochat@secret.example.net"):
    """Messages to the contributor (Wagtail also notifies the reviewers of each step)."""
    return [message for message in mail.outbox if address in message.to]


def act(obj, user, action, comment=""):
    """Approve or reject the object's current task, as the admin's workflow buttons do."""
    state = obj.current_workflow_task_state.specific
    getattr(state, action)(user=user, comment=comment)
    obj.refresh_from_db()
    return obj


def test_approving_an_example_publishes_it_and_tells_the_contributor(tool, volunteers):
    example = UsageExampleFactory(tool=tool, pending=True)
    act(example, volunteers["moderator"], "approve", comment="Bel exemple, merci !")
    assert example.live is True
    assert example.decision_notice == DecisionNotice.APPROVED
    [message] = mails_to()
    assert "Bel exemple, merci !" in message.body
    assert tool.title in message.body


def test_declining_a_comment_keeps_it_unpublished_and_gives_the_reason(tool, volunteers):
    comment = ToolCommentFactory(tool=tool, pending=True)
    act(comment, volunteers["moderator"], "reject", comment="Hors sujet pour cette fiche.")
    assert comment.live is False
    assert comment.decision_notice == DecisionNotice.DECLINED
    [message] = mails_to()
    assert "Hors sujet pour cette fiche." in message.body


def test_the_decision_is_written_in_the_contributors_language(tool, volunteers):
    data = {"message": "Eine Bemerkung.", **contributor_data()}
    comment = submission.submit_comment(
        tool, Locale.objects.get(language_code="de"), "comment", data
    )
    act(comment, volunteers["moderator"], "approve")
    [message] = mails_to()
    assert "Camille Rochat" in message.body
    assert "hat Ihren Beitrag" in message.body and "angenommen" in message.body
    assert "Hello" not in message.body


def test_a_contributor_without_an_address_gets_no_mail(tool, volunteers):
    example = UsageExampleFactory(tool=tool, pending=True, contributor_email="")
    act(example, volunteers["moderator"], "approve")
    assert example.live is True
    assert all("secret.example.net" not in " ".join(message.to) for message in mail.outbox)


def test_a_proposed_tool_goes_through_review_then_publication(client, tool, volunteers):
    client.post(
        reverse("contributions:propose_tool"),
        {
            "title": "Grille des partenariats",
            "summary": "Recenser les partenaires.",
            "contributor_name": "Inès",
            "contributor_email": "ines@secret.example.net",
        },
    )
    page = ToolProposal.objects.get(tool__title="Grille des partenariats").tool
    act(page, volunteers["reviewer"], "approve", comment="Relu.")
    assert page.live is False
    assert mails_to("ines@secret.example.net") == []
    act(page, volunteers["moderator"], "approve", comment="Publié dans la bibliothèque.")
    assert page.live is True
    [message] = mails_to("ines@secret.example.net")
    assert "Relu." in message.body and "Publié dans la bibliothèque." in message.body


def test_a_published_proposal_takes_the_next_free_sheet_number(client, tool, volunteers):
    page = submit_tool_proposal(
        Locale.get_default(),
        {"title": "Registre des bénévoles", "summary": "Qui fait quoi, depuis quand."},
        contributor_data(),
    )
    assert page.sheet_number.startswith("P-")
    expected = next_sheet_number(page.locale)
    act(page, volunteers["reviewer"], "approve")
    act(page, volunteers["moderator"], "approve")
    assert page.live
    assert page.sheet_number == expected
    assert not ToolPage.objects.filter(sheet_number__startswith="P-", live=True).exists()
    aliases = ToolPage.objects.filter(alias_of=page)
    assert aliases.exists() and {alias.sheet_number for alias in aliases} == {expected}
    assert page.get_latest_revision().content["sheet_number"] == expected

    # Published again after an edit, it keeps its number.
    page.get_latest_revision_as_object().save_revision(user=volunteers["moderator"]).publish()
    page.refresh_from_db()
    assert page.sheet_number == expected
    assert expected in text_of(parse(client.get(page.url)))


def test_approved_examples_and_consenting_contributors_appear_on_the_sheet(tool, rf_request):
    UsageExampleFactory(tool=tool, title="Exemple publié", contributor_name="Alice Publique")
    UsageExampleFactory(
        tool=tool, title="Exemple discret", contributor_name="Bob Discret", consent_to_credit=False
    )
    ToolCommentFactory(tool=tool, contributor_name="Chloé Commentaire")
    UsageExampleFactory(
        tool=tool, pending=True, title="Exemple en attente", contributor_name="Denis Attente"
    )
    sections = {s["name"]: s["context"] for s in sections_for("tool_sheet", tool, rf_request())}
    titles = [example.title for example in sections["contributions_examples"]["examples"]]
    assert sorted(titles) == ["Exemple discret", "Exemple publié"]
    assert sections["contributions_status"]["example_count"] == 2
    assert sections["contributions_credits"]["contributors"] == [
        "Alice Publique",
        "Chloé Commentaire",
    ]


def test_the_sheet_sections_never_show_a_contributors_address(tool, rf_request):
    UsageExampleFactory(tool=tool, contributor_email="hidden@secret.example.net")
    request = rf_request()
    html = "".join(
        render_to_string(section["template"], {"section": section["context"]}, request=request)
        for section in sections_for("tool_sheet", tool, request)
        if section["name"].startswith("contributions")
    )
    examples = parse(html).select("section.tool-examples > article.tool-example")
    assert "Exemple approuvé" in [text_of(one(example, ":scope > h3")) for example in examples]
    assert "secret.example.net" not in html


def test_the_sheet_sections_cost_the_same_queries_whatever_the_number_of_examples(
    tool, rf_request, django_assert_max_num_queries
):
    # Only this app's sections: other domains add their own (with their own budgets).
    ours = [s for s in registered_sections("tool_sheet") if s.name.startswith("contributions")]
    assert ours

    def count():
        request = rf_request()
        with CaptureQueriesContext(connection) as context:
            for section in ours:
                section.get_context(tool, request)
        return len(context.captured_queries)

    UsageExampleFactory(tool=tool)
    first = count()
    for number in range(4):
        UsageExampleFactory(
            tool=tool, title=f"Exemple {number}", contributor_name=f"Personne {number}"
        )
        ToolCommentFactory(tool=tool, contributor_name=f"Commentatrice {number}")
    assert count() == first
    assert first <= 8


def test_the_dashboard_shows_moderators_what_waits_for_them(client, tool, volunteers):
    example = UsageExampleFactory(tool=tool, pending=True, title="À modérer")
    assert example in [
        state.workflow_state.content_object
        for state in waiting_contributions(volunteers["moderator"])
    ]
    assert not waiting_contributions(volunteers["editor"]).exists()
    client.force_login(volunteers["moderator"])
    response = client.get("/admin/")
    assert response.status_code == 200
    panel = one(parse(response), "section#contributions-waiting-section")
    # A contribution is named by its title, then its organisation in brackets.
    contributions = texts(panel, "tbody > tr > td:first-child")
    assert any(contribution.startswith("À modérer (") for contribution in contributions)


def test_the_dashboard_shows_reviewers_the_proposed_tools(client, tool, volunteers):
    page = submission.submit_tool_proposal(
        Locale.get_default(),
        {"title": "Outil proposé au tableau de bord", "summary": "Résumé."},
        contributor_data(),
    )
    client.force_login(volunteers["reviewer"])
    response = client.get("/admin/")
    panel = one(parse(response), "section#contributions-waiting-section")
    assert "Outil proposé au tableau de bord" in texts(panel, "tbody > tr > td:first-child")
    panel = ContributionsPanel(volunteers["reviewer"])
    items = panel.get_context_data({})["items"]
    assert page.pk in [item["object"].pk for item in items]


@override_settings(WAGTAIL_WORKFLOW_ENABLED=True)
def test_contributions_are_attached_to_the_moderation_workflow():
    for model in (UsageExample, ToolComment):
        assert model().get_workflow().name == "Modération"


def test_an_editors_own_sheet_in_review_is_not_called_a_contribution_from_the_public(volunteers):
    """The reviewers' "contributions waiting" panel and the dashboards' figure count what the
    public sent; an editor's sheet in review waits in Wagtail's own review panel only."""
    editors_sheet = ToolPageFactory(title="Boussole des alliances", publish=False)
    editors_sheet.save_revision(user=volunteers["editor"])
    editors_sheet.get_workflow().start(editors_sheet, volunteers["editor"])
    proposed = ToolProposalFactory(title="Carte des parties prenantes").tool

    waiting = [
        state.workflow_state.content_object.specific
        for state in waiting_contributions(volunteers["reviewer"])
    ]
    assert proposed in waiting
    assert editors_sheet not in waiting
    figure = contributions_waiting_count()
    assert figure == public_workflow_states().count()
    assert not public_workflow_states().filter(object_id=str(editors_sheet.pk)).exists()


def declined_proposal(client, volunteers, reason):
    client.post(
        reverse("contributions:propose_tool"),
        {
            "title": "Grille des refus",
            "summary": "Une proposition que la relecture refuse.",
            "contributor_name": "Inès",
            "contributor_email": "camille.rochat@secret.example.net",
        },
    )
    page = ToolProposal.objects.get(tool__title="Grille des refus").tool
    return act(page, volunteers["reviewer"], "reject", comment=reason)


@pytest.mark.parametrize(
    "kind", ["example", "comment", "revision", "translation offer", "proposed tool"]
)
def test_every_kind_of_contribution_declined_tells_its_contributor_why(
    client, tool, volunteers, kind
):
    """Each public contribution type, declined: not published, its contributor told the reason
    (shared models' adaptations: test_adaptations.py)."""
    reason = f"Refus motivé ({kind}) : merci de préciser la source."
    if kind == "proposed tool":
        declined = declined_proposal(client, volunteers, reason)
    else:
        if kind == "example":
            contribution = UsageExampleFactory(tool=tool, pending=True)
        else:
            comment_kind = {
                "comment": CommentKind.COMMENT,
                "revision": CommentKind.REVISION,
                "translation offer": CommentKind.TRANSLATION,
            }[kind]
            contribution = ToolCommentFactory(tool=tool, pending=True, kind=comment_kind)
        declined = act(contribution, volunteers["moderator"], "reject", comment=reason)
        assert declined.decision_notice == DecisionNotice.DECLINED
    assert declined.live is False
    [message] = mails_to()
    assert reason in message.body
