"""Training modules: what participants learn, what trainers need, and where sessions appear."""

import pytest
from wagtail import hooks

from core.sections import Section, section_hook
from guides.models import TrainingModulePage
from tests.factories import (
    ToolPageFactory,
    TrainerFactory,
    TrainingMaterialFactory,
    TrainingModulePageFactory,
)
from tests.html import one, parse, texts
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db


def test_a_module_shows_objectives_duration_prerequisites_and_tools(client, training_index):
    tool = ToolPageFactory(title="Canevas à neuf blocs")
    module = TrainingModulePageFactory(
        parent=training_index,
        tools=[tool],
        duration="Deux demi-journées",
        prerequisites="<p>Avoir lu la fiche du canevas.</p>",
    )
    article = one(parse(client.get(module.url)), "article.training-module")
    assert "Comprendre le canevas." in texts(article, ":scope > ul > li")
    assert "Deux demi-journées" in texts(one(article, "dl.guide-facts"), "dd")
    assert "Avoir lu la fiche du canevas." in texts(article, ":scope > p")
    assert tool.url in [link["href"] for link in article.select("ul.training-tools > li > a")]


def test_trainers_get_their_own_section_with_their_materials(client, training_index):
    module = TrainingModulePageFactory(
        parent=training_index,
        for_trainers=True,
        facilitation_notes="<p>Laissez parler les groupes.</p>",
        timing="<p>9 h : accueil.</p>",
        preparation="<p>Imprimer les affiches.</p>",
    )
    TrainingMaterialFactory(page=module, title="Support participants")
    TrainingMaterialFactory(page=module, title="Grille pour animateurs", for_trainers_only=True)

    client.force_login(TrainerFactory())
    soup = parse(client.get(module.url))
    trainer_section = one(soup, "article.training-module section.trainer-section")
    one(trainer_section, ":scope > h2#trainer-section-title")
    for text in ("Laissez parler les groupes.", "9 h : accueil.", "Imprimer les affiches."):
        assert text in texts(trainer_section, ":scope > p")
    assert "Grille pour animateurs" in texts(trainer_section, "ul.training-materials a")
    trainer_section.decompose()
    # What is left is the public page.
    assert "Grille pour animateurs" not in str(soup)
    assert "Support participants" in texts(soup, "article ul.training-materials a")


def test_a_module_without_trainer_notes_has_no_trainer_section(client, training_index):
    module = TrainingModulePageFactory(parent=training_index)
    soup = parse(client.get(module.url))
    assert not soup.select("#trainer-section-title, .trainer-section")


def test_upcoming_sessions_come_from_the_training_module_section_target(client, training_index):
    module = TrainingModulePageFactory(parent=training_index)
    calls = []

    def sessions(page, request):
        calls.append(page.pk)
        return {"guides": []}

    section = Section("test_sessions", "guides/includes/tool_guides.html", sessions)
    with hooks.register_temporarily(section_hook("training_module"), lambda: section):
        html = client.get(module.url).content.decode()
    assert calls == [module.pk]
    one(parse(html), "article.training-module section.tool-guides > h2#tool-guides-title")


def test_the_index_lists_live_modules(client, training_index):
    module = TrainingModulePageFactory(parent=training_index)
    listed = texts(parse(client.get(training_index.url)), "ul.training-list > li.card > h3 > a")
    assert module.title in listed


def test_the_module_page_query_count_does_not_grow_with_tools_and_materials(client, training_index):
    module = TrainingModulePageFactory(parent=training_index, tools=[ToolPageFactory()])

    def add_content():
        page = TrainingModulePage.objects.get(pk=module.pk)
        page.tools.add(ToolPageFactory(), ToolPageFactory())
        page.save()
        TrainingMaterialFactory(page=page, title=f"Support {page.tools.count()}")
        TrainingMaterialFactory(
            page=page, title=f"Grille {page.tools.count()}", for_trainers_only=True
        )

    assert_query_count_does_not_grow(client, module.url, add_content, budget=12)


def test_the_training_index_query_count_does_not_grow_with_modules(client, training_index):
    def add_modules():
        TrainingModulePageFactory(parent=training_index)
        TrainingModulePageFactory(parent=training_index)

    assert_query_count_does_not_grow(client, training_index.url, add_modules, budget=12)
