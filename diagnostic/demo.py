"""A three-lever self-diagnosis and a "social entrepreneur?" checklist, in French."""

from wagtail.models import Locale

from core.demo_utils import get_or_create_page, source_home
from home.demo import add_menu_item
from taxonomy.models import Lever, Phase

from .models import DiagnosticKind, DiagnosticPage

ORDER = 80

HR, FIN, ALLY = "human-resources", "financial-resources", "strategic-alliances"

# (step title, intro, [(question, kind, [(answer, {lever: points}, phase slug or None)])])
QUESTIONNAIRE = [
    (
        "Où en êtes-vous ?",
        "Quelques questions pour situer votre organisation.",
        [
            (
                "À quelle étape se trouve votre projet ?",
                "single",
                [
                    ("Je me demande si j'ai envie d'entreprendre", {}, "curiosity"),
                    ("Une idée prend forme en réponse à un besoin", {}, "conception"),
                    ("Nous avons décidé d'agir et bâtissons notre plan", {}, "maturation"),
                    ("Nous avons démarré nos activités", {}, "launch"),
                    (
                        "Nous existons depuis plusieurs années et voulons revoir notre modèle",
                        {},
                        "revision",
                    ),
                ],
            ),
        ],
    ),
    (
        "Ressources humaines",
        "Les personnes qui portent le projet : salariés, bénévoles, service civil.",
        [
            (
                "Les tâches essentielles reposent-elles sur plusieurs personnes ?",
                "scale",
                [
                    ("Pas du tout", {HR: 0}, None),
                    ("Un peu", {HR: 1}, None),
                    ("En bonne partie", {HR: 2}, None),
                    ("Tout à fait", {HR: 3}, None),
                ],
            ),
            (
                "Quelles ressources humaines mobilisez-vous aujourd'hui ?",
                "multiple",
                [
                    ("Des personnes salariées", {HR: 1}, None),
                    ("Des bénévoles réguliers", {HR: 1}, None),
                    ("Des civilistes ou stagiaires", {HR: 1}, None),
                    ("Aucune pour l'instant", {HR: 0}, None),
                ],
            ),
        ],
    ),
    (
        "Ressources financières et alliances",
        "Subventions, mécénat, recettes d'activité et partenariats.",
        [
            (
                "D'où viennent vos ressources financières ?",
                "multiple",
                [
                    ("Des subventions publiques", {FIN: 1}, None),
                    ("Du mécénat ou des dons", {FIN: 1}, None),
                    ("Des ventes de biens ou de services", {FIN: 2}, None),
                    ("Nous n'avons pas encore de ressources", {FIN: 0}, None),
                ],
            ),
            (
                "Votre plus gros financeur représente-t-il plus de la moitié de votre budget ?",
                "single",
                [
                    ("Oui", {FIN: 0}, None),
                    ("Non", {FIN: 2}, None),
                    ("Je ne sais pas", {FIN: 0}, None),
                ],
            ),
            (
                "Avez-vous des partenaires avec qui vous partagez des ressources ou des projets ?",
                "scale",
                [
                    ("Aucun", {ALLY: 0}, None),
                    ("Un ou deux, de manière ponctuelle", {ALLY: 1}, None),
                    ("Plusieurs, avec des accords clairs", {ALLY: 2}, None),
                    ("Un réseau d'alliés qui nous soutient durablement", {ALLY: 3}, None),
                ],
            ),
        ],
    ),
]

BANDS = [
    (
        HR,
        0,
        39,
        "À construire",
        "Votre projet repose sur peu de personnes : c'est un risque. Les outils sur le bénévolat et la gouvernance vous aideront à répartir les rôles.",
    ),
    (
        HR,
        40,
        74,
        "En développement",
        "Vous mobilisez déjà plusieurs forces ; clarifiez maintenant qui fait quoi et comment vous fidélisez.",
    ),
    (
        HR,
        75,
        100,
        "Solide",
        "Votre équipe est un atout. Pensez à transmettre les savoir-faire pour durer.",
    ),
    (
        FIN,
        0,
        39,
        "Fragile",
        "Vos ressources financières sont faibles ou dépendent d'une seule source. Explorez les recettes d'activité et la diversification.",
    ),
    (
        FIN,
        40,
        74,
        "En diversification",
        "Vous combinez plusieurs sources : consolidez celles qui vous rendent moins dépendants.",
    ),
    (
        FIN,
        75,
        100,
        "Équilibré",
        "Votre financement est diversifié. Gardez un œil sur sa durabilité.",
    ),
    (
        ALLY,
        0,
        39,
        "Isolé",
        "Vous avancez seuls. Des alliances stratégiques peuvent vous apporter ressources, légitimité et idées.",
    ),
    (
        ALLY,
        40,
        74,
        "En réseau",
        "Vous avez des partenaires ; formalisez ce que chacun apporte et attend.",
    ),
    (
        ALLY,
        75,
        100,
        "Allié",
        "Vos alliances sont une force : partagez votre expérience avec d'autres.",
    ),
]

STATEMENTS = [
    "Mon projet répond d'abord à un besoin social ou environnemental.",
    "Je veux que mon activité dégage des revenus pour durer.",
    "Les bénéfices éventuels servent le projet plutôt que des actionnaires.",
    "Je souhaite associer les personnes concernées aux décisions.",
    "Je mesure ou voudrais mesurer l'impact de mon action.",
    "Je préfère coopérer plutôt que d'être en concurrence.",
    "Je suis prêt·e à rendre compte de mon action en toute transparence.",
    "Mon projet est ancré dans un territoire ou une communauté.",
    "Je cherche à innover dans la manière de répondre au besoin.",
    "Je veux que mon organisation survive à mon propre engagement.",
]


def _terms(model, locale):
    return {term.slug: term for term in model.objects.filter(locale=locale)}


def load(command):
    home = source_home()
    locale = Locale.get_default()
    levers = _terms(Lever, locale)
    phases = _terms(Phase, locale)
    sections = []
    for title, intro, questions in QUESTIONNAIRE:
        sections.append(
            (
                "section",
                {
                    "title": title,
                    "intro": intro,
                    "questions": [
                        {
                            "text": text,
                            "help_text": "",
                            "kind": kind,
                            "answers": [
                                {
                                    "label": label,
                                    "points": [
                                        {"lever": levers[slug], "points": points}
                                        for slug, points in scores.items()
                                        if slug in levers
                                    ],
                                    "phase": phases.get(phase) if phase else None,
                                }
                                for label, scores, phase in answers
                            ],
                        }
                        for text, kind, answers in questions
                    ],
                },
            )
        )
    bands = [
        (
            "band",
            {"lever": levers[slug], "minimum": low, "maximum": high, "title": title, "text": text},
        )
        for slug, low, high, title, text in BANDS
        if slug in levers
    ]
    diagnostic, created = get_or_create_page(
        home,
        DiagnosticPage,
        "autodiagnostic",
        title="Autodiagnostic de votre modèle socio-économique",
        intro=(
            "En dix minutes, situez votre organisation sur les trois leviers de son modèle "
            "socio-économique et découvrez les outils qui vous aideront à avancer."
        ),
        kind=DiagnosticKind.SCORED,
        sections=sections,
        bands=bands,
    )
    get_or_create_page(
        home,
        DiagnosticPage,
        "entrepreneur-social",
        title="Êtes-vous un entrepreneur social ?",
        intro=(
            "Beaucoup d'entrepreneurs sociaux ne se reconnaissent pas sous ce nom. Parcourez ces "
            "dix affirmations : si vous vous reconnaissez dans au moins cinq, vous en êtes un."
        ),
        kind=DiagnosticKind.CHECKLIST,
        statements=[("statement", {"text": text}) for text in STATEMENTS],
        threshold=5,
        result_yes=(
            "Vous êtes un entrepreneur social, même si vous ne vous appelez pas ainsi. "
            "Nos outils et nos fils rouges sont faits pour vous."
        ),
        result_no=(
            "Vous partagez certaines valeurs de l'entrepreneuriat social. Nos outils de la phase "
            "« curiosité » vous aideront à explorer cette voie."
        ),
    )
    add_menu_item(
        {
            "fr": "Autodiagnostic",
            "de": "Selbstdiagnose",
            "it": "Autodiagnosi",
            "en": "Self-diagnosis",
        },
        diagnostic,
        group="tools",
    )
    command.stdout.write(f"  diagnostic: {'created' if created else 'already there'}")
