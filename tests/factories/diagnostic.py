"""Self-diagnoses (a scored questionnaire, or a checklist) and their anonymous completions."""

import factory
from factory.django import DjangoModelFactory

from diagnostic.models import DiagnosticCompletion, DiagnosticKind, DiagnosticPage
from taxonomy.models import Lever

from .pages import PageFactory

HUMAN_RESOURCES = "human-resources"


def _lever(page):
    return Lever.objects.filter(locale=page.locale, slug=page.lever_slug).first()


def _sections(page):
    """One step with one scale question giving 0 to 3 points to the lever."""
    lever = _lever(page)
    answers = [
        {"label": label, "points": [{"lever": lever, "points": points}], "phase": None}
        for points, label in enumerate(["Pas du tout", "Un peu", "En bonne partie", "Tout à fait"])
    ]
    question = {
        "text": "Les tâches essentielles reposent-elles sur plusieurs personnes ?",
        "help_text": "",
        "kind": "scale",
        "answers": answers,
    }
    return [
        (
            "section",
            {"title": "Ressources humaines", "intro": "Les personnes.", "questions": [question]},
        )
    ]


def _bands(page):
    lever = _lever(page)
    return [
        (
            "band",
            {"lever": lever, "minimum": 0, "maximum": 49, "title": "À construire", "text": "…"},
        ),
        (
            "band",
            {"lever": lever, "minimum": 50, "maximum": 100, "title": "Solide", "text": "…"},
        ),
    ]


STATEMENTS = [
    "Je veux changer quelque chose dans la société.",
    "Je cherche des ressources au-delà des subventions.",
    "Je mesure l'impact de ce que je fais.",
    "Je travaille avec d'autres organisations.",
    "Je réinvestis les bénéfices dans le projet.",
]


class DiagnosticPageFactory(PageFactory):
    """A scored self-diagnosis under the French home page, published and aliased.

    One step with one question scored on the lever `lever_slug` (a parameter,
    "human-resources"), and two score bands for it. The `checklist` trait makes a checklist of
    five statements with a threshold of three instead.
    """

    class Meta:
        model = DiagnosticPage

    class Params:
        lever_slug = HUMAN_RESOURCES
        checklist = factory.Trait(
            kind=DiagnosticKind.CHECKLIST,
            sections=[],
            bands=[],
            statements=factory.LazyFunction(
                lambda: [("statement", {"text": text}) for text in STATEMENTS]
            ),
            threshold=3,
            result_yes="Vous êtes un entrepreneur social.",
            result_no="Pas encore : nos outils vous aideront.",
        )

    title = factory.LazyAttribute(lambda page: f"Autodiagnostic essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"autodiagnostic-essai-{page.number}")
    intro = "Situez votre organisation en quelques questions."
    kind = DiagnosticKind.SCORED
    sections = factory.LazyAttribute(_sections)
    bands = factory.LazyAttribute(_bands)


class DiagnosticCompletionFactory(DjangoModelFactory):
    """A completed questionnaire of a new self-diagnosis, today: 50 % on human resources."""

    class Meta:
        model = DiagnosticCompletion

    page = factory.SubFactory(DiagnosticPageFactory)
    scores = factory.LazyFunction(lambda: {HUMAN_RESOURCES: 50})
