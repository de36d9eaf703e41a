"""Contributions in French: approved examples and comments, one example and one tool in review.

Skipped when the library holds no tool sheet yet. Idempotent: contributions are looked up by
title (examples), message (comments) or proposed tool title before being created.
"""

from wagtail.models import Locale

from tools.models import ToolIndexPage, ToolPage

from . import submission
from .models import CommentKind, ToolComment, ToolProposal, UsageExample

ORDER = 70

APPROVED_EXAMPLES = [
    {
        "title": "Un café associatif revoit ses ressources",
        "organisation": "Café du Marché, Yverdon-les-Bains",
        "description": (
            "Le comité a utilisé l'outil lors de deux soirées de travail avec les bénévoles.\n\n"
            "Résultat : trois sources de revenus nouvelles (location de la salle, ateliers "
            "de cuisine, abonnements de soutien) et une subvention communale mieux argumentée."
        ),
        "contributor_name": "Léa Martin",
        "contributor_email": "lea.martin@example.org",
        "consent_to_credit": True,
    },
    {
        "title": "Une coopérative d'habitation clarifie ses partenariats",
        "organisation": "Coopérative Les Tilleuls, Fribourg",
        "description": (
            "Nous avons rempli l'outil avec le conseil d'administration puis avec les "
            "habitantes et habitants. Il a mis en évidence deux alliances stratégiques à "
            "formaliser avec la commune et une fondation."
        ),
        "contributor_name": "Marc Dubois",
        "contributor_email": "",
        "consent_to_credit": True,
    },
    {
        "title": "Un atelier d'insertion prépare sa demande de fonds",
        "organisation": "Atelier Trait d'Union, Sion",
        "description": (
            "L'outil a servi de fil conducteur pour préparer le dossier présenté à une "
            "fondation : les bailleurs ont salué la clarté du modèle."
        ),
        "contributor_name": "Sophie Rey",
        "contributor_email": "",
        "consent_to_credit": False,
    },
]

APPROVED_COMMENTS = [
    {
        "kind": CommentKind.COMMENT,
        "message": (
            "Très utile en atelier : prévoir une version imprimée en grand format pour que "
            "chacun puisse écrire directement dessus."
        ),
        "contributor_name": "Julien Perret",
        "consent_to_credit": True,
    },
    {
        "kind": CommentKind.COMMENT,
        "message": (
            "Nous avons trouvé utile de commencer par la question des valeurs avant de "
            "parler des ressources financières."
        ),
        "contributor_name": "Anne Chappuis",
        "consent_to_credit": False,
    },
]

PENDING_EXAMPLE = {
    "title": "Une épicerie participative teste l'outil",
    "organisation": "Épicerie La Brouette, Neuchâtel",
    "description": (
        "Première utilisation avec le groupe de pilotage : nous avons surtout travaillé sur "
        "les bénévoles et le temps qu'ils peuvent donner. Bilan dans trois mois."
    ),
    "contributor_name": "Nadia Favre",
    "contributor_email": "nadia.favre@example.org",
    "consent_to_credit": True,
    "consent_to_contact": True,
}

PROPOSED_TOOL = {
    "title": "Carte des parties prenantes",
    "summary": (
        "Une carte pour situer toutes les personnes et organisations qui comptent pour le "
        "projet, et décider avec qui nouer une alliance en priorité."
    ),
    "target_groups": "Porteuses et porteurs de projet, comités d'associations.",
    "reasons": (
        "Rendre visibles les alliances possibles avant de chercher des fonds.\n\n"
        "Partager une même image du réseau au sein du comité."
    ),
}
PROPOSER = {
    "contributor_name": "Thomas Berset",
    "contributor_email": "thomas.berset@example.org",
    "consent_to_credit": True,
    "consent_to_contact": True,
}


def _publish(obj):
    obj.save()
    obj.save_revision().publish()


def load(command):
    french = Locale.get_default()
    tools = list(ToolPage.objects.live().filter(locale=french).order_by("sheet_number")[:3])
    if not tools:
        command.stdout.write("  contributions: no tool sheet yet, demo contributions skipped")
        return

    created = 0
    for position, example in enumerate(APPROVED_EXAMPLES):
        tool = tools[position % len(tools)]
        if not UsageExample.objects.filter(title=example["title"]).exists():
            _publish(UsageExample(tool=tool, locale=french, live=False, **example))
            created += 1
    for position, comment in enumerate(APPROVED_COMMENTS):
        tool = tools[position % len(tools)]
        if not ToolComment.objects.filter(message=comment["message"]).exists():
            _publish(ToolComment(tool=tool, locale=french, live=False, **comment))
            created += 1

    if not UsageExample.objects.filter(title=PENDING_EXAMPLE["title"]).exists():
        submission.submit_usage_example(tools[-1], french, dict(PENDING_EXAMPLE))
        created += 1

    library = ToolIndexPage.objects.filter(locale=french).first()
    already_proposed = ToolProposal.objects.filter(tool__title=PROPOSED_TOOL["title"]).exists()
    if library is not None and not already_proposed:
        submission.submit_tool_proposal(french, dict(PROPOSED_TOOL), dict(PROPOSER))
        created += 1
    command.stdout.write(f"  contributions: {created} demo contribution(s) created")
