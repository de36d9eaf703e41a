"""The co-creation loop closed: every contribution sent through the public forms is moderated,
then shown or credited on the site, its author follows it through a private link and hears
about the decision; the public board shows each one's stage and nothing personal."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from contributions.follow_links import follow_token
from contributions.models import CommentKind, ToolComment, ToolProposal
from contributions.panels import compare_url
from contributions.progress import BOARD_PAGE_SIZE
from tests.factories import (
    ToolCommentFactory,
    ToolProposalFactory,
    TranslatorFactory,
    UsageExampleFactory,
    contributor_data,
)
from tests.html import parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolPage
from translations.models import TranslationAssignment

pytestmark = pytest.mark.django_db

SECRET = "secret.example.net"


def act(obj, user, action, comment=""):
    """Approve or reject the object's current task, as the admin's workflow buttons do."""
    state = obj.current_workflow_task_state.specific
    getattr(state, action)(user=user, comment=comment)
    obj.refresh_from_db()
    return obj


def url(name, *args, language="fr", query=""):
    with translation.override(language):
        return reverse(f"contributions:{name}", args=args) + query


def send(client, tool, kind, **fields):
    """Post a public form the way a visitor does; the contribution it created."""
    path = {"comment": "comment", "revision": "revision", "translation": "translation"}[kind]
    response = client.post(url(path, tool.pk), {**contributor_data(), **fields})
    assert response.status_code == 302, response.content
    return ToolComment.objects.latest("pk"), response["Location"]


def mails_to(address=f"camille.rochat@{SECRET}"):
    return [message for message in mail.outbox if address in message.to]


def test_an_approved_comment_appears_on_the_sheet_with_its_chosen_name_only(
    client, tool, volunteers
):
    credited, _ = send(client, tool, "comment", message="La grille m'a aidée en comité.")
    anonymous, _ = send(
        client,
        tool,
        "comment",
        message="Très utile pour préparer un budget.",
        contributor_name="Dominique Secret",
        consent_to_credit="",
    )
    assert "La grille m'a aidée" not in text_of(parse(client.get(tool.url)))

    act(credited, volunteers["moderator"], "approve")
    act(anonymous, volunteers["moderator"], "approve")

    page = parse(client.get(tool.url))
    comments = texts(page, ".tool-comment")
    assert any("La grille m'a aidée en comité." in c and "Camille Rochat" in c for c in comments)
    assert any("Très utile pour préparer un budget." in c for c in comments)
    assert "Dominique Secret" not in text_of(page)
    assert SECRET not in client.get(tool.url).content.decode()


def test_an_approved_revision_becomes_a_draft_of_the_sheet_compared_for_the_reviewers(
    client, tool, volunteers
):
    live_summary = tool.summary
    comment, _ = send(
        client,
        tool,
        "revision",
        message="Le résumé oublie les alliances.",
        proposed_part="summary",
        proposed_text="Cartographier les ressources humaines, financières et les alliances.",
    )
    assert comment.page_revision is None

    act(comment, volunteers["moderator"], "approve")

    comment.refresh_from_db()
    tool.refresh_from_db()
    assert comment.page_revision is not None
    assert tool.summary == live_summary, "the live sheet waits for the reviewers"
    draft = tool.get_latest_revision()
    assert draft.pk == comment.page_revision_id
    assert "les alliances" in draft.content["summary"]
    assert tool.current_workflow_state is not None, "the draft goes to the sheet's reviewers"

    client.force_login(volunteers["reviewer"])
    comparison = client.get(compare_url(comment))
    assert comparison.status_code == 200
    assert "les alliances" in comparison.content.decode()
    [message] = mails_to()
    assert "brouillon" in message.body


def test_a_published_revision_shows_as_published_on_the_contributors_page(client, tool, volunteers):
    comment, _ = send(
        client,
        tool,
        "revision",
        message="Préciser l'effort.",
        proposed_part="effort",
        proposed_text="3 heures, 2 fois",
    )
    follow = url("follow", follow_token(comment))
    act(comment, volunteers["moderator"], "approve")
    assert "Acceptée" in text_of(parse(client.get(follow)))
    tool.refresh_from_db()
    act(tool, volunteers["reviewer"], "approve")
    act(tool, volunteers["moderator"], "approve")
    tool.refresh_from_db()
    assert tool.effort == "3 heures, 2 fois"
    assert "Publiée" in text_of(parse(client.get(follow)))


def test_the_revision_form_offers_the_current_wording_of_the_part_to_reword(client, tool):
    response = client.get(url("revision", tool.pk, query="?partie=summary"))
    assert response.status_code == 200
    assert parse(response).select_one("#id_proposed_text").text.strip() == tool.summary
    assert client.get(url("revision", tool.pk, query="?partie=title")).status_code == 400
    assert client.get(url("comment", tool.pk, query="?partie=summary")).status_code == 400


def test_a_new_wording_must_say_which_part_it_replaces_and_fit_it(client, tool):
    before = ToolComment.objects.count()
    response = client.post(
        url("revision", tool.pk),
        {**contributor_data(), "message": "Voici.", "proposed_text": "Un autre texte."},
    )
    assert response.status_code == 400
    too_long = client.post(
        url("revision", tool.pk),
        {
            **contributor_data(),
            "message": "Voici.",
            "proposed_part": "effort",
            "proposed_text": "x" * 256,
        },
    )
    assert too_long.status_code == 400
    assert "255" in text_of(parse(too_long))
    assert ToolComment.objects.count() == before


def test_an_accepted_translation_offer_makes_its_author_the_translator(client, tool, volunteers):
    german = Locale.objects.get(language_code="de")
    comment, _ = send(client, tool, "translation", target_locale=german.pk)
    assert not TranslationAssignment.objects.exists()

    act(comment, volunteers["moderator"], "approve")

    assignment = TranslationAssignment.objects.get()
    assert (str(assignment.source_id), assignment.locale) == (str(tool.translation_key), german)
    assert assignment.user is None and assignment.assignee == "Camille Rochat"
    [message] = mails_to()
    assert "traductrice ou le traducteur" in message.body


def test_a_translation_offer_from_a_member_is_assigned_to_their_account(client, tool, volunteers):
    member = TranslatorFactory(
        username="lea", language_code="it", email="lea.member@example.org", first_name="Léa"
    )
    italian = Locale.objects.get(language_code="it")
    comment, _ = send(
        client,
        tool,
        "translation",
        target_locale=italian.pk,
        contributor_name="Léa",
        contributor_email="LEA.member@example.org",
    )
    act(comment, volunteers["moderator"], "approve")
    assert TranslationAssignment.objects.get().user == member


def test_an_offer_for_a_task_already_taken_keeps_the_first_translator(client, tool, volunteers):
    german = Locale.objects.get(language_code="de")
    first, _ = send(client, tool, "translation", target_locale=german.pk)
    second, _ = send(
        client,
        tool,
        "translation",
        target_locale=german.pk,
        contributor_name="Autre",
        contributor_email=f"autre@{SECRET}",
    )
    act(first, volunteers["moderator"], "approve")
    act(second, volunteers["moderator"], "approve")
    assert TranslationAssignment.objects.get().assignee == "Camille Rochat"
    assert "traductrice ou le traducteur" not in mails_to(f"autre@{SECRET}")[0].body


def test_the_thank_you_page_gives_a_private_link_that_follows_the_contribution(
    client, tool, volunteers
):
    comment, thanks = send(client, tool, "comment", message="Bravo.")
    link = parse(client.get(thanks)).select_one("a.contribution-link")["href"]
    assert "camille" not in link.lower() and SECRET not in link
    assert link.endswith(url("follow", follow_token(comment)))
    page = parse(client.get(link))
    assert "Reçue" in text_of(page)

    act(comment, volunteers["moderator"], "reject", comment="Trop court pour être publié.")
    page = text_of(parse(client.get(link)))
    assert "Refusée" in page and "Trop court pour être publié." in page
    assert "Camille" not in page and SECRET not in page


def test_the_decision_mail_carries_the_private_link(client, tool, volunteers):
    comment, _ = send(client, tool, "comment", message="Merci pour l'outil.")
    act(comment, volunteers["moderator"], "approve")
    [message] = mails_to()
    assert url("follow", follow_token(comment)) in message.body


def test_a_forged_or_altered_link_finds_nothing(client, tool):
    comment = ToolCommentFactory(tool=tool, pending=True)
    token = follow_token(comment)
    assert client.get(url("follow", token[:-2] + "xx")).status_code == 404
    assert client.get(url("follow", "example:1")).status_code == 404
    thanks = client.get(url("thanks", query="?suivi=forged"))
    assert thanks.status_code == 200
    assert parse(thanks).select_one("a.contribution-link") is None


def test_a_proposal_is_followed_from_received_to_published(client, tool, volunteers):
    response = client.post(
        url("propose_tool"),
        {**contributor_data(), "title": "Carnet des alliances", "summary": "Noter les alliés."},
    )
    proposal = ToolProposal.objects.get(tool__title="Carnet des alliances")
    link = parse(client.get(response["Location"])).select_one("a.contribution-link")["href"]
    assert "Reçue" in text_of(parse(client.get(link)))
    page = act(proposal.tool, volunteers["reviewer"], "approve")
    assert "En relecture" in text_of(parse(client.get(link)))
    act(page, volunteers["moderator"], "approve")
    assert "Publiée" in text_of(parse(client.get(link)))


def board_items(client, language="fr", query=""):
    response = client.get(url("board", language=language, query=query))
    assert response.status_code == 200
    return response, texts(parse(response), ".contribution-board__item")


def test_the_board_shows_each_contributions_stage_and_nothing_personal(client, tool, volunteers):
    received = ToolCommentFactory(tool=tool, pending=True, message="Texte privé non relu.")
    in_review = UsageExampleFactory(tool=tool, pending=True)
    type(in_review).objects.filter(pk=in_review.pk).update(
        locked=True, locked_by=volunteers["moderator"]
    )
    accepted, _ = send(
        client, tool, "revision", message="Idée.", proposed_part="effort", proposed_text="1 h"
    )
    act(accepted, volunteers["moderator"], "approve")
    UsageExampleFactory(tool=tool, title="Exemple en ligne")
    declined = ToolCommentFactory(tool=tool, pending=True, message="Hors sujet.")
    act(declined, volunteers["moderator"], "reject", comment="Hors sujet.")
    ToolProposalFactory(title="Titre proposé non relu")

    response, items = board_items(client)
    # The newest five are this test's (the demo site has older contributions).
    items = items[:5]
    body = response.content.decode()
    for private in (SECRET, "Camille", "Texte privé non relu.", "Titre proposé non relu", "Idée."):
        assert private not in body
    stages = [item.rsplit("·", 1)[-1].strip() for item in items]
    assert sorted(stages) == sorted(["Reçue", "En relecture", "Acceptée", "Publiée", "Reçue"])
    assert received.tool_id == tool.pk
    assert sum(tool.title in item for item in items) == 4
    assert any("Outil pas encore publié" in item for item in items)


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_the_board_speaks_the_visitors_language(client, tool, language):
    ToolCommentFactory(tool=tool, pending=True)
    response, items = board_items(client, language)
    assert parse(response).html["lang"] == language
    with translation.override(language):
        assert str(response.context["rows"][0].stage_label) in items[0]


def test_the_board_is_paginated_and_refuses_bad_page_numbers(client, tool):
    for _ in range(BOARD_PAGE_SIZE + 1):
        ToolCommentFactory(tool=tool, pending=True)
    response, first = board_items(client)
    total = response.context["board_page"].paginator.count
    last = (total - 1) // BOARD_PAGE_SIZE + 1
    _, last_items = board_items(client, query=f"?page={last}")
    assert len(first) == BOARD_PAGE_SIZE and last >= 2
    assert len(last_items) == total - BOARD_PAGE_SIZE * (last - 1)
    assert client.get(url("board", query="?page=abc")).status_code == 400
    assert client.get(url("board", query="?page=0")).status_code == 400
    assert client.get(url("board", query=f"?page={last + 1}")).status_code == 404


def test_the_board_answers_with_a_fixed_number_of_queries(client, tool, volunteers):
    def add_content():
        UsageExampleFactory(tool=tool)
        ToolCommentFactory(tool=tool, pending=True)
        offer = ToolCommentFactory(
            tool=tool, kind=CommentKind.TRANSLATION, target_locale=Locale.objects.last()
        )
        assert offer.live
        ToolProposalFactory()

    add_content()
    assert_query_count_does_not_grow(client, url("board"), add_content, budget=20)


def test_the_follow_page_answers_with_a_fixed_number_of_queries(client, tool):
    comment = ToolCommentFactory(tool=tool, pending=True)
    assert_query_count_does_not_grow(
        client,
        url("follow", follow_token(comment)),
        lambda: ToolCommentFactory(tool=tool, pending=True),
        budget=20,
    )


def test_the_sheet_with_comments_answers_with_a_fixed_number_of_queries(client, tool):
    ToolCommentFactory(tool=tool)
    assert_query_count_does_not_grow(client, tool.url, lambda: ToolCommentFactory(tool=tool))


def test_a_published_proposal_appears_on_the_board_by_its_title(client, tool, volunteers):
    proposal = ToolProposalFactory(title="Boussole des alliés")
    page = ToolPage.objects.get(pk=proposal.tool_id)
    act(page, volunteers["reviewer"], "approve")
    act(page, volunteers["moderator"], "approve")
    _, items = board_items(client)
    assert any("Boussole des alliés" in item and "Publiée" in item for item in items)
