"""The association's own pages in French: home, about, the seven domains, contact, legal."""

from wagtail.models import Locale, Site

from core.demo_images import give_image, hero_image
from core.demo_utils import get_or_create_page, source_home
from core.i18n import sync_locale_trees

from .models import Footer, FooterLink, MainMenu, SiteSettings, StandardPage

ORDER = 20

DOMAINS = [
    (
        "Co-création d'outils",
        "Membres et personnes extérieures proposent des outils, des révisions, des exemples et "
        "des traductions ; un processus de relecture garantit leur qualité.",
    ),
    (
        "Diffusion des outils",
        "Webinaires, ateliers, conférences, cours et réseaux sociaux : chaque public reçoit les "
        "outils par le canal qui lui parle.",
    ),
    (
        "Formation et formation de formateurs",
        "Des modules pour appliquer les outils, et pour que consultants et formatrices les "
        "transmettent à leur tour : un effet multiplicateur.",
    ),
    (
        "Annuaire de prestataires",
        "Des spécialistes qui ont déjà appliqué les outils accompagnent les organisations en "
        "création ou en révision.",
    ),
    (
        "Fils rouges et guides",
        "Des parcours cohérents d'outils validés pour les faîtières, les bailleurs de fonds, les "
        "collectivités et les écoles.",
    ),
    (
        "Partage de modèles en open source",
        "Une organisation dont le modèle fonctionne le partage librement pour que d'autres "
        "l'adaptent à leur contexte.",
    ),
    (
        "Alliances et partenariats",
        "Échanges avec des organisations suisses et internationales pour traduire, diffuser et "
        "adapter les outils ailleurs.",
    ),
]

VALUES = [
    ("Intelligence collective", "Les meilleurs outils naissent à plusieurs."),
    ("Responsabilité partagée", "Le bien-être social est l'affaire de toutes et tous."),
    ("Coopération et partenariat", "Nous avançons avec les autres, pas à côté."),
    ("Dire ce que l'on fait, faire ce que l'on dit", "La transparence comme règle de conduite."),
    ("Apprendre tout au long de la vie", "Chaque projet nous apprend quelque chose."),
]


def paragraph(html):
    return ("paragraph", html)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def load(command):
    home = source_home()
    created = []

    if not home.intro:
        home.title = "Social Business Models"
        home.intro = (
            "Des outils, des formations et des modèles pour bâtir des modèles économiques "
            "durables dans l'économie sociale et solidaire."
        )
        home.search_description = (
            "Association romande qui co-crée et diffuse librement des outils pour les modèles "
            "socio-économiques de l'économie sociale et solidaire."
        )
        home.body = [
            paragraph(
                "<p>Social Business Models est une association bénévole de Suisse romande. "
                "Plus de cinquante-cinq outils, rédigés et relus par une trentaine de membres, "
                "aident associations, coopératives et entreprises sociales à articuler leurs trois "
                "leviers : les ressources humaines, les ressources financières et les alliances "
                "stratégiques.</p>"
            ),
            (
                "cards",
                {
                    "heading": "Nos sept domaines d'activité",
                    "cards": [
                        {"title": title, "text": text, "page": None, "external_url": ""}
                        for title, text in DOMAINS
                    ],
                },
            ),
        ]
        home.save_revision().publish()
        created.append(home)
    give_image(home, hero_image("accueil", "accueil"), field="hero_image")

    about, was_created = get_or_create_page(
        home,
        StandardPage,
        "association",
        title="L'association",
        intro=(
            "Une plateforme romande, nationale et internationale de co-création de concepts et "
            "d'outils de gouvernance et de gestion pour l'économie sociale et solidaire."
        ),
        body=[
            heading("Notre mission"),
            paragraph(
                "<p>Nos statuts nous donnent une mission simple : favoriser l'économie sociale et "
                "solidaire en mettant à sa disposition un écosystème complet d'outils, de "
                "formations et de modèles, pour que chaque organisation puisse construire un "
                "modèle économique qui dure.</p>"
            ),
            paragraph(
                "<p>L'association vit surtout du travail bénévole de ses membres. Nous voulons "
                "que notre propre modèle économique soit lui aussi durable : c'est pourquoi nous "
                "appliquons à nous-mêmes les outils que nous publions.</p>"
            ),
            heading("Nos valeurs"),
            paragraph(
                "<ul>"
                + "".join(f"<li><b>{name}</b> : {text}</li>" for name, text in VALUES)
                + "</ul>"
            ),
            (
                "quote",
                {
                    "quote": "Un bon outil est un outil que l'on peut prendre, adapter et "
                    "transmettre.",
                    "attribution": "Le comité de Social Business Models",
                },
            ),
        ],
    )
    if was_created:
        created.append(about)

    domains, was_created = get_or_create_page(
        home,
        StandardPage,
        "domaines-activite",
        title="Nos domaines d'activité",
        intro=(
            "Sept domaines font vivre la mission de l'association, avec des activités de soutien."
        ),
        body=[
            item
            for title, text in DOMAINS
            for item in (heading(title), paragraph(f"<p>{text}</p>"))
        ]
        + [
            heading("Activités de soutien"),
            paragraph(
                "<p>Administration et finances, site internet, relations publiques et presse, "
                "recherche de financement et veille stratégique.</p>"
            ),
        ],
    )
    if was_created:
        created.append(domains)

    simple_pages = [
        (
            "contact",
            "Contact",
            "Une question, une idée d'outil, l'envie de devenir membre ? Écrivez-nous.",
            "<p>Le plus simple est de nous écrire par courriel : une ou un bénévole vous répond "
            "dans la semaine. Vous pouvez aussi nous rencontrer lors de nos webinaires et "
            "ateliers.</p>",
        ),
        (
            "mentions-legales",
            "Mentions légales",
            "Qui publie ce site et sous quelles conditions.",
            "<p>Ce site est publié par l'association Social Business Models, association à but "
            "non lucratif au sens des articles 60 et suivants du Code civil suisse. Sauf mention "
            "contraire, les outils sont publiés sous licence Creative Commons Attribution - "
            "Partage dans les mêmes conditions 4.0 (CC BY-SA 4.0).</p>",
        ),
        (
            "protection-des-donnees",
            "Protection des données",
            "Les données que nous recevons et ce que nous en faisons.",
            "<p>Nous ne collectons que les données nécessaires : votre nom et votre adresse "
            "lorsque vous vous inscrivez à un événement ou proposez une contribution. Les "
            "statistiques de téléchargement sont anonymes. Chaque type de donnée est effacé "
            "ou rendu anonyme au terme de la durée indiquée ci-dessous. Vous pouvez demander à "
            "tout moment l'accès à vos données ou leur suppression.</p>",
        ),
    ]
    # The privacy page lists the retention periods as the settings set them.
    extra_blocks = {"protection-des-donnees": [("retention_periods", None)]}
    pages = {}
    for slug, title, intro, text in simple_pages:
        page, was_created = get_or_create_page(
            home,
            StandardPage,
            slug,
            title=title,
            intro=intro,
            body=[paragraph(text), *extra_blocks.get(slug, [])],
        )
        pages[slug] = page
        if was_created:
            created.append(page)

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = "info@socialbusinessmodels.ch"
        site_settings.postal_address = "Association Social Business Models\n1000 Lausanne\nSuisse"
        site_settings.linkedin_url = "https://www.linkedin.com/company/social-business-models"
        site_settings.modelling_app_url = "https://my-sbm-design.example.org"
        site_settings.save()

    locale = Locale.get_default()
    if not MainMenu.objects.filter(locale=locale).exists():
        menu = MainMenu(name="Menu principal", locale=locale)
        association = MENU_GROUPS["association"]["fr"]
        menu.add_link(association, about.title, page=about)
        menu.add_link(association, domains.title, page=domains)
        menu.add_link(association, "Contact", page=pages["contact"])
        created.append(menu)
    if not Footer.objects.filter(locale=locale).exists():
        footer = Footer(
            locale=locale,
            text="<p>Social Business Models : des outils libres pour des modèles "
            "socio-économiques durables.</p>",
        )
        footer.links = [
            FooterLink(label="Mentions légales", link_page=pages["mentions-legales"], sort_order=0),
            FooterLink(
                label="Protection des données",
                link_page=pages["protection-des-donnees"],
                sort_order=1,
            ),
        ]
        footer.save()
        created.append(footer)
    created += translate_chrome(locale)
    command.stdout.write(f"  home: {len(created)} object(s) created or filled")


# The menu's groups, in their order, with their name in each language.
MENU_GROUPS = {
    "tools": {"fr": "Outils", "de": "Werkzeuge", "it": "Strumenti", "en": "Tools"},
    "training": {"fr": "Se former", "de": "Weiterbildung", "it": "Formarsi", "en": "Learn"},
    "agenda": {"fr": "Agenda", "de": "Agenda", "it": "Agenda", "en": "Calendar"},
    "providers": {"fr": "Prestataires", "de": "Fachleute", "it": "Consulenti", "en": "Providers"},
    "association": {
        "fr": "L'association",
        "de": "Der Verein",
        "it": "L'associazione",
        "en": "The association",
    },
}


def _group_label(group, code):
    return MENU_GROUPS[group].get(code, MENU_GROUPS[group]["fr"])


def _group_position(menu, group, code):
    """Where a new group goes among the menu's groups: before the first one that comes after
    it in MENU_GROUPS."""
    order = list(MENU_GROUPS)
    later = {_group_label(key, code) for key in order[order.index(group) + 1 :]}
    labels = [existing["value"]["label"] for existing in menu.groups.raw_data]
    return next((index for index, label in enumerate(labels) if label in later), len(labels))


def add_menu_item(labels, page, group):
    """Let another domain's demo add its page to a group of every language's main menu, once.

    `labels` maps language codes to the link's label; French is required. `group` is a key of
    MENU_GROUPS; the group is created in its place when the menu has none yet.
    """
    sync_locale_trees()
    for menu in MainMenu.objects.select_related("locale"):
        code = menu.locale.language_code
        target = _translated_page(page, menu.locale)
        if target.pk in menu.linked_page_ids():
            continue
        menu.add_link(
            _group_label(group, code),
            labels.get(code, labels["fr"]),
            page=target,
            position=_group_position(menu, group, code),
        )


# Labels of the menu and footer in the other languages, keyed by the French label.
CHROME_LABELS = {
    "L'association": {"de": "Der Verein", "it": "L'associazione", "en": "The association"},
    "Nos domaines d'activité": {
        "de": "Unsere Tätigkeitsbereiche",
        "it": "I nostri ambiti di attività",
        "en": "Our fields of activity",
    },
    "Contact": {"de": "Kontakt", "it": "Contatto", "en": "Contact"},
    "Mentions légales": {"de": "Impressum", "it": "Note legali", "en": "Legal notice"},
    "Protection des données": {"de": "Datenschutz", "it": "Protezione dei dati", "en": "Privacy"},
}
FOOTER_TEXT = {
    "de": "<p>Social Business Models: freie Werkzeuge für nachhaltige sozioökonomische "
    "Modelle.</p>",
    "it": "<p>Social Business Models: strumenti liberi per modelli socio-economici "
    "sostenibili.</p>",
    "en": "<p>Social Business Models: open tools for lasting socio-economic models.</p>",
}


def _translated_page(page, locale):
    if page is None:
        return None
    return page.get_translation_or_none(locale) or page


def translate_chrome(source_locale):
    """Give each language its menu and footer, pointing at that language's pages."""
    sync_locale_trees()
    created = []
    source_menu = MainMenu.objects.get(locale=source_locale)
    source_footer = Footer.objects.get(locale=source_locale)
    for locale in Locale.objects.exclude(pk=source_locale.pk):
        code = locale.language_code
        if not MainMenu.objects.filter(locale=locale).exists():
            menu = MainMenu(
                name=source_menu.name, locale=locale, translation_key=source_menu.translation_key
            )
            group_keys = {labels["fr"]: key for key, labels in MENU_GROUPS.items()}
            for group in source_menu.groups:
                key = group_keys.get(group.value["label"])
                group_label = _group_label(key, code) if key else group.value["label"]
                for link in group.value["links"]:
                    menu.add_link(
                        group_label,
                        CHROME_LABELS.get(link["label"], {}).get(code, link["label"]),
                        page=_translated_page(link["page"], locale),
                        url=link["external_url"],
                    )
            menu.save()
            created.append(menu)
        if not Footer.objects.filter(locale=locale).exists():
            footer = Footer(
                locale=locale,
                translation_key=source_footer.translation_key,
                text=FOOTER_TEXT.get(code, source_footer.text),
            )
            footer.links = [
                FooterLink(
                    label=CHROME_LABELS.get(link.label, {}).get(code, link.label),
                    link_page=_translated_page(link.link_page, locale),
                    link_url=link.link_url,
                    sort_order=link.sort_order,
                )
                for link in source_footer.links.all()
            ]
            footer.save()
            created.append(footer)
    return created
