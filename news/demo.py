"""Demo news: the "Actualités" index and six news items, in French."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from core.demo_images import give_image, hero_image
from core.demo_utils import get_or_create_page, source_home
from core.progress import progress
from events.models import EventPage, EventSeriesPage
from home.demo import add_menu_item
from taxonomy.models import Theme
from tools.models import ToolPage

from .models import NewsIndexPage, NewsPage

ORDER = 90

MENU_LABELS = {"fr": "Actualités", "de": "Aktuelles", "it": "Notizie", "en": "News"}
# The agenda's cycle of daily posts (events/demo.py), which the cycle's news items belong to.
CYCLE_SLUG = "21-jours-pour-convaincre"

NEWS = [
    {
        "slug": "lancement-21-jours-pour-convaincre",
        "themes": ["communication", "strategy"],
        "title": "« 21 jours pour convaincre » : le cycle commence lundi",
        "date": datetime.date(2026, 9, 7),
        "author": "Claire Rochat",
        "summary": "Pendant trois semaines, une étape par jour pour apprendre à présenter "
        "le modèle socio-économique de votre organisation à vos partenaires.",
        "paragraphs": [
            "Chaque matin, nous publierons une courte étape : un exercice de dix minutes, un "
            "exemple tiré d'une association romande et un outil de la bibliothèque pour aller "
            "plus loin.",
            "Le cycle s'adresse aux comités, aux directions et aux bénévoles qui doivent "
            "défendre un projet devant une fondation, une commune ou un futur allié.",
        ],
        "tools": ["02a", "03"],
        "in_cycle": True,
        "cycle_position": None,
        "image": True,
    },
    {
        "slug": "jour-1-raconter-votre-raison-d-etre",
        "themes": ["communication"],
        "title": "Jour 1 : raconter votre raison d'être en trois phrases",
        "date": datetime.date(2026, 9, 8),
        "author": "Claire Rochat",
        "summary": "Première étape du cycle : formuler pourquoi votre organisation existe, "
        "pour qui et ce qui changerait si elle disparaissait.",
        "paragraphs": [
            "Prenez la case centrale du canevas, celle des valeurs, et écrivez trois phrases "
            "que n'importe qui peut comprendre sans connaître votre secteur.",
            "Lisez-les à voix haute à une personne extérieure : si elle peut les répéter, "
            "vous tenez votre point de départ.",
        ],
        "tools": ["02a"],
        "in_cycle": True,
        "cycle_position": 1,
    },
    {
        "slug": "jour-2-qui-beneficie-de-votre-action",
        "themes": ["communication", "impact-measurement"],
        "title": "Jour 2 : qui bénéficie vraiment de votre action ?",
        "date": datetime.date(2026, 9, 9),
        "author": "Claire Rochat",
        "summary": "Deuxième étape : distinguer les bénéficiaires, les publics cibles et "
        "celles et ceux qui financent, pour parler à chacun avec les bons mots.",
        "paragraphs": [
            "Un financeur n'attend pas les mêmes preuves qu'un bénéficiaire. Dressez la liste "
            "de vos publics et notez, pour chacun, ce qu'il gagne à votre projet.",
        ],
        "tools": ["03"],
        "in_cycle": True,
        "cycle_position": 2,
    },
    {
        "slug": "webinaire-ressources-financieres-octobre",
        "themes": ["funding"],
        "title": "Webinaire d'octobre : diversifier ses ressources financières",
        "date": datetime.date(2026, 9, 21),
        "author": "Marc Delacrétaz",
        "summary": "Le troisième jeudi d'octobre, de 13 h à 14 h 30, un webinaire gratuit "
        "sur l'équilibre entre subventions, mécénat et recettes d'activité.",
        "paragraphs": [
            "Nous partirons de trois organisations vaudoises et genevoises qui ont revu leur "
            "modèle ces dernières années, et de ce qu'elles referaient autrement.",
            "Le webinaire est ouvert à toutes et à tous ; l'enregistrement sera mis à "
            "disposition des membres.",
        ],
        "tools": ["04", "05"],
        "events": "webinar",
        "cycle_position": None,
    },
    {
        "slug": "trente-membres-pour-la-bibliotheque-d-outils",
        "themes": ["volunteering"],
        "title": "Plus de 55 outils publiés grâce à une trentaine de membres",
        "date": datetime.date(2026, 10, 2),
        "author": "Comité de Social Business Models",
        "summary": "La bibliothèque d'outils franchit un cap : merci aux bénévoles qui "
        "rédigent, relisent et traduisent les fiches.",
        "paragraphs": [
            "Chaque fiche passe par une relecture avant publication, et vos commentaires "
            "comme vos exemples d'utilisation restent les bienvenus une fois qu'elle est en "
            "ligne.",
            "Envie de contribuer ? Proposez un outil ou une traduction depuis la fiche elle-même.",
        ],
        "tools": ["01"],
        "cycle_position": None,
    },
    {
        "slug": "nouvelle-fiche-alliances-strategiques",
        "themes": ["partnerships", "strategy"],
        "title": "Nouvelle fiche : cartographier ses alliances stratégiques",
        "date": datetime.date(2026, 10, 15),
        "author": "Sofia Bianchi",
        "summary": "Une fiche pour repérer les partenaires qui comptent, ce que vous "
        "échangez avec eux et les alliances qu'il reste à nouer.",
        "paragraphs": [
            "Partenariats, réseaux et faîtières sont le troisième levier d'un modèle "
            "socio-économique, souvent le moins travaillé.",
            "La fiche propose un poster à imprimer et une grille à remplir à quatre ou six "
            "personnes en deux heures environ.",
        ],
        "tools": ["06", "07"],
        "cycle_position": None,
    },
]


def _cover_image():
    """A plain illustration for the cycle's announcement: three coloured steps."""
    Image = get_image_model()
    title = "Illustration 21 jours pour convaincre"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (1200, 630), (245, 247, 246))
    draw = ImageDraw.Draw(picture)
    for step, colour in enumerate([(11, 93, 75), (40, 120, 160), (190, 90, 40)]):
        left = 150 + step * 320
        draw.rectangle((left, 430 - step * 120, left + 260, 560), fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name="21-jours.png"))
    image.save()
    return image


def load(command):
    home = source_home()
    index, _created = get_or_create_page(
        home,
        NewsIndexPage,
        "actualites",
        title="Actualités",
        intro="Les nouvelles de l'association : outils publiés, cycles, webinaires et ateliers.",
    )
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=home.locale)}
    tools = {
        tool.sheet_number: tool
        for tool in ToolPage.objects.filter(locale=home.locale).only("id", "sheet_number")
    }
    cycle = EventSeriesPage.objects.filter(locale=home.locale, slug=CYCLE_SLUG).first()
    next_webinar = list(
        EventPage.objects.filter(
            locale=home.locale, event_format="webinar", start__gte=timezone.now()
        ).order_by("start")[:1]
    )
    created = 0
    for row in progress(NEWS, description="News"):
        if index.get_children().filter(slug=row["slug"]).exists():
            continue
        item = NewsPage(
            slug=row["slug"],
            title=row["title"],
            date=row["date"],
            author=row["author"],
            summary=row["summary"],
            body=[("paragraph", f"<p>{text}</p>") for text in row["paragraphs"]],
            cycle=cycle if row.get("in_cycle") else None,
            cycle_position=row["cycle_position"],
            locale=home.locale,
        )
        if row.get("image"):
            item.image = _cover_image()
            item.image_alt = "Trois marches de couleur qui montent, symbole des étapes du cycle."
        item.themes = [themes[slug] for slug in row["themes"] if slug in themes]
        item.related_tools = [tools[number] for number in row["tools"] if number in tools]
        item.related_events = next_webinar if row.get("events") == "webinar" else []
        index.add_child(instance=item)
        item.save_revision().publish()
        created += 1
    give_image(index, hero_image("actualites", "actualites"), field="hero_image")
    add_menu_item(MENU_LABELS, index, group="agenda")
    command.stdout.write(f"News: {created} news items created.")
