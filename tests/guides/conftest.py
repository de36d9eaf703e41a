"""Helpers to arrange guides, training modules and shared models on top of the demo site."""

import itertools
from decimal import Decimal

import pytest
from django.core.cache import cache
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from guides.models import (
    BusinessModelIndexPage,
    BusinessModelPage,
    GuideIndexPage,
    GuidePage,
    GuideStep,
    ImpactMeasure,
    Region,
    Sector,
    TrainingIndexPage,
    TrainingModulePage,
)
from tools.models import ToolIndexPage, ToolPage

_numbers = itertools.count(1)


def _publish(parent, page):
    parent.add_child(instance=page)
    create_aliases_for_new_page(page)  # as the admin does
    page.save_revision().publish()
    return page


def make_tool(*, title=None, effort_hours=None, **fields):
    number = next(_numbers)
    index = ToolIndexPage.objects.get(locale=Locale.get_default())
    page = ToolPage(
        title=title or f"Outil essai {number}",
        slug=f"outil-essai-{number}",
        sheet_number=f"T{number:03d}",
        summary=f"Résumé de l'outil d'essai {number}.",
        effort_hours=Decimal(effort_hours) if effort_hours is not None else None,
        locale=index.locale,
        **fields,
    )
    return _publish(index, page)


def make_guide(index, tools, *, audiences=(), phases=(), publish=True, **fields):
    number = next(_numbers)
    values = {
        "title": f"Guide essai {number}",
        "slug": f"guide-essai-{number}",
        "intro": "Un parcours d'essai.",
        **fields,
    }
    guide = GuidePage(locale=index.locale, **values)
    guide.audiences = list(audiences)
    guide.phases = list(phases)
    guide.steps = [
        GuideStep(
            tool=tool,
            commentary=f"<p>Commentaire de l'étape {position + 1}.</p>",
            expected_output=f"Résultat de l'étape {position + 1}.",
            sort_order=position,
            locale=index.locale,
        )
        for position, tool in enumerate(tools)
    ]
    if not publish:
        guide.live = False
        index.add_child(instance=guide)
        return guide
    return _publish(index, guide)


def make_module(index, *, tools=(), **fields):
    number = next(_numbers)
    values = {
        "title": f"Module essai {number}",
        "slug": f"module-essai-{number}",
        "learning_objectives": "<ul><li>Comprendre le canevas.</li></ul>",
        "duration": "Une demi-journée",
        **fields,
    }
    module = TrainingModulePage(locale=index.locale, **values)
    module.tools = list(tools)
    return _publish(index, module)


CANVAS = {
    "values": "La dignité avant tout.",
    "situation": "Un village de la Broye.",
    "problem": "Pas de lieu de rencontre.",
    "beneficiaries": "Les aînés et les familles.",
    "channels": "Le journal communal.",
    "offer": "Un café associatif.",
    "resources": "Des bénévoles et une subvention communale.",
    "success_measures": "Nombre de visites par semaine.",
    "partners": "La commune et la paroisse.",
}


def make_model(index, *, levers=(), tools=(), measures=(), **fields):
    number = next(_numbers)
    values = {
        "title": f"Modèle essai {number}",
        "slug": f"modele-essai-{number}",
        "organisation": f"Association essai {number}",
        "country": "Suisse",
        "region": Region.ROMANDIE,
        "sector": Sector.CULTURE,
        "year": 2020,
        **CANVAS,
        **fields,
    }
    model = BusinessModelPage(locale=index.locale, **values)
    model.levers = list(levers)
    model.tools = list(tools)
    model.impact_measures = [
        ImpactMeasure(indicator=indicator, value=value, sort_order=order, locale=index.locale)
        for order, (indicator, value) in enumerate(measures)
    ]
    return _publish(index, model)


@pytest.fixture
def guide_index(db):
    return GuideIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def training_index(db):
    return TrainingIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def model_index(db):
    return BusinessModelIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()
