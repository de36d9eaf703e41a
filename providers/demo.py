"""The provider directory in French: the "Prestataires" page and fourteen providers."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from core.demo_images import PALETTE, demo_image, give_image, hero_image, initials
from core.demo_utils import get_or_create_page, source_home
from core.progress import progress
from home.demo import add_menu_item
from tools.models import ToolPage

from .models import ProviderIndexPage, ProviderPage

ORDER = 60

MENU_LABELS = {"fr": "Prestataires", "de": "Fachleute", "it": "Consulenti", "en": "Providers"}

# (slug, title, kind, intro, bio, services, regions, languages, sheet numbers, website,
#  references, months since the last confirmation)
PROVIDERS = [
    (
        "anne-rochat-conseil",
        "Anne Rochat Conseil",
        "person",
        "Consultante en modèles économiques pour les associations culturelles et sociales.",
        "Après quinze ans à la direction d'une association de réinsertion, j'accompagne les "
        "comités qui veulent diversifier leurs ressources sans perdre leur âme.\n\n"
        "Je travaille par ateliers courts avec le comité et l'équipe, en partant toujours du "
        "projet et des valeurs de l'organisation.",
        ["consulting", "facilitation"],
        ["CH-VD", "CH-FR"],
        ["fr"],
        ["01", "02a"],
        "https://rochat-conseil.example.ch",
        "Festival des Arts de la rue, Vevey : révision du modèle socio-économique avec le "
        "canevas en neuf blocs.\n\nÉpicerie participative La Cigale : animation de trois "
        "ateliers de co-développement.",
        3,
    ),
    (
        "atelier-cooperatif-leman",
        "Atelier coopératif du Léman",
        "organisation",
        "Coopérative de conseil spécialisée dans la gouvernance partagée.",
        "Nous sommes une coopérative de six consultantes et consultants associés. Nous aidons "
        "les coopératives et les associations à clarifier qui décide de quoi, et comment.\n\n"
        "Nos interventions combinent diagnostic, ateliers et accompagnement dans la durée.",
        ["consulting", "training", "coaching"],
        ["CH-GE", "CH-VD", "FR"],
        ["fr", "en"],
        ["02a", "03"],
        "https://atelier-leman.example.ch",
        "Coopérative d'habitation Les Ormeaux : nouvelle charte de gouvernance.\n\n"
        "Réseau d'épiceries solidaires genevoises : formation de vingt bénévoles.",
        1,
    ),
    (
        "marco-bernasconi",
        "Marco Bernasconi",
        "person",
        "Formateur et facilitateur pour les entreprises sociales du Tessin.",
        "Économiste de formation, j'enseigne l'entrepreneuriat social et j'anime des ateliers "
        "pour les organisations qui cherchent un modèle viable.\n\n"
        "J'utilise volontiers les outils de l'association avec mes étudiantes et étudiants.",
        ["training", "facilitation"],
        ["CH-TI", "CH-GR", "IT"],
        ["it", "fr", "de"],
        ["01", "04"],
        "",
        "Cours d'entrepreneuriat social, haute école du Tessin : utilisation du canevas en classe.",
        14,
    ),
    (
        "impact-mesure-sarl",
        "Impact Mesure Sàrl",
        "organisation",
        "Évaluation d'impact social pour les fondations et les associations.",
        "Nous concevons des indicateurs simples, utiles aux équipes comme aux bailleurs de fonds. "
        "Nous privilégions des mesures que l'organisation peut tenir elle-même dans la durée.",
        ["evaluation", "consulting"],
        ["CH-BE", "CH-NE", "CH-JU"],
        ["fr", "de"],
        ["05"],
        "https://impact-mesure.example.ch",
        "Fondation pour l'insertion des jeunes : cadre d'évaluation sur trois ans.",
        6,
    ),
    (
        "sophie-keller-coaching",
        "Sophie Keller Coaching",
        "person",
        "Coach de dirigeantes et dirigeants d'organisations à but non lucratif.",
        "J'accompagne les directions dans les moments de changement : croissance, fusion, "
        "passage de relais. Je travaille en français et en allemand, sur place ou à distance.",
        ["coaching", "mentoring"],
        ["CH-BE", "CH-FR", "CH-ZH"],
        ["de", "fr"],
        ["03"],
        "",
        "Direction d'une crèche associative bilingue : accompagnement pendant une fusion.",
        2,
    ),
    (
        "valais-solidaire",
        "Valais solidaire",
        "organisation",
        "Association faîtière qui forme les porteurs de projets de l'économie solidaire.",
        "Notre faîtière réunit une quarantaine d'organisations valaisannes. Nous proposons des "
        "formations en groupe et des permanences individuelles aux personnes qui lancent un "
        "projet.",
        ["training", "mentoring"],
        ["CH-VS"],
        ["fr", "de"],
        ["01", "02a", "02b"],
        "https://valais-solidaire.example.ch",
        "Parcours « De l'idée au projet » : douze porteurs de projets accompagnés chaque année.",
        0,
    ),
    (
        "julien-favre",
        "Julien Favre",
        "person",
        "Facilitateur d'intelligence collective et de co-création.",
        "J'anime des ateliers où chacun a la parole : séminaires de comité, assemblées, "
        "journées de co-création. J'aime particulièrement le travail sur le canevas en groupe "
        "de quatre à huit personnes.",
        ["facilitation"],
        ["CH-NE", "CH-JU", "CH-VD"],
        ["fr"],
        ["01"],
        "",
        "Assemblée participative d'une coopérative agricole : 80 membres, une journée.",
        18,
    ),
    (
        "zurich-social-impact",
        "Social Impact Partners Zürich",
        "organisation",
        "Conseil en stratégie pour les entreprises sociales de Suisse alémanique.",
        "Nous aidons les entreprises sociales à passer à l'échelle : modèle économique, "
        "partenariats, financement mixte. Notre équipe travaille en allemand et en anglais.",
        ["consulting", "evaluation"],
        ["CH-ZH", "CH-AG", "CH-ZG", "CH-LU", "DE"],
        ["de", "en"],
        ["04", "05"],
        "https://social-impact-zh.example.ch",
        "Entreprise d'insertion par le vélo : plan de développement sur cinq ans.",
        4,
    ),
    (
        "claire-dubois-formation",
        "Claire Dubois Formation",
        "person",
        "Formatrice de formateurs en gestion associative.",
        "Je forme les formatrices et formateurs qui transmettent ensuite les outils dans leurs "
        "propres réseaux : un effet multiplicateur auquel je crois beaucoup.",
        ["training"],
        ["CH-GE", "FR", "BE"],
        ["fr"],
        ["02a", "02b", "03"],
        "",
        "Formation de formateurs pour un réseau de maisons de quartier : deux sessions.",
        2,
    ),
    (
        "basel-kooperativ",
        "Kooperativ Basel",
        "organisation",
        "Accompagnement des coopératives de la région bâloise.",
        "Nous accompagnons la création de coopératives de travail et d'habitation, des statuts "
        "au modèle économique.",
        ["consulting", "coaching"],
        ["CH-BS", "CH-BL", "CH-SO", "DE", "FR"],
        ["de", "fr", "en"],
        ["02b"],
        "https://kooperativ-basel.example.ch",
        "Coopérative de boulangers : accompagnement de la création.",
        13,
    ),
    (
        "elena-moretti",
        "Elena Moretti",
        "person",
        "Chercheuse et consultante en économie sociale et solidaire.",
        "Je mène des études sur les modèles socio-économiques des organisations d'intérêt "
        "général et j'en tire des recommandations concrètes pour les associations.",
        ["research", "evaluation"],
        ["CH-TI", "IT", "OTHER"],
        ["it", "en", "fr"],
        ["05"],
        "",
        "Étude sur l'hybridation des ressources de vingt associations tessinoises.",
        5,
    ),
    (
        "accompagnement-jura",
        "Accompagnement Jura",
        "organisation",
        "Bureau de conseil pour les associations de l'Arc jurassien.",
        "Petit bureau de deux personnes, nous accompagnons les associations de l'Arc jurassien "
        "dans leurs choix de financement et leurs partenariats locaux.",
        ["consulting", "facilitation"],
        ["CH-JU", "CH-NE", "CH-BE"],
        ["fr"],
        ["01", "04"],
        "",
        "Association de soutien aux proches aidants : stratégie de partenariats.",
        7,
    ),
    (
        "thomas-muller-mentoring",
        "Thomas Müller",
        "person",
        "Ancien entrepreneur social devenu mentor de jeunes projets.",
        "J'ai fondé et dirigé une entreprise d'insertion pendant vingt ans. Aujourd'hui, je "
        "transmets ce que j'ai appris aux personnes qui lancent leur projet.",
        ["mentoring", "coaching"],
        ["CH-SG", "CH-TG", "CH-AR", "CH-AI", "AT"],
        ["de"],
        ["02a"],
        "",
        "Programme de mentorat d'un incubateur social : six mentorats par an.",
        1,
    ),
    (
        "reseau-ess-fribourg",
        "Réseau ESS Fribourg",
        "organisation",
        "Le réseau fribourgeois de l'économie sociale et solidaire.",
        "Notre réseau organise des formations, des permanences et des rencontres entre "
        "organisations de l'économie sociale et solidaire du canton, en français et en "
        "allemand.",
        ["training", "facilitation", "mentoring"],
        ["CH-FR"],
        ["fr", "de"],
        ["01", "03"],
        "https://ess-fribourg.example.ch",
        "Cycle de webinaires mensuels sur les modèles socio-économiques.",
        0,
    ),
]


def demo_email(slug):
    return f"{slug}@prestataires.example.org"


def _tools_by_number():
    tools = ToolPage.objects.live().filter(locale=Locale.get_default()).order_by("sheet_number")
    return {tool.sheet_number: tool for tool in tools}


def _tools_for(numbers, position, tools):
    """The tools with these sheet numbers; failing that, two tools picked by position."""
    chosen = [tools[number] for number in numbers if number in tools]
    if not chosen and tools:
        ordered = list(tools.values())
        chosen = [ordered[position % len(ordered)], ordered[(position + 3) % len(ordered)]]
    return list(dict.fromkeys(chosen))


def load(command):
    home = source_home()
    index, _created = get_or_create_page(
        home,
        ProviderIndexPage,
        "prestataires",
        title="Prestataires",
        intro=(
            "Consultantes, formateurs, coachs et organisations qui ont déjà appliqué nos outils "
            "et peuvent accompagner votre organisation."
        ),
        apply_intro=(
            "Vous avez appliqué un ou plusieurs outils de l'association avec des organisations ? "
            "Présentez-vous : après vérification par nos modératrices et modérateurs, votre "
            "profil rejoindra l'annuaire."
        ),
    )
    tools = _tools_by_number()
    today = timezone.localdate()
    created = 0
    for position, row in enumerate(progress(PROVIDERS, description="Providers")):
        (slug, title, kind, intro, bio, services, regions, languages, numbers, website,
         references, months) = row  # fmt: skip
        if index.get_children().filter(slug=slug).exists():
            continue
        page = ProviderPage(
            slug=slug,
            title=title,
            kind=kind,
            intro=intro,
            bio=bio,
            services=services,
            regions=regions,
            languages=languages,
            website=website,
            references=references,
            owner_email=demo_email(slug),
            last_confirmed=today - datetime.timedelta(days=30 * months),
            locale=index.locale,
        )
        page.tools = _tools_for(numbers, position, tools)
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    give_image(index, hero_image("prestataires", "prestataires"), field="hero_image")
    for position, provider in enumerate(ProviderPage.objects.child_of(index).order_by("path")):
        logo = demo_image(
            f"Logo {provider.slug}",
            f"Initiales de {provider.title} sur un disque de couleur.",
            f"logo-{provider.slug}.png",
            (320, 320),
            initials(provider.title, PALETTE[position % 3]),
        )
        give_image(provider, logo, f"Logo de {provider.title}")
    add_menu_item(MENU_LABELS, index, group="providers")
    # Attach the "Vérification des prestataires" workflow to the directory now that it exists.
    call_command("setup_site", stdout=io.StringIO())
    command.stdout.write(f"  providers: {created} provider(s) created")
