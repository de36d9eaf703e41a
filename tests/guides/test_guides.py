"""Guides ("fils rouges"): ordered steps through tool sheets, filters, PDF, tool-sheet section."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader
from wagtail.models import Locale

from guides.models import GuidePage, total_effort_hours
from taxonomy.models import Audience, Phase
from tests.factories import GuidePageFactory, GuideStepFactory, ToolPageFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db


def _term(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def _listed(response):
    """The titles of the guides listed on the index page, in order."""
    return texts(parse(response), "ul.guides-list > li.card > h3 > a[href]")


def _steps(response):
    return parse(response).select("article.guide ol.guide-steps > li.guide-step")


def test_a_guide_shows_its_steps_in_order_with_commentary_and_output(client, guide_index):
    first, second, third = (
        ToolPageFactory(title="Arbre à problèmes"),
        ToolPageFactory(),
        ToolPageFactory(),
    )
    guide = GuidePageFactory(parent=guide_index, step_tools=[third, first, second])

    steps = _steps(client.get(guide.url))

    links = [one(step, ":scope > h3 > a") for step in steps]
    assert [text_of(link) for link in links] == [
        f"{tool.sheet_number} · {tool.title}" for tool in (third, first, second)
    ]
    assert "Commentaire de l'étape 2." in texts(steps[1], ":scope > p")
    assert "Résultat de l'étape 3." in texts(steps[2], ":scope > p")
    assert links[1]["href"] == first.url


def test_total_effort_is_the_sum_of_the_tools_hours(client, guide_index):
    tools = [
        ToolPageFactory(effort_hours=Decimal("2.5")),
        ToolPageFactory(effort_hours=Decimal("4")),
        ToolPageFactory(),
    ]
    guide = GuidePageFactory(parent=guide_index, step_tools=tools)

    assert total_effort_hours(tools) == Decimal("6.5")
    facts = texts(one(parse(client.get(guide.url)), "article.guide dl.guide-facts"), "dd")
    assert any("6.5" in fact or "6,5" in fact for fact in facts)


def test_a_guide_made_with_a_partner_names_it(client, guide_index):
    guide = GuidePageFactory(
        parent=guide_index,
        step_tools=[ToolPageFactory()],
        partner_name="Fondation des Trois Lacs",
        partner_url="https://trois-lacs.example.org",
    )
    partner = one(one(parse(client.get(guide.url)), "article.guide p.guide-partner"), "a")
    assert text_of(partner) == "Fondation des Trois Lacs"
    assert partner["href"] == "https://trois-lacs.example.org"


def test_the_index_filters_by_audience_and_phase_slugs(client, guide_index):
    funders, schools = _term(Audience, "funders"), _term(Audience, "students")
    launch = _term(Phase, "launch")
    for_funders = GuidePageFactory(
        parent=guide_index, step_tools=[ToolPageFactory()], audiences=[funders], phases=[launch]
    )
    for_students = GuidePageFactory(
        parent=guide_index, step_tools=[ToolPageFactory()], audiences=[schools], phases=[launch]
    )

    response = client.get(guide_index.url, {"audience": "funders", "phase": "launch"})
    assert for_funders.title in _listed(response)
    assert for_students.title not in response.content.decode()

    listed = _listed(client.get(guide_index.url, {"phase": "launch"}))
    assert for_funders.title in listed and for_students.title in listed


def test_an_unknown_filter_value_shows_every_guide(client, guide_index):
    guide = GuidePageFactory(parent=guide_index, step_tools=[ToolPageFactory()])
    assert guide.title in _listed(client.get(guide_index.url, {"audience": "martians"}))


def test_the_filter_form_works_without_javascript(client, guide_index):
    form = one(parse(client.get(guide_index.url)), 'form.guides-filters[method="get"]')
    one(form, 'select[name="audience"]')
    one(form, 'select[name="phase"]')
    one(form, 'select[name="audience"] > option[value="funders"]')
    one(form, 'button[type="submit"]')


def test_an_unpublished_guide_is_not_listed(client, guide_index):
    draft = GuidePageFactory(
        parent=guide_index,
        step_tools=[ToolPageFactory()],
        publish=False,
        revision=False,
        aliases=False,
    )
    assert draft.title not in client.get(guide_index.url).content.decode()


def test_a_tool_sheet_lists_the_guides_it_belongs_to(client, guide_index):
    tool = ToolPageFactory()
    guide = GuidePageFactory(parent=guide_index, step_tools=[ToolPageFactory(), tool])
    other = GuidePageFactory(parent=guide_index, step_tools=[ToolPageFactory()])

    response = client.get(tool.url)
    assert guide.title in texts(parse(response), "section.tool-guides li > a")
    assert other.title not in response.content.decode()


def test_a_translated_guide_links_to_the_tool_sheets_in_its_language(client, guide_index):
    tool = ToolPageFactory()
    guide = GuidePageFactory(parent=guide_index, step_tools=[tool])
    german_guide = GuidePage.objects.get(
        translation_key=guide.translation_key, locale__language_code="de"
    )
    steps = _steps(client.get(german_guide.url))
    assert german_guide.url.startswith("/de/")
    german_tool_url = tool.get_translation(Locale.objects.get(language_code="de")).url
    assert [one(step, ":scope > h3 > a")["href"] for step in steps] == [german_tool_url]


def test_the_guide_pdf_contains_every_step_tool_in_order(client, guide_index):
    tools = [
        ToolPageFactory(title=f"Outil numéro {name}") for name in ("Alpha", "Bravo", "Charlie")
    ]
    guide = GuidePageFactory(
        parent=guide_index, step_tools=list(reversed(tools)), introduction="<p>Bienvenue.</p>"
    )

    response = client.get(f"{guide.url}pdf/")

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    positions = [
        text.index(f"Outil numéro {name}", text.index("Bienvenue"))
        for name in ("Charlie", "Bravo", "Alpha")
    ]
    assert positions == sorted(positions)
    # the introduction, then one sheet per step, each starting on its own page
    assert len(reader.pages) >= 1 + len(tools)


def test_the_guide_page_query_count_does_not_grow_with_steps(client, guide_index):
    guide = GuidePageFactory(
        parent=guide_index, step_tools=[ToolPageFactory(effort_hours=Decimal("1"))]
    )

    def add_steps():
        page = GuidePage.objects.get(pk=guide.pk)
        for _ in range(3):
            GuideStepFactory(guide=page, tool=ToolPageFactory(effort_hours=Decimal("2")))

    assert_query_count_does_not_grow(client, guide.url, add_steps, budget=12)


def test_the_guide_index_query_count_does_not_grow_with_guides(client, guide_index):
    funders = _term(Audience, "funders")

    def add_guides():
        for _ in range(2):
            GuidePageFactory(
                parent=guide_index,
                step_tools=[ToolPageFactory(), ToolPageFactory()],
                audiences=[funders],
            )

    assert_query_count_does_not_grow(client, guide_index.url, add_guides, budget=12)


def test_deleting_a_tool_sheet_removes_its_step_and_keeps_the_guide(client, guide_index):
    kept, removed = ToolPageFactory(title="Outil conservé"), ToolPageFactory(title="Outil supprimé")
    guide = GuidePageFactory(parent=guide_index, step_tools=[kept, removed])

    removed.delete()

    response = client.get(guide.url)
    assert response.status_code == 200
    steps = _steps(response)
    assert [text_of(one(step, ":scope > h3 > a")) for step in steps] == [
        f"{kept.sheet_number} · Outil conservé"
    ]
    assert "Outil supprimé" not in response.content.decode()
