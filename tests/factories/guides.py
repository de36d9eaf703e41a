"""Guides ("fils rouges"), training modules and paths, shared business models, with their
indexes."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Collection

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
    TrainingMaterial,
    TrainingModulePage,
    TrainingPathPage,
    TrainingPathStep,
)
from guides.roles import TRAINER_COLLECTION
from taxonomy.models import Audience, Lever, Phase

from .media import DocumentFactory
from .pages import PageFactory, demo_page, terms
from .tools import ToolPageFactory


def demo_guide_index():
    return demo_page(GuideIndexPage, "fils-rouges", title="Fils rouges et guides")


def demo_training_index():
    return demo_page(TrainingIndexPage, "formations", title="Formations")


def demo_model_index():
    return demo_page(BusinessModelIndexPage, "modeles-partages", title="Modèles partagés")


class GuideIndexPageFactory(PageFactory):
    """An index of guides; the demo site has one per language ("fils-rouges")."""

    class Meta:
        model = GuideIndexPage

    title = factory.LazyAttribute(lambda page: f"Fils rouges essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"fils-rouges-essai-{page.number}")


def _steps(guide):
    return [
        GuideStep(
            tool=tool,
            commentary=f"<p>Commentaire de l'étape {position + 1}.</p>",
            expected_output=f"Résultat de l'étape {position + 1}.",
            sort_order=position,
            locale=guide.locale,
        )
        for position, tool in enumerate(guide.step_tools)
    ]


class GuidePageFactory(PageFactory):
    """A guide in the demo index of the default language, published and aliased.

    `step_tools` (a parameter) are the tool sheets of its steps, in order, each with a
    commentary ("Commentaire de l'étape 1.") and an expected output ("Résultat de l'étape 1.");
    by default one new tool sheet. `audience_slugs` and `phase_slugs` choose terms by slug.
    """

    class Meta:
        model = GuidePage

    class Params:
        step_tools = factory.List([factory.SubFactory(ToolPageFactory)])
        audience_slugs = ()
        phase_slugs = ()

    parent = factory.LazyFunction(demo_guide_index)
    title = factory.LazyAttribute(lambda page: f"Guide essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"guide-essai-{page.number}")
    intro = "Un parcours d'essai."
    audiences = terms(Audience, "audience_slugs")
    phases = terms(Phase, "phase_slugs")
    steps = factory.LazyAttribute(_steps)


class GuideStepFactory(DjangoModelFactory):
    """One more step of a guide, through a new tool sheet."""

    class Meta:
        model = GuideStep

    guide = factory.SubFactory(GuidePageFactory)
    tool = factory.SubFactory(ToolPageFactory)
    locale = factory.SelfAttribute("guide.locale")
    commentary = "<p>Une étape ajoutée.</p>"
    expected_output = "Un résultat."
    sort_order = 10


class TrainingIndexPageFactory(PageFactory):
    """An index of training modules; the demo site has one per language ("formations")."""

    class Meta:
        model = TrainingIndexPage

    title = factory.LazyAttribute(lambda page: f"Formations essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"formations-essai-{page.number}")


class TrainingModulePageFactory(PageFactory):
    """A training module in the demo index of the default language, published and aliased."""

    class Meta:
        model = TrainingModulePage

    parent = factory.LazyFunction(demo_training_index)
    title = factory.LazyAttribute(lambda page: f"Module essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"module-essai-{page.number}")
    learning_objectives = "<ul><li>Comprendre le canevas.</li></ul>"
    duration = "Une demi-journée"


def _material_collection(material):
    """Trainers' documents lie in the collection only trainers may open, as the admin requires."""
    if material.for_trainers_only:
        return Collection.objects.get(name=TRAINER_COLLECTION)
    return Collection.get_first_root_node()


class TrainingMaterialFactory(DjangoModelFactory):
    """A document of a training module (for participants unless `for_trainers_only`, whose
    document is then in the trainers' collection)."""

    class Meta:
        model = TrainingMaterial

    page = factory.SubFactory(TrainingModulePageFactory)
    locale = factory.SelfAttribute("page.locale")
    title = factory.Sequence(lambda n: f"Support {n}")
    for_trainers_only = False
    document = factory.SubFactory(
        DocumentFactory,
        title=factory.SelfAttribute("..title"),
        collection=factory.LazyAttribute(
            lambda document: _material_collection(document.factory_parent)
        ),
    )


def _path_steps(training_path):
    return [
        TrainingPathStep(
            module=module,
            prerequisites=f"Avant l'étape {position + 1}." if position else "",
            outcomes=f"Après l'étape {position + 1}, savoir animer.",
            sort_order=position,
            locale=training_path.locale,
        )
        for position, module in enumerate(training_path.step_modules)
    ]


class TrainingPathPageFactory(PageFactory):
    """A training path in the demo index of the default language, published and aliased.

    `step_modules` (a parameter) are the training modules of its steps, in order (by default
    one new module); step N says what it asks ("Avant l'étape N.", none for the first) and
    gives ("Après l'étape N, savoir animer.").
    """

    class Meta:
        model = TrainingPathPage

    class Params:
        step_modules = factory.List([factory.SubFactory(TrainingModulePageFactory)])

    parent = factory.LazyFunction(demo_training_index)
    title = factory.LazyAttribute(lambda page: f"Parcours essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"parcours-essai-{page.number}")
    intro = "Un parcours de formation essai."
    steps = factory.LazyAttribute(_path_steps)


class BusinessModelIndexPageFactory(PageFactory):
    """An index of shared models; the demo site has one per language ("modeles-partages")."""

    class Meta:
        model = BusinessModelIndexPage

    title = factory.LazyAttribute(lambda page: f"Modèles essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"modeles-essai-{page.number}")


# The nine blocks of the canvas of every model the factory makes (unless given).
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


def _impact_measures(model):
    return [
        ImpactMeasure(indicator=indicator, value=value, sort_order=order, locale=model.locale)
        for order, (indicator, value) in enumerate(model.measures)
    ]


class BusinessModelPageFactory(PageFactory):
    """A shared model in the demo index of the default language, published and aliased.

    Its canvas is `CANVAS`; `measures` (a parameter) are (indicator, value) pairs of impact
    measures; `lever_slugs` chooses levers by slug.
    """

    class Meta:
        model = BusinessModelPage

    class Params:
        measures = ()
        lever_slugs = ()

    parent = factory.LazyFunction(demo_model_index)
    title = factory.LazyAttribute(lambda page: f"Modèle essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"modele-essai-{page.number}")
    organisation = factory.LazyAttribute(lambda page: f"Association essai {page.number}")
    country = "Suisse"
    region = Region.ROMANDIE
    sector = Sector.CULTURE
    year = 2020
    levers = terms(Lever, "lever_slugs")
    impact_measures = factory.LazyAttribute(_impact_measures)
    values = CANVAS["values"]
    situation = CANVAS["situation"]
    problem = CANVAS["problem"]
    beneficiaries = CANVAS["beneficiaries"]
    channels = CANVAS["channels"]
    offer = CANVAS["offer"]
    resources = CANVAS["resources"]
    success_measures = CANVAS["success_measures"]
    partners = CANVAS["partners"]
