"""The shared taxonomy in French, German, Italian and English."""

import uuid

from wagtail.models import Locale

from core.demo_images import give_image, lever_image

from .models import Audience, Lever, Phase, Theme

ORDER = 10

# slug: {language: alternative text of the lever's illustration}
LEVER_ALT_TEXTS = {
    "human-resources": {
        "fr": "Cinq silhouettes de tailles et de couleurs différentes, côte à côte.",
        "de": "Fünf Silhouetten in verschiedenen Grössen und Farben, Seite an Seite.",
        "it": "Cinque sagome di dimensioni e colori diversi, una accanto all'altra.",
        "en": "Five figures of different sizes and colours, side by side.",
    },
    "financial-resources": {
        "fr": "Des piles de pièces de plus en plus hautes, sous une flèche qui monte.",
        "de": "Immer höhere Münzstapel unter einem steigenden Pfeil.",
        "it": "Pile di monete sempre più alte, sotto una freccia che sale.",
        "en": "Stacks of coins growing taller, under a rising arrow.",
    },
    "strategic-alliances": {
        "fr": "Trois anneaux entrelacés, reliés à quatre partenaires dans les coins.",
        "de": "Drei ineinander verschlungene Ringe, verbunden mit vier Partnern in den Ecken.",
        "it": "Tre anelli intrecciati, collegati a quattro partner negli angoli.",
        "en": "Three interlocking rings, linked to four partners in the corners.",
    },
}

# slug: {language: (name, description)}; French is the source.
TERMS = {
    Lever: {
        "human-resources": {
            "fr": (
                "Ressources humaines",
                "Salariés, bénévoles, service civil : les personnes qui font vivre le projet.",
            ),
            "de": (
                "Personelle Ressourcen",
                "Angestellte, Freiwillige, Zivildienst: die Menschen, die das Projekt tragen.",
            ),
            "it": (
                "Risorse umane",
                "Dipendenti, volontari, servizio civile: le persone che danno vita al progetto.",
            ),
            "en": (
                "Human resources",
                "Staff, volunteers, civic service: the people who carry the project.",
            ),
        },
        "financial-resources": {
            "fr": ("Ressources financières", "Subventions, mécénat et recettes d'activité."),
            "de": (
                "Finanzielle Ressourcen",
                "Subventionen, Sponsoring und Einnahmen aus der eigenen Tätigkeit.",
            ),
            "it": ("Risorse finanziarie", "Sovvenzioni, mecenatismo e ricavi dalle attività."),
            "en": ("Financial resources", "Grants, sponsorship and earned income."),
        },
        "strategic-alliances": {
            "fr": (
                "Alliances stratégiques",
                "Partenariats qui renforcent le projet et son ancrage.",
            ),
            "de": (
                "Strategische Allianzen",
                "Partnerschaften, die das Projekt und seine Verankerung stärken.",
            ),
            "it": (
                "Alleanze strategiche",
                "Partenariati che rafforzano il progetto e il suo radicamento.",
            ),
            "en": (
                "Strategic alliances",
                "Partnerships that strengthen the project and its roots.",
            ),
        },
    },
    Phase: {
        "curiosity": {
            "fr": ("Curiosité", "Ai-je envie d'entreprendre ? Les premières questions."),
            "de": ("Neugier", "Möchte ich unternehmerisch tätig werden? Die ersten Fragen."),
            "it": ("Curiosità", "Voglio davvero intraprendere? Le prime domande."),
            "en": ("Curiosity", "Do I want to be an entrepreneur at all? The first questions."),
        },
        "conception": {
            "fr": ("Conception", "Des idées émergent en réponse à un problème ou une opportunité."),
            "de": ("Konzeption", "Ideen entstehen als Antwort auf ein Problem oder eine Chance."),
            "it": ("Ideazione", "Le idee nascono in risposta a un problema o a un'opportunità."),
            "en": ("Conception", "Ideas emerge in answer to a problem or an opportunity."),
        },
        "maturation": {
            "fr": ("Maturation", "De la décision d'agir à un plan solide."),
            "de": ("Reifung", "Vom Entschluss zu handeln zu einem soliden Plan."),
            "it": ("Maturazione", "Dalla decisione di agire a un piano solido."),
            "en": ("Maturation", "From the decision to act to a solid plan."),
        },
        "launch": {
            "fr": ("Lancement", "Les premiers pas de l'organisation sur le terrain."),
            "de": ("Start", "Die ersten Schritte der Organisation in der Praxis."),
            "it": ("Avvio", "I primi passi dell'organizzazione sul campo."),
            "en": ("Launch", "The organisation's first steps in the field."),
        },
        "growth": {
            "fr": ("Croissance et consolidation", "Grandir, se structurer et durer."),
            "de": ("Wachstum und Konsolidierung", "Wachsen, sich strukturieren und bestehen."),
            "it": ("Crescita e consolidamento", "Crescere, strutturarsi e durare."),
            "en": ("Growth and consolidation", "Growing, getting organised and lasting."),
        },
        "revision": {
            "fr": ("Révision", "Revoir son modèle quand le contexte change."),
            "de": ("Überarbeitung", "Das eigene Modell überprüfen, wenn sich das Umfeld ändert."),
            "it": ("Revisione", "Rivedere il proprio modello quando il contesto cambia."),
            "en": ("Revision", "Reviewing one's model when the context changes."),
        },
    },
    Audience: {
        "project-leaders": {
            "fr": ("Porteurs et porteuses de projet", ""),
            "de": ("Projektträgerinnen und -träger", ""),
            "it": ("Promotrici e promotori di progetti", ""),
            "en": ("Project leaders", ""),
        },
        "umbrella-organisations": {
            "fr": ("Organisations faîtières et à fort impact", ""),
            "de": ("Dachverbände und Organisationen mit grosser Wirkung", ""),
            "it": ("Organizzazioni mantello e ad alto impatto", ""),
            "en": ("Umbrella bodies and high-impact organisations", ""),
        },
        "funders": {
            "fr": ("Bailleurs de fonds", ""),
            "de": ("Geldgeber", ""),
            "it": ("Finanziatori", ""),
            "en": ("Funders", ""),
        },
        "public-bodies": {
            "fr": ("Collectivités publiques", ""),
            "de": ("Öffentliche Hand", ""),
            "it": ("Enti pubblici", ""),
            "en": ("Public bodies", ""),
        },
        "academics": {
            "fr": ("Écoles, académiques et animateurs", ""),
            "de": ("Schulen, Hochschulen und Moderierende", ""),
            "it": ("Scuole, accademici e facilitatori", ""),
            "en": ("Schools, academics and facilitators", ""),
        },
        "social-entrepreneurs": {
            "fr": ("Entrepreneurs soucieux de l'impact social", ""),
            "de": ("Unternehmerinnen und Unternehmer mit sozialer Wirkung", ""),
            "it": ("Imprenditori attenti all'impatto sociale", ""),
            "en": ("Entrepreneurs minding social impact", ""),
        },
        "students": {
            "fr": ("Étudiantes et étudiants", ""),
            "de": ("Studierende", ""),
            "it": ("Studentesse e studenti", ""),
            "en": ("Students", ""),
        },
    },
    Theme: {
        "governance": {
            "fr": ("Gouvernance", ""),
            "de": ("Governance", ""),
            "it": ("Governance", ""),
            "en": ("Governance", ""),
        },
        "impact-measurement": {
            "fr": ("Mesure d'impact", ""),
            "de": ("Wirkungsmessung", ""),
            "it": ("Misura dell'impatto", ""),
            "en": ("Impact measurement", ""),
        },
        "funding": {
            "fr": ("Financement", ""),
            "de": ("Finanzierung", ""),
            "it": ("Finanziamento", ""),
            "en": ("Funding", ""),
        },
        "volunteering": {
            "fr": ("Bénévolat", ""),
            "de": ("Freiwilligenarbeit", ""),
            "it": ("Volontariato", ""),
            "en": ("Volunteering", ""),
        },
        "partnerships": {
            "fr": ("Partenariats", ""),
            "de": ("Partnerschaften", ""),
            "it": ("Partenariati", ""),
            "en": ("Partnerships", ""),
        },
        "communication": {
            "fr": ("Communication", ""),
            "de": ("Kommunikation", ""),
            "it": ("Comunicazione", ""),
            "en": ("Communication", ""),
        },
        "strategy": {
            "fr": ("Stratégie", ""),
            "de": ("Strategie", ""),
            "it": ("Strategia", ""),
            "en": ("Strategy", ""),
        },
    },
}


def load(command):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = 0
    for model, terms in TERMS.items():
        for position, (slug, names) in enumerate(terms.items(), start=1):
            source = model.objects.filter(slug=slug, locale=locales["fr"]).first()
            translation_key = source.translation_key if source else uuid.uuid4()
            for code, (name, description) in names.items():
                if code not in locales:
                    continue
                _, was_created = model.objects.get_or_create(
                    slug=slug,
                    locale=locales[code],
                    defaults={
                        "name": name,
                        "description": description,
                        "sort_order": position * 10,
                        "translation_key": translation_key,
                    },
                )
                created += was_created
    illustrated = 0
    for slug, alt_texts in LEVER_ALT_TEXTS.items():
        image = lever_image(slug)
        for lever in Lever.objects.filter(slug=slug).select_related("locale"):
            alt = alt_texts.get(lever.locale.language_code, alt_texts["fr"])
            illustrated += give_image(lever, image, alt)
    command.stdout.write(
        f"  taxonomy: {created} term(s) created, {illustrated} lever illustration(s) added"
    )
