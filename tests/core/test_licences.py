"""Licences and attribution on every work of others: one chooser that explains each licence,
shown on the page, in the PDF and in the API or open data."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from core.licences import LICENCE_EXPLANATIONS, Licence
from events.models import EventDocument
from guides.models import TrainingMaterial
from tests.factories import (
    BusinessModelPageFactory,
    DocumentFactory,
    EditorFactory,
    EventPageFactory,
    GuidePageFactory,
    ToolPageFactory,
    TrainingModulePageFactory,
)
from tests.html import one, parse, text_of

pytestmark = pytest.mark.django_db


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_licence_chooser_explains_each_licence_in_plain_french(client):
    tool = ToolPageFactory()
    client.force_login(EditorFactory())
    soup = parse(client.get(f"/admin/pages/{tool.pk}/edit/"))
    choices = soup.select('input[type="radio"][name="licence"]')
    assert {choice["value"] for choice in choices} == set(Licence.values)
    explanations = {
        choice["value"]: text_of(one(soup, f"#{choice['aria-describedby']}")) for choice in choices
    }
    assert len(set(explanations.values())) == len(LICENCE_EXPLANATIONS)
    assert explanations[Licence.CC_BY_SA_4].startswith("Le choix habituel de l'association.")
    assert "sans même les citer" in explanations[Licence.CC0]


def test_a_guide_shows_its_licence_and_authors_on_the_page_and_in_its_pdf(client):
    guide = GuidePageFactory(
        attribution="Social Business Models et la FRC", licence=Licence.CC_BY_4
    )
    credits = one(parse(client.get(guide.url)), "footer.guide-credits p.guide-licence")
    assert "Social Business Models et la FRC" in text_of(credits)
    link = one(credits, "a[rel=license]")
    assert link["href"] == "https://creativecommons.org/licenses/by/4.0/"
    text = pdf_text(client.get(f"{guide.url}pdf/").content)
    assert "Social Business Models et la FRC" in text
    assert "Creative Commons BY 4.0" in text


def test_existing_guides_and_materials_keep_the_associations_usual_licence():
    guide = GuidePageFactory()
    assert guide.licence == Licence.CC_BY_SA_4
    material = TrainingMaterial(title="Support")
    assert material.licence == Licence.CC_BY_SA_4


def test_training_materials_show_their_licence_and_credit(client):
    module = TrainingModulePageFactory(publish=False, aliases=False)
    module.materials.add(
        TrainingMaterial(
            title="Diaporama du module",
            document=DocumentFactory(title="Diaporama"),
            locale=module.locale,
            licence=Licence.CC_BY_NC_SA_4,
            attribution="Anne Dupuis",
        )
    )
    module.save_revision().publish()
    item = one(parse(client.get(module.url)), "ul.training-materials li")
    assert "Anne Dupuis" in text_of(item)
    assert one(item, "a[rel=license]")["href"].endswith("/by-nc-sa/4.0/")


def test_event_slides_and_replay_default_to_all_rights_reserved_and_show_it(client):
    event = EventPageFactory(
        publish=False,
        aliases=False,
        start=timezone.now() - timedelta(days=7),
        replay_url="https://peertube.example.org/w/abc",
    )
    assert event.replay_licence == Licence.ALL_RIGHTS_RESERVED
    event.replay_attribution = "Léa Rossier"
    event.documents.add(
        EventDocument(
            document=DocumentFactory(title="Diapositives"),
            label="Diapositives de Léa",
            attribution="Léa Rossier",
            locale=event.locale,
        )
    )
    event.save_revision().publish()
    assert event.documents.get().licence == Licence.ALL_RIGHTS_RESERVED
    soup = parse(client.get(event.url))
    replay = text_of(one(soup, "p.event__replay-licence"))
    assert "Léa Rossier" in replay and "Tous droits réservés" in replay
    slides = [text_of(item) for item in soup.select("li") if "Diapositives de Léa" in text_of(item)]
    assert slides and "Tous droits réservés" in slides[0] and "Léa Rossier" in slides[0]

    api = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert api["replay_licence"] == Licence.ALL_RIGHTS_RESERVED
    assert api["replay_attribution"] == "Léa Rossier"
    assert api["documents"][0]["licence"] == Licence.ALL_RIGHTS_RESERVED
    assert api["documents"][0]["attribution"] == "Léa Rossier"


def test_a_shared_model_credits_its_authors_on_the_page_in_its_pdf_json_and_api(client):
    model = BusinessModelPageFactory(attribution="Épicerie du Bourg et ses bénévoles")
    licence = text_of(one(parse(client.get(model.url)), "p.business-model__licence"))
    assert "Épicerie du Bourg et ses bénévoles" in licence
    assert "Épicerie du Bourg et ses bénévoles" in pdf_text(client.get(f"{model.url}pdf/").content)
    data = client.get(f"{model.url}json/").json()
    assert data["licence"]["attribution"] == "Épicerie du Bourg et ses bénévoles"
    api = client.get(f"/api/v2/pages/{model.pk}/").json()
    assert api["attribution"] == "Épicerie du Bourg et ses bénévoles"
    assert api["licence"] == Licence.CC_BY_SA_4


def test_a_guide_exposes_its_licence_in_the_api(client):
    guide = GuidePageFactory(attribution="L'équipe des guides")
    api = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert api["licence"] == Licence.CC_BY_SA_4
    assert api["attribution"] == "L'équipe des guides"
