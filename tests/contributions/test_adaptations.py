"""Proposing an adaptation of a tool or a shared model: a draft linked to its source, in review,
and the lineage shown on both pages once it is published."""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from contributions.models import ModelAdaptationProposal, ToolProposal
from guides.models import BusinessModelPage, Region, Sector
from tests.factories import BusinessModelPageFactory, ModeratorFactory, ToolPageFactory
from tests.html import one, parse, text_of, texts
from tools.models import ToolPage, ToolStatus

pytestmark = pytest.mark.django_db


def url(name, page, language="fr"):
    with translation.override(language):
        return reverse(f"contributions:{name}", kwargs={"page_id": page.pk})


def adaptation_data(**overrides):
    return {
        "title": "Canevas pour les écoles",
        "changed": ["changed_audience", "changed_country"],
        "adaptation_note": "Des questions reformulées pour des élèves de 15 ans en France.",
        "contributor_name": "Inès Favre",
        "contributor_email": "ines@secret.example.net",
        **overrides,
    }


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_the_tool_sheet_links_to_the_adaptation_form_in_every_language(client, tool, language):
    page = ToolPage.objects.get(
        translation_key=tool.translation_key, locale__language_code=language
    )
    response = client.get(page.url)
    assert url("adapt_tool", page, language) in {a["href"] for a in parse(response).select("a")}
    form = client.get(url("adapt_tool", page, language))
    assert form.status_code == 200
    assert len(parse(form).select('input[name="changed"][type="checkbox"]')) == 4


def test_an_adapted_tool_is_a_draft_proposal_linked_to_its_source(client, tool):
    response = client.post(url("adapt_tool", tool), adaptation_data())
    assert response.status_code == 302
    proposal = ToolProposal.objects.select_related("tool").get(
        tool__title="Canevas pour les écoles"
    )
    adaptation = proposal.tool
    assert adaptation.live is False
    assert adaptation.status == ToolStatus.PROPOSAL
    assert adaptation.adapted_from_id == tool.pk
    assert adaptation.changed_audience and adaptation.changed_country
    assert not adaptation.changed_sector and not adaptation.changed_language
    assert adaptation.adaptation_note.startswith("Des questions reformulées")
    assert adaptation.summary == tool.summary
    assert adaptation.licence == tool.licence
    assert adaptation.current_workflow_state.workflow.name == "Relecture en co-création"
    assert proposal.contributor_name == "Inès Favre"


def test_an_adaptation_sent_from_a_translated_sheet_adapts_the_source_sheet(client, tool):
    german = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="de")
    client.post(url("adapt_tool", german, "de"), adaptation_data())
    proposal = ToolProposal.objects.select_related("tool", "locale").get(
        tool__title="Canevas pour les écoles"
    )
    assert proposal.tool.adapted_from_id == tool.pk
    assert proposal.tool.locale == Locale.get_default()
    assert proposal.locale.language_code == "de"


def test_an_adaptation_must_say_what_changed(client, tool):
    response = client.post(url("adapt_tool", tool), adaptation_data(changed=[]))
    assert response.status_code == 400
    assert not ToolPage.objects.filter(title="Canevas pour les écoles").exists()
    field = one(parse(response), 'div.form-field:has([name="changed"])')
    assert texts(field, "ul.errorlist > li")


def test_an_unknown_aspect_is_refused(client, tool):
    response = client.post(url("adapt_tool", tool), adaptation_data(changed=["changed_colour"]))
    assert response.status_code == 400


def test_a_draft_tool_cannot_be_adapted(client):
    draft = ToolPageFactory(publish=False, aliases=False)
    assert client.get(url("adapt_tool", draft), follow=True).status_code == 404


def send_model_adaptation(client, source, language="fr"):
    """The adaptation form sent; the response (a redirect to the thank-you page)."""
    data = adaptation_data(
        title="Le café du quartier",
        changed=["changed_sector"],
        organisation="Association Quartier Vivant",
        country="France",
        region=Region.FRANCE,
        sector=Sector.SOCIAL_ACTION,
        year="2025",
    )
    response = client.post(url("adapt_model", source, language), data)
    assert response.status_code == 302
    return response


def propose_model_adaptation(client, source, language="fr"):
    send_model_adaptation(client, source, language)
    return BusinessModelPage.objects.get(title="Le café du quartier")


def test_a_shared_model_adaptation_is_a_draft_with_the_canvas_to_rework(client):
    source = BusinessModelPageFactory(attribution="Café du village")
    page = client.get(source.url)
    assert url("adapt_model", source) in {a["href"] for a in parse(page).select("a")}
    adaptation = propose_model_adaptation(client, source)
    assert adaptation.live is False
    assert adaptation.adapted_from_id == source.pk
    assert adaptation.changed_sector and not adaptation.changed_audience
    assert adaptation.values == source.values
    assert adaptation.organisation == "Association Quartier Vivant"
    assert adaptation.attribution == "Café du village"
    assert adaptation.get_parent().pk == source.get_parent().pk
    proposal = ModelAdaptationProposal.objects.get(business_model=adaptation)
    assert proposal.contributor_name == "Inès Favre"


def test_a_published_tool_adaptation_shows_its_lineage_on_both_sheets(client, tool):
    adaptation = ToolPageFactory(
        title="Canevas pour les écoles",
        adapted_from=tool,
        changed_audience=True,
        adaptation_note="Pour des élèves.",
    )
    source_page = parse(client.get(tool.url))
    listed = text_of(one(source_page, "section[aria-labelledby=tool-adaptations]"))
    assert "Canevas pour les écoles" in listed
    assert "pour un autre public" in listed
    adapted_page = parse(client.get(adaptation.url))
    origin = one(adapted_page, "p.tool-sheet__origin")
    assert one(origin, "a")["href"] == tool.url
    assert "Pour des élèves." in text_of(origin)


def mails_to_the_contributor():
    return [message for message in mail.outbox if "ines@secret.example.net" in message.to]


def test_the_person_who_proposed_a_model_adaptation_hears_that_it_is_published(client):
    adaptation = propose_model_adaptation(client, BusinessModelPageFactory())
    moderator = ModeratorFactory()
    while adaptation.current_workflow_task_state is not None:
        adaptation.current_workflow_task_state.specific.approve(user=moderator, comment="")
        adaptation.refresh_from_db()
    assert adaptation.live
    [message] = mails_to_the_contributor()
    assert message.subject == "Votre adaptation a été acceptée"
    assert "Inès Favre" in message.body
    assert "«\u00a0Le café du quartier\u00a0»" in message.body
    assert "modèles partagés" in message.body
    follow_link = next(word for word in message.body.split() if "/suivi/" in word)
    follow = client.get(urlsplit(follow_link).path)
    assert "Publiée" in text_of(one(parse(follow), "dl.contribution-follow"))


def test_a_proposed_model_adaptation_is_on_the_board_without_its_text(client):
    response = send_model_adaptation(client, BusinessModelPageFactory())
    # The thank-you page gives the contributor their private follow-up link.
    thanks = client.get(response["Location"])
    follow_link = one(parse(thanks), "a.contribution-link")["href"]
    follow = client.get(urlsplit(follow_link).path)
    details = text_of(one(parse(follow), "dl.contribution-follow"))
    assert "Modèle partagé" in details and "Reçue" in details

    with translation.override("fr"):
        board = client.get(reverse("contributions:board"))
    items = texts(parse(board), ".contribution-board__item")
    assert "Adaptation d’un modèle partagé" in items[0]
    assert "Modèle partagé pas encore publié" in items[0]
    body = board.content.decode()
    for private in ("Le café du quartier", "Inès Favre", "ines@secret", "Quartier Vivant"):
        assert private not in body


def test_the_person_who_proposed_a_model_adaptation_hears_why_it_was_declined(client):
    adaptation = propose_model_adaptation(client, BusinessModelPageFactory(), "de")
    adaptation.current_workflow_task_state.specific.reject(
        user=ModeratorFactory(), comment="Le canevas reste trop proche de l'original."
    )
    [message] = mails_to_the_contributor()
    assert "Le canevas reste trop proche de l'original." in message.body
    assert "Le café du quartier" in message.body
    assert "Hello" not in message.body  # written in German, the language of the form
