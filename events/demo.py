"""The agenda in French: a monthly webinar cycle, "21 jours pour convaincre", workshops, a replay.

Dates are relative to today so that the demo always has upcoming and past events.
"""

from datetime import date, datetime, time, timedelta
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from weasyprint import HTML

from core.demo_images import demo_image, give_image, hero_image, pattern
from core.demo_utils import get_or_create_page, source_home
from core.progress import progress
from guides.models import GuidePage, TrainingModulePage
from home.demo import add_menu_item
from taxonomy.models import Audience, Lever
from tools.models import ToolPage

from .models import (
    EventDocument,
    EventFormat,
    EventIndexPage,
    EventPage,
    EventPerson,
    EventSeriesPage,
)
from .schedule import DAILY, MONTHLY, Rule, local_zone

ORDER = 50

MENU_LABELS = {"fr": "Événements", "de": "Veranstaltungen", "it": "Eventi", "en": "Events"}
# The monthly webinars are a way to learn: the menu lists them under "Se former".
SERIES_MENU_LABELS = {
    "fr": "Cycle de webinaires",
    "de": "Webinar-Reihe",
    "it": "Ciclo di webinar",
    "en": "Webinar series",
}
WEBINAR_CYCLE_SLUG = "cycle-webinaires-modeles-socio-economiques"

WEBINARS = [
    ("Comprendre son modèle socio-économique", "human-resources"),
    ("Le canevas en neuf blocs, pas à pas", "strategic-alliances"),
    ("Bénévoles et salariés : trouver le bon équilibre", "human-resources"),
    ("Diversifier ses ressources financières", "financial-resources"),
    ("Mécénat et fondations : préparer une demande solide", "financial-resources"),
    ("Vendre ses services sans perdre son âme", "financial-resources"),
    ("Construire des alliances stratégiques", "strategic-alliances"),
    ("Mesurer son impact avec des indicateurs simples", "strategic-alliances"),
    ("Gouvernance partagée : qui décide quoi ?", "human-resources"),
    ("Présenter son modèle à un bailleur de fonds", "financial-resources"),
    ("Les collectivités publiques comme partenaires", "strategic-alliances"),
    ("Bilan du cycle : ce que nous avons appris ensemble", "strategic-alliances"),
]

DAILY_STEPS = [
    "Nommer le problème que vous résolvez",
    "Décrire les personnes qui en bénéficient",
    "Trouver une phrase qui dit votre mission",
    "Raconter l'histoire d'une personne accompagnée",
    "Lister vos trois preuves d'impact",
    "Chiffrer ce que coûte une année d'activité",
    "Identifier vos trois sources de revenus principales",
    "Repérer un partenaire qui partage vos valeurs",
    "Préparer une question pour chaque interlocuteur",
    "Écrire un pitch de trente secondes",
    "Le dire à voix haute, chronomètre en main",
    "Demander un retour franc à un ami",
    "Réécrire le pitch en supprimant le jargon",
    "Choisir une image qui résume votre projet",
    "Préparer la réponse à « pourquoi vous ? »",
    "Anticiper les trois objections les plus fréquentes",
    "Montrer ce que vous avez déjà accompli",
    "Formuler une demande précise et chiffrée",
    "Répéter devant le comité",
    "Envoyer votre premier message à un partenaire",
    "Faire le bilan et fêter le chemin parcouru",
]


def rich(text):
    return f"<p>{escape(text)}</p>"


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=local_zone())


def slides_pdf(title):
    """A small real PDF: the title slide and a summary of the talk."""
    html = f"""<html lang="fr"><head><meta charset="utf-8"><style>
        @page {{ size: A4 landscape; margin: 20mm; }}
        body {{ font-family: "DejaVu Sans", sans-serif; color: #1b1f23; }}
        h1 {{ color: #0b5d4b; font-size: 28pt; }}
        section {{ page-break-before: always; }}
        </style></head><body>
        <p>Social Business Models · Supports de présentation</p>
        <h1>{escape(title)}</h1>
        <section><h2>Les trois leviers</h2><ul><li>Ressources humaines</li>
        <li>Ressources financières</li><li>Alliances stratégiques</li></ul></section>
        </body></html>"""
    return HTML(string=html).write_pdf()


def make_slides(title):
    Document = get_document_model()
    existing = Document.objects.filter(title=f"Supports · {title}").first()
    if existing:
        return existing
    data = slides_pdf(title)
    document = Document(title=f"Supports · {title}")
    document.file.save("supports-webinaire-lancement.pdf", ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


def first_october_on_or_before(today):
    year = today.year if today.month >= 10 else today.year - 1
    return date(year, 10, 1)


class DemoAgenda:
    def __init__(self, index, locale):
        self.index = index
        self.locale = locale
        self.levers = {lever.slug: lever for lever in Lever.objects.filter(locale=locale)}
        self.audiences = {term.slug: term for term in Audience.objects.filter(locale=locale)}
        self.created = 0

    def tool(self, sheet_number):
        return ToolPage.objects.filter(locale=self.locale, sheet_number=sheet_number).first()

    def training_module(self):
        return TrainingModulePage.objects.filter(locale=self.locale).order_by("pk").first()

    def guide(self):
        return GuidePage.objects.filter(locale=self.locale).order_by("pk").first()

    def event(self, parent, slug, *, levers=(), audiences=(), tools=(), guides=(), **fields):
        page, created = get_or_create_page(
            parent,
            EventPage,
            slug,
            levers=[self.levers[s] for s in levers if s in self.levers],
            audiences=[self.audiences[s] for s in audiences if s in self.audiences],
            related_tools=[tool for tool in tools if tool],
            related_guides=[guide for guide in guides if guide],
            **fields,
        )
        self.created += created
        return page

    def webinar_cycle(self):
        series, _ = get_or_create_page(
            self.index,
            EventSeriesPage,
            WEBINAR_CYCLE_SLUG,
            title="Cycle de webinaires : les modèles socio-économiques en douze étapes",
            intro=(
                "Douze webinaires d'une heure et demie, chaque troisième jeudi du mois de 13h00 "
                "à 14h30, d'octobre à octobre. Chaque séance peut se suivre seule."
            ),
            description=rich(
                "Un cycle de sensibilisation ouvert à toutes les organisations de l'économie "
                "sociale et solidaire : associations, coopératives, fondations et entreprises "
                "sociales. Chaque mois, un levier du modèle socio-économique, un outil de la "
                "bibliothèque et le témoignage d'une organisation romande."
            ),
            levers=list(self.levers.values()),
        )
        rule = Rule(
            frequency=MONTHLY,
            first_day=first_october_on_or_before(timezone.localdate()),
            count=len(WEBINARS),
            start_time=time(13, 0),
            duration=timedelta(minutes=90),
            weekday=3,
            week_of_month=3,
        )
        canvas = self.tool("02a")
        for number, ((start, end), (title, lever)) in enumerate(
            zip(rule.occurrences(), WEBINARS, strict=True), start=1
        ):
            page = self.event(
                series,
                f"webinaire-{number:02d}",
                title=f"Webinaire {number} : {title}",
                intro=(
                    f"Le {number}e rendez-vous du cycle : une heure et demie pour avancer sur "
                    f"« {title.lower()} », avec des exemples romands et du temps pour vos "
                    "questions."
                ),
                event_format=EventFormat.WEBINAR,
                start=start,
                end=end,
                online_url="https://meet.jit.si/sbm-webinaire-modeles",
                capacity=150,
                audience_text="Associations, coopératives et entreprises sociales",
                description=rich(
                    "Présentation de 30 minutes, étude de cas de 30 minutes, puis questions et "
                    "échanges. Le lien de connexion est envoyé avec la confirmation."
                ),
                levers=[lever],
                audiences=["project-leaders", "social-entrepreneurs"],
                tools=[canvas] if number == 2 else [],
            )
            if not page.people.exists() and number == 1:
                page.people = [
                    EventPerson(
                        name="Claire Rochat",
                        role=EventPerson.Role.SPEAKER,
                        affiliation="membre du comité",
                        locale=self.locale,
                    ),
                    EventPerson(
                        name="Social Business Models",
                        role=EventPerson.Role.ORGANISER,
                        locale=self.locale,
                    ),
                ]
                page.save_revision().publish()
        return series

    def daily_cycle(self):
        series, _ = get_or_create_page(
            self.index,
            EventSeriesPage,
            "21-jours-pour-convaincre",
            title="21 jours pour convaincre",
            intro=(
                "Un message par jour pendant trois semaines : une étape courte et concrète pour "
                "apprendre à présenter votre modèle à des partenaires."
            ),
            description=rich(
                "Chaque matin à 8h, une nouvelle étape est publiée sur nos réseaux et ici. "
                "Comptez dix à quinze minutes par jour. À la fin, vous avez un pitch prêt."
            ),
        )
        rule = Rule(
            frequency=DAILY,
            first_day=timezone.localdate() - timedelta(days=7),
            count=len(DAILY_STEPS),
            start_time=time(8, 0),
            duration=timedelta(minutes=15),
        )
        for number, ((start, end), step) in enumerate(
            zip(rule.occurrences(), DAILY_STEPS, strict=True), start=1
        ):
            self.event(
                series,
                f"jour-{number:02d}",
                title=f"Jour {number} : {step}",
                intro=f"Étape {number} sur 21 : {step.lower()}.",
                event_format=EventFormat.DAILY_POST,
                start=start,
                end=end,
                registration_open=False,
                levers=["strategic-alliances"],
            )
        return series

    def workshops(self):
        today = timezone.localdate()
        module = self.training_module()
        pitch_tool = self.tool("02a")
        self.event(
            self.index,
            "atelier-codeveloppement-lausanne",
            title="Atelier de co-développement : choisir ses leviers",
            intro=(
                "Une demi-journée en petit groupe pour choisir les leviers les plus pertinents "
                "pour votre organisation et vous entraîner à présenter votre modèle."
            ),
            event_format=EventFormat.CODEVELOPMENT,
            start=at(today + timedelta(days=24), 9),
            end=at(today + timedelta(days=24), 12, 30),
            venue_name="Maison des associations",
            venue_street="Rue de la Borde 13",
            venue_postal_code="1018",
            venue_locality="Lausanne",
            venue_region="VD",
            capacity=12,
            audience_text="Organisations ayant suivi le webinaire de sensibilisation",
            description=rich(
                "Chaque participant·e présente sa situation, le groupe questionne, puis chacun "
                "repart avec deux ou trois pistes concrètes. Apportez votre autodiagnostic."
            ),
            levers=["human-resources", "financial-resources", "strategic-alliances"],
            audiences=["project-leaders"],
            tools=[pitch_tool],
        )
        self.event(
            self.index,
            "atelier-canevas-geneve",
            title="Atelier : remplir le canevas à plusieurs",
            intro="Trois heures pour remplir ensemble le canevas en neuf blocs de votre projet.",
            event_format=EventFormat.WORKSHOP,
            start=at(today + timedelta(days=38), 14),
            end=at(today + timedelta(days=38), 17),
            venue_name="Espace de coworking Après-GE",
            venue_street="Rue des Gares 7",
            venue_postal_code="1201",
            venue_locality="Genève",
            venue_region="GE",
            capacity=20,
            language="fr",
            levers=["strategic-alliances"],
            audiences=["social-entrepreneurs", "students"],
            tools=[pitch_tool],
            guides=[self.guide()],
        )
        self.event(
            self.index,
            "formation-formateurs-fribourg",
            title="Session de formation : transmettre les outils",
            intro=(
                "Une journée pour les consultant·es et formateur·rices qui veulent utiliser "
                "les outils de l'association dans leur propre travail."
            ),
            event_format=EventFormat.TRAINING,
            start=at(today + timedelta(days=52), 9),
            end=at(today + timedelta(days=52), 17),
            venue_name="Haute école de travail social",
            venue_street="Route des Arsenaux 16a",
            venue_postal_code="1700",
            venue_locality="Fribourg",
            venue_region="FR",
            capacity=16,
            training_module=module,
            levers=["human-resources"],
            audiences=["academics"],
        )
        self.event(
            self.index,
            "conference-ess-neuchatel",
            title="Conférence : l'économie sociale et solidaire en Romandie",
            intro="Une soirée d'échanges entre organisations, bailleurs et collectivités.",
            event_format=EventFormat.CONFERENCE,
            start=at(today + timedelta(days=66), 18, 30),
            end=at(today + timedelta(days=66), 20, 30),
            venue_name="Théâtre du Pommier",
            venue_street="Rue du Pommier 9",
            venue_postal_code="2000",
            venue_locality="Neuchâtel",
            venue_region="NE",
            external_registration_url="https://www.example.org/inscription-conference-ess",
            levers=["strategic-alliances"],
            audiences=["funders", "public-bodies"],
        )

    def past_event_with_replay(self):
        past_day = timezone.localdate() - timedelta(days=45)
        page = self.event(
            self.index,
            "webinaire-lancement-bibliotheque",
            title="Webinaire de lancement : la bibliothèque d'outils",
            intro="Présentation de la bibliothèque d'outils et de la manière d'y contribuer.",
            event_format=EventFormat.WEBINAR,
            start=at(past_day, 12, 15),
            end=at(past_day, 13, 15),
            online_url="https://meet.jit.si/sbm-lancement",
            replay_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            report=rich(
                "Près de 150 personnes ont suivi le lancement. Les questions ont surtout porté "
                "sur la manière de proposer un exemple d'utilisation et sur les traductions. "
                "Les supports sont disponibles ci-dessous."
            ),
            levers=["strategic-alliances"],
            audiences=["project-leaders"],
        )
        if not page.documents.exists():
            page.documents = [
                EventDocument(
                    document=make_slides(page.title),
                    label="Supports de présentation (PDF)",
                    locale=self.locale,
                )
            ]
            page.save_revision().publish()


def load(command):
    home = source_home()
    index, _ = get_or_create_page(
        home,
        EventIndexPage,
        "evenements",
        title="Événements",
        intro=(
            "Webinaires, ateliers, conférences et formations : rencontrez l'association et "
            "avancez sur votre modèle socio-économique."
        ),
    )
    agenda = DemoAgenda(index, home.locale)
    steps = [
        agenda.webinar_cycle,
        agenda.daily_cycle,
        agenda.workshops,
        agenda.past_event_with_replay,
    ]
    for step in progress(steps, description="Events"):
        step()
    give_image(index, hero_image("evenements", "evenements"), field="hero_image")
    for series in EventSeriesPage.objects.child_of(index):
        picture = demo_image(
            f"Cycle {series.slug}",
            "Motif de quarts de cercle, de triangles et de points, propre à ce cycle.",
            f"cycle-{series.slug}.png",
            (1200, 675),
            pattern(series.slug),
        )
        give_image(series, picture)
    add_menu_item(MENU_LABELS, index, group="agenda")
    add_menu_item(
        SERIES_MENU_LABELS,
        EventSeriesPage.objects.child_of(index).get(slug=WEBINAR_CYCLE_SLUG),
        group="training",
    )
    command.stdout.write(f"  events: {agenda.created} event(s) created")
