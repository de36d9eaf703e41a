"""Demo content in French: guides (one per phase, one for funders), training modules, two
training paths (one trains trainers) and shared business models, with their index pages in the
main menu. The trainers' materials lie in the collection only trainers may open (guides/roles.py).

Guides' steps use the demo tool sheets (tools/demo.py, ORDER 30), chosen by life-cycle phase and
sheet number. When no tool exists yet, guides are created without steps and filled on a later
run. Idempotent: everything is looked up by slug first.
"""

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from weasyprint import HTML

from core.demo_images import demo_image, give_image, hero_image, pattern
from core.demo_utils import get_or_create_page, source_home
from core.pdf import regeneration_paused
from core.progress import progress
from home.demo import add_menu_item
from taxonomy.models import Audience, Lever, Phase
from tools.models import ToolPage

from .models import (
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
from .roles import TRAINER_COLLECTION

ORDER = 40

MENU_LABELS = {
    "guides": {"fr": "Fils rouges", "de": "Leitfäden", "it": "Fili conduttori", "en": "Guides"},
    "training": {"fr": "Formations", "de": "Weiterbildungen", "it": "Formazioni", "en": "Training"},
    "models": {
        "fr": "Modèles partagés",
        "de": "Geteilte Modelle",
        "it": "Modelli condivisi",
        "en": "Shared models",
    },
}

# slug, title, intro, introduction (HTML), audiences, phases, partner (name, website).
GUIDES = [
    (
        "fil-rouge-curiosite",
        "Fil rouge « Curiosité » : ai-je envie d'entreprendre ?",
        "Quelques outils courts pour vérifier votre envie, vos motivations et vos ressources avant de vous lancer.",
        "<p>Vous avez une idée, une indignation ou une envie d'agir, mais vous ne savez pas encore si l'entrepreneuriat social est fait pour vous. Ce parcours vous aide à mettre des mots sur vos motivations, à mesurer le temps et l'énergie dont vous disposez et à rencontrer d'autres personnes qui ont fait le pas.</p><p>Comptez quelques soirées, seul·e ou avec une personne de confiance.</p>",
        ["project-leaders", "students"],
        ["curiosity"],
        None,
    ),
    (
        "fil-rouge-conception",
        "Fil rouge « Conception » : de l'idée au modèle",
        "Formuler le problème, décrire les personnes concernées et dessiner une première version du modèle socio-économique.",
        "<p>Votre idée répond à un problème ou saisit une opportunité. Il s'agit maintenant de la formuler clairement, de vérifier qu'elle répond à un besoin réel et d'esquisser les trois leviers de votre modèle : ressources humaines, ressources financières et alliances.</p><p>Ce fil rouge se parcourt idéalement en petit groupe de quatre à huit personnes, sur trois ou quatre séances.</p>",
        ["project-leaders", "social-entrepreneurs"],
        ["conception"],
        None,
    ),
    (
        "fil-rouge-maturation",
        "Fil rouge « Maturation » : bâtir un plan solide",
        "De la décision d'agir à un plan réaliste : chiffres, gouvernance, partenaires et mesure d'impact.",
        "<p>La décision est prise : le projet se fera. Reste à le rendre solide. Ce parcours vous guide dans le chiffrage du modèle, le choix d'une forme juridique et d'une gouvernance, la préparation des partenariats et la définition d'indicateurs d'impact vérifiables.</p><p>À la fin, vous disposez d'un dossier que vous pouvez présenter à un bailleur de fonds ou à une collectivité.</p>",
        ["project-leaders", "social-entrepreneurs"],
        ["maturation"],
        None,
    ),
    (
        "fil-rouge-lancement",
        "Fil rouge « Lancement » : démarrer et tenir la première année",
        "Organiser le démarrage, suivre les premiers chiffres et ajuster le modèle sans s'épuiser.",
        "<p>Les premiers bénéficiaires arrivent, les premières factures aussi. Ce fil rouge réunit les outils qui aident à tenir le cap pendant la première année : tableau de bord, organisation du bénévolat, communication et premier bilan d'impact.</p>",
        ["project-leaders", "social-entrepreneurs"],
        ["launch"],
        None,
    ),
    (
        "guide-bailleurs-de-fonds",
        "Guide pour les bailleurs de fonds : des dossiers comparables",
        "Les outils à recommander aux porteurs de projets pour recevoir des demandes plus complètes, plus cohérentes et plus faciles à comparer.",
        "<p>Fondations, loteries et services publics reçoivent des demandes très inégales. En recommandant ce parcours aux organisations qui vous sollicitent, vous recevez des dossiers qui décrivent le problème, le modèle socio-économique, les partenaires et les indicateurs d'impact de la même manière.</p><p>Ce guide a été élaboré avec une fondation partenaire à partir de ses critères d'analyse.</p>",
        ["funders", "public-bodies"],
        ["conception", "maturation"],
        ("Fondation Léman Solidaire", "https://fondation-leman-solidaire.example.org"),
    ),
]

# The steps of each guide: (sheet number of the tool, our commentary, expected output).
GUIDE_STEPS = {
    "fil-rouge-curiosite": [
        (
            "01",
            "Commencez par là : une dizaine d'affirmations simples pour savoir si vous vous reconnaissez dans l'entrepreneuriat social. Répondez sans réfléchir trop longtemps.",
            "Votre score, et les trois affirmations qui vous ont fait hésiter.",
        ),
        (
            "03",
            "Une envie d'agir part presque toujours d'une indignation. L'arbre à problèmes vous aide à distinguer le problème de ses causes et de ses conséquences.",
            "Un arbre dessiné à la main, avec le problème qui vous tient le plus à cœur au centre.",
        ),
        (
            "15",
            "Faites le point sur ce que vous savez faire et sur ce qui vous manque ; notez les personnes qui pourraient compléter vos compétences.",
            "Une liste de vos forces et de trois compétences à trouver chez d'autres.",
        ),
        (
            "04",
            "Qui agit déjà sur ce problème près de chez vous ? La carte des parties prenantes évite de réinventer ce qui existe et révèle de futurs alliés.",
            "Une carte avec au moins cinq acteurs à rencontrer, et une décision écrite : continuer, attendre ou renoncer.",
        ),
    ],
    "fil-rouge-conception": [
        (
            "03",
            "Posez d'abord le problème : sans énoncé partagé, le groupe dessine des solutions différentes sans s'en rendre compte.",
            "Un énoncé du problème en une phrase, validé par tout le groupe.",
        ),
        (
            "05",
            "Décrivez ensuite les personnes concernées et ce qu'elles vivent ; allez les rencontrer plutôt que de les imaginer.",
            "Deux ou trois personas nourris par de vraies rencontres.",
        ),
        (
            "04",
            "Repérez qui est concerné, qui décide et qui peut aider, avant de dessiner le modèle.",
            "La carte des parties prenantes, avec les alliés possibles en évidence.",
        ),
        (
            "06",
            "Formulez ce que votre projet change pour les personnes concernées, en une phrase qu'elles comprendraient.",
            "Une proposition de valeur sociale testée auprès de trois personnes.",
        ),
        (
            "02a",
            "Remplissez une première fois le canevas à neuf blocs, au crayon : il changera encore. Travaillez à quatre à huit personnes.",
            "Un premier canevas complet, avec les questions encore ouvertes notées en marge.",
        ),
    ],
    "fil-rouge-maturation": [
        (
            "07",
            "Reliez vos activités aux changements que vous visez : c'est la colonne vertébrale de tout le plan.",
            "Une théorie du changement sur une page.",
        ),
        (
            "02b",
            "Approfondissez le canevas : chaque bloc est précisé, chiffré quand c'est possible.",
            "Le canevas de deuxième niveau, cohérent avec la théorie du changement.",
        ),
        (
            "09",
            "Chiffrez le modèle : charges, recettes d'activité, subventions, dons et bénévolat valorisé. Les écarts apparaissent vite.",
            "Un budget prévisionnel sur trois ans.",
        ),
        (
            "11a",
            "Équilibrez les sources de financement pour ne dépendre d'aucune d'elles.",
            "Un mix de financement cible, avec les sources à solliciter en premier.",
        ),
        (
            "17",
            "Choisissez la forme juridique et rédigez les statuts en connaissance de cause : qui décide de quoi.",
            "Un projet de statuts relu par une personne extérieure.",
        ),
        (
            "20",
            "Rassemblez le tout dans un pitch de trois minutes et testez-le auprès d'un partenaire bienveillant.",
            "Un pitch répété, et la liste des questions qu'il a suscitées.",
        ),
    ],
    "fil-rouge-lancement": [
        (
            "10",
            "Suivez la trésorerie mois par mois dès le démarrage, avant d'être submergé·e par le quotidien.",
            "Un plan de trésorerie sur douze mois, mis à jour chaque mois.",
        ),
        (
            "14",
            "Écrivez avec les bénévoles ce que chacun apporte et ce que l'organisation leur doit.",
            "Une charte du bénévolat signée par les premiers bénévoles.",
        ),
        (
            "13",
            "Organisez l'accueil des bénévoles : c'est souvent la ressource la plus précieuse et la plus fragile.",
            "Un parcours d'accueil en trois étapes pour chaque nouvelle personne.",
        ),
        (
            "21",
            "Racontez ce que vous faites : une histoire vraie convainc mieux qu'un argumentaire.",
            "Un plan de communication pour les six premiers mois.",
        ),
        (
            "19",
            "Formalisez les partenariats clés avant la première difficulté.",
            "Une convention signée avec chaque partenaire principal.",
        ),
        (
            "08",
            "Choisissez trois à cinq indicateurs que vous suivrez vraiment et faites un premier bilan à la fin de l'année.",
            "Un tableau d'indicateurs rempli pour la première année.",
        ),
    ],
    "guide-bailleurs-de-fonds": [
        (
            "03",
            "Demandez cet outil en premier : il oblige à formuler le problème avant la solution, ce qui facilite votre analyse.",
            "Un arbre à problèmes joint à la demande.",
        ),
        (
            "02a",
            "Le canevas rempli vous donne en une page la vue d'ensemble du modèle.",
            "Le canevas à neuf blocs du projet, en annexe du dossier.",
        ),
        (
            "07",
            "La théorie du changement montre comment les activités financées mènent aux effets annoncés.",
            "Une théorie du changement sur une page.",
        ),
        (
            "09",
            "Le budget rend visibles les ressources non monétaires (bénévolat, prêts de locaux), souvent absentes des demandes.",
            "Un budget prévisionnel qui distingue recettes propres, subventions et contributions en nature.",
        ),
        (
            "08",
            "Les indicateurs proposés ici servent ensuite au rapport final : convenez-en dès la demande.",
            "Trois à cinq indicateurs d'impact, avec leur valeur de départ.",
        ),
    ],
}

# slug, title, intro, objectives, duration, hours, prerequisites, audiences, for trainers,
# facilitation notes, timing, preparation, sheet numbers of the tools, materials
# [(title, for trainers)].
TRAININGS = [
    (
        "atelier-canevas-modele",
        "Atelier « Dessiner son modèle socio-économique »",
        "Une journée pour remplir le canevas à neuf blocs de son organisation, en groupe.",
        "<ul><li>Décrire son organisation avec les neuf blocs du canevas.</li><li>Distinguer "
        "les trois leviers : ressources humaines, financières et alliances.</li><li>Repérer "
        "les deux ou trois points faibles du modèle actuel.</li></ul>",
        "Une journée (7 heures)",
        Decimal("7"),
        "<p>Aucun prérequis. Venez si possible à deux personnes de la même organisation.</p>",
        ["project-leaders", "social-entrepreneurs"],
        False,
        "<p>Commencez par les valeurs, au centre du canevas : c'est ce qui permet ensuite de "
        "trancher les désaccords. Laissez les groupes écrire sur des notes repositionnables et "
        "ne corrigez pas trop tôt.</p>",
        "<ul><li>9 h 00 : accueil et tour de table (30 min)</li><li>9 h 30 : les valeurs et le "
        "contexte (1 h)</li><li>10 h 45 : problème, publics, offre (1 h 30)</li><li>13 h 30 : "
        "ressources et partenaires (1 h 30)</li><li>15 h 15 : indicateurs et restitution "
        "(1 h 30)</li></ul>",
        "<ul><li>Une affiche A0 du canevas par groupe</li><li>Des notes repositionnables de "
        "trois couleurs</li><li>Envoyer le questionnaire d'auto-diagnostic une semaine "
        "avant</li></ul>",
        ["02a", "06", "04"],
        [("Support de l'atelier", False), ("Déroulé détaillé pour l'animation", True)],
    ),
    (
        "formation-mesure-impact",
        "Mesurer son impact sans s'y perdre",
        "Deux demi-journées pour choisir des indicateurs utiles et les suivre dans la durée.",
        "<ul><li>Formuler la chaîne de l'impact, des activités aux effets.</li><li>Choisir "
        "trois à cinq indicateurs vérifiables.</li><li>Organiser la collecte des données sans "
        "alourdir le travail.</li></ul>",
        "Deux demi-journées",
        Decimal("7"),
        "<p>Avoir déjà décrit son modèle, par exemple lors de l'atelier sur le canevas.</p>",
        ["social-entrepreneurs", "umbrella-organisations"],
        False,
        "<p>Partez des exemples des participants. Insistez sur les indicateurs que "
        "l'organisation utilise déjà sans le savoir.</p>",
        "<ul><li>Première demi-journée : la chaîne de l'impact (3 h 30)</li><li>Seconde "
        "demi-journée : indicateurs et collecte (3 h 30)</li></ul>",
        "<ul><li>Des exemples de rapports d'impact anonymisés</li><li>Un tableur partagé par "
        "groupe</li></ul>",
        ["07", "08"],
        [("Fiches d'exercices", False)],
    ),
    (
        "former-les-formateurs",
        "Former les formateurs : transmettre les outils",
        "Pour consultantes, consultants et formateurs qui veulent animer les outils de "
        "l'association dans leur propre travail.",
        "<ul><li>Animer un atelier sur le canevas à neuf blocs.</li><li>Adapter les outils à "
        "un public (faîtières, écoles, collectivités).</li><li>Recueillir les retours des "
        "participants et les partager avec l'association.</li></ul>",
        "Deux jours et une séance de suivi",
        Decimal("16"),
        "<p>Avoir participé à l'atelier « Dessiner son modèle socio-économique » ou l'avoir "
        "animé avec un membre de l'association.</p>",
        ["academics", "umbrella-organisations"],
        True,
        "<p>Chaque participant anime une séquence de trente minutes devant le groupe, puis "
        "reçoit un retour structuré. Le formateur intervient le moins possible pendant "
        "l'animation.</p>",
        "<ul><li>Jour 1 : les outils de l'intérieur (7 h)</li><li>Jour 2 : animations en "
        "situation et retours (7 h)</li><li>Suivi à un mois : partage d'expériences "
        "(2 h)</li></ul>",
        "<ul><li>Une salle modulable et un grand mur</li><li>Des tirages A0 de trois "
        "outils</li><li>Une grille d'observation par participant</li></ul>",
        ["02a", "03", "07", "20"],
        [("Grille d'observation des animations", True), ("Guide de l'animateur", True)],
    ),
]

# slug, title, intro, introduction (HTML), audiences, steps: (module slug, before, after).
TRAINING_PATHS = [
    (
        "devenir-formateur-sbm",
        "Devenir formateur·rice SBM",
        "Trois modules pour animer à votre tour les outils de l'association dans votre "
        "travail de conseil ou d'enseignement.",
        "<p>Ce parcours s'adresse aux consultantes, formateurs et enseignantes qui veulent "
        "transmettre les outils. Vous vivez d'abord les ateliers comme participant·e, puis "
        "vous apprenez à les animer devant un groupe qui vous fait un retour.</p><p>Comptez "
        "quatre jours répartis sur deux à trois mois.</p>",
        ["academics", "umbrella-organisations"],
        [
            (
                "atelier-canevas-modele",
                "Aucun : venez avec une organisation que vous connaissez bien.",
                "Décrire une organisation avec les neuf blocs du canevas et expliquer les "
                "trois leviers d'un modèle socio-économique.",
            ),
            (
                "formation-mesure-impact",
                "Avoir suivi l'atelier sur le canevas.",
                "Choisir avec une organisation trois à cinq indicateurs d'impact et organiser "
                "leur suivi.",
            ),
            (
                "former-les-formateurs",
                "Avoir suivi les deux modules précédents.",
                "Animer seul·e un atelier sur les outils et transmettre les retours des "
                "participants à l'association.",
            ),
        ],
    ),
    (
        "piloter-son-modele",
        "Décrire puis piloter son modèle",
        "Deux modules pour mettre votre modèle à plat, puis suivre ses effets dans la durée.",
        "<p>Pour les équipes d'une organisation qui veulent revoir leur modèle "
        "socio-économique ensemble. Venez si possible à deux ou trois personnes.</p>",
        ["project-leaders", "social-entrepreneurs"],
        [
            (
                "atelier-canevas-modele",
                "",
                "Présenter le modèle de votre organisation sur une page et en nommer les "
                "points faibles.",
            ),
            (
                "formation-mesure-impact",
                "Le canevas de votre organisation, rempli lors du premier module.",
                "Suivre quelques indicateurs choisis et en rendre compte à vos partenaires.",
            ),
        ],
    ),
]

# slug, title, intro, organisation, country, region, place, sector, year, levers, canvas,
# measures, adapted from (slug), story, sheet numbers of the tools used.
MODELS = [
    (
        "panier-solidaire-fribourg",
        "Le Panier solidaire : une épicerie coopérative de quartier",
        "Une épicerie gérée par ses membres qui vend des produits locaux à prix différenciés "
        "selon les revenus.",
        "Coopérative Le Panier solidaire",
        "Suisse",
        Region.ROMANDIE,
        "Fribourg",
        Sector.FOOD,
        2016,
        ["human-resources", "financial-resources"],
        {
            "values": "Se nourrir bien est un droit ; la solidarité passe par le prix.",
            "situation": "Un quartier populaire de Fribourg sans commerce de proximité depuis "
            "la fermeture d'une supérette.",
            "problem": "Les ménages modestes renoncent aux produits frais et locaux, jugés trop "
            "chers, alors que des producteurs peinent à vendre en direct.",
            "beneficiaries": "Les habitants du quartier, en particulier les familles à petit "
            "budget ; une quarantaine de producteurs de la région.",
            "channels": "Le bouche-à-oreille, l'association de quartier, les services "
            "sociaux de la ville et une lettre d'information mensuelle.",
            "offer": "Une épicerie ouverte cinq jours par semaine, des prix en trois paliers "
            "selon les revenus, des ateliers de cuisine.",
            "resources": "Trois heures de bénévolat par mois et par membre, deux postes "
            "salariés à temps partiel, les parts sociales des membres et une subvention "
            "communale pour le loyer.",
            "success_measures": "Nombre de ménages membres, part des ventes au palier réduit, "
            "chiffre d'affaires reversé aux producteurs.",
            "partners": "La commune, l'association de quartier, une coopérative de producteurs "
            "et une banque alternative.",
        },
        [
            ("ménages membres", "410", "2024"),
            ("part des ventes au palier réduit", "31 %", "2024"),
            ("versés aux producteurs de la région", "CHF 620 000", "2024"),
        ],
        None,
        "<p>Tout a commencé par une soirée de quartier où plusieurs familles ont constaté "
        "qu'elles faisaient vingt minutes de bus pour acheter des légumes. La coopérative a "
        "ouvert un an plus tard dans l'ancienne supérette.</p><p>Notre conseil : fixez les "
        "paliers de prix avec les services sociaux, pas seuls.</p>",
        ["02a", "11a", "13"],
    ),
    (
        "roue-libre-lausanne",
        "Roue Libre : un atelier vélo d'insertion",
        "Un atelier qui répare et revend des vélos en offrant un premier emploi à des "
        "personnes éloignées du marché du travail.",
        "Association Roue Libre",
        "Suisse",
        Region.ROMANDIE,
        "Lausanne",
        Sector.EMPLOYMENT,
        2012,
        ["human-resources", "strategic-alliances"],
        {
            "values": "Chacun a des compétences ; le travail bien fait redonne confiance.",
            "situation": "Une ville qui développe le vélo et des centaines de vélos abandonnés "
            "chaque année.",
            "problem": "Des personnes au chômage de longue durée n'ont pas d'expérience "
            "récente à faire valoir auprès des employeurs.",
            "beneficiaries": "Douze personnes en insertion par an ; les habitants qui cherchent "
            "un vélo d'occasion fiable.",
            "channels": "Le service de l'emploi, une boutique en ville et une vente aux enchères "
            "annuelle.",
            "offer": "Des vélos révisés et garantis, un service de réparation, des contrats "
            "d'insertion de six à douze mois.",
            "resources": "Quatre encadrants salariés, les ventes (55 % du budget), des "
            "mesures cantonales d'insertion et des dons de vélos.",
            "success_measures": "Taux de retour à l'emploi ou en formation six mois après "
            "la fin du contrat, nombre de vélos remis en circulation.",
            "partners": "Le service cantonal de l'emploi, la police (vélos trouvés), deux "
            "entreprises de transport et un magasin de cycles.",
        },
        [
            ("vélos remis en circulation", "1 150", "2024"),
            ("retour à l'emploi ou en formation", "64 %", "2022-2024"),
        ],
        None,
        "<p>L'atelier est né dans un garage prêté par une paroisse. La vente aux enchères "
        "annuelle, d'abord pensée comme une fête, est devenue une source de revenus "
        "importante.</p>",
        ["02a", "12", "19"],
    ),
    (
        "panier-solidaire-annecy",
        "L'Épicerie des Aravis : le modèle du Panier solidaire en montagne",
        "Une adaptation rurale du Panier solidaire de Fribourg : une épicerie coopérative "
        "itinérante dans trois villages.",
        "SCIC L'Épicerie des Aravis",
        "France",
        Region.FRANCE,
        "Haute-Savoie",
        Sector.FOOD,
        2021,
        ["human-resources", "strategic-alliances"],
        {
            "values": "Se nourrir bien est un droit, y compris loin des villes.",
            "situation": "Trois villages de montagne sans commerce alimentaire, éloignés de "
            "vingt kilomètres du premier supermarché.",
            "problem": "Les personnes âgées et sans voiture dépendent de leurs proches pour "
            "faire leurs courses.",
            "beneficiaries": "Les habitants des trois villages, surtout les personnes âgées ; "
            "les producteurs de la vallée.",
            "channels": "Les mairies, le bulletin municipal et un camion-épicerie qui passe "
            "deux fois par semaine.",
            "offer": "Une épicerie itinérante avec les prix en trois paliers repris de "
            "Fribourg, et la livraison à domicile pour les personnes âgées.",
            "resources": "Des sociétaires bénévoles, un salarié, un camion financé par les "
            "communes et la région.",
            "success_measures": "Nombre de foyers servis, nombre de livraisons à domicile, "
            "part des produits locaux.",
            "partners": "Les trois communes, un groupement de producteurs et le Panier "
            "solidaire de Fribourg, qui a partagé ses outils.",
        },
        [("foyers servis chaque semaine", "135", "2024")],
        "panier-solidaire-fribourg",
        "<p>Nous avons découvert le Panier solidaire lors d'une rencontre transfrontalière. "
        "Ses membres nous ont transmis leurs statuts et leurs grilles de prix ; nous avons "
        "remplacé la boutique par un camion.</p>",
        ["02a", "18", "19"],
    ),
    (
        "repartout-geneve",
        "Répar'Tout : un réseau de cafés-réparation",
        "Des rendez-vous mensuels où des bénévoles réparent avec les habitants ce qui serait jeté.",
        "Association Répar'Tout",
        "Suisse",
        Region.ROMANDIE,
        "Genève",
        Sector.ENVIRONMENT,
        2019,
        ["human-resources", "strategic-alliances"],
        {
            "values": "Réparer plutôt que jeter ; transmettre les savoir-faire.",
            "situation": "Une agglomération où les déchets électriques et textiles augmentent "
            "chaque année.",
            "problem": "Beaucoup d'objets sont jetés faute de savoir ou de pouvoir les réparer.",
            "beneficiaries": "Les habitants de douze quartiers ; les bénévoles retraités qui "
            "transmettent leur métier.",
            "channels": "Les maisons de quartier, les réseaux sociaux et un agenda commun.",
            "offer": "Un café-réparation par mois et par quartier, des fiches de réparation "
            "en ligne.",
            "resources": "Quatre-vingts bénévoles, une coordinatrice à mi-temps, une "
            "subvention cantonale pour la réduction des déchets et des dons.",
            "success_measures": "Nombre d'objets réparés, poids de déchets évités, nombre de "
            "bénévoles actifs.",
            "partners": "Le canton, les maisons de quartier et un magasin de pièces détachées.",
        },
        [
            ("objets réparés", "2 340", "2024"),
            ("déchets évités", "9 tonnes", "2024"),
        ],
        None,
        "<p>Le premier café-réparation a réuni six bénévoles et trente visiteurs. Le réseau "
        "a grandi quartier par quartier, chacun gardant son nom et son ambiance.</p>",
        ["13", "14", "08"],
    ),
]


def _terms(model, slugs, locale):
    return list(model.objects.filter(slug__in=slugs, locale=locale))


def _french_tools(locale):
    """French tool sheets, live, by sheet number, each with its phase slugs."""
    tools = list(
        ToolPage.objects.live()
        .filter(locale=locale)
        .prefetch_related("phases")
        .order_by("sheet_number", "pk")
    )
    for tool in tools:
        tool.phase_slugs = {phase.slug for phase in tool.phases.all()}
    return tools


def _guide_steps(slug, phases, tools):
    """(tool, commentary, expected output) of a guide's steps.

    The tools are found by sheet number; when the tool library does not have them (an edited
    library), the guide falls back to the tools of its phases with a generic commentary.
    """
    by_number = {tool.sheet_number: tool for tool in tools}
    steps = [
        (by_number[number], commentary, output)
        for number, commentary, output in GUIDE_STEPS[slug]
        if number in by_number
    ]
    if steps:
        return steps
    in_phase = [tool for tool in tools if tool.phase_slugs & set(phases)]
    return [
        (
            tool,
            "Un outil choisi pour cette étape de la vie de l'organisation.",
            f"La fiche {tool.sheet_number} remplie et partagée avec l'équipe.",
        )
        for tool in in_phase[:5]
    ]


def _tools_by_number(tools, numbers):
    by_number = {tool.sheet_number: tool for tool in tools}
    return [by_number[number] for number in numbers if number in by_number]


def _trainer_collection():
    """The collection whose files only trainers may open (created by setup_site)."""
    return Collection.objects.get(name=TRAINER_COLLECTION)


def _pdf_document(title, text, collection=None):
    """A small PDF document in the library (training materials of the demo)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    pdf = HTML(
        string=f"<html lang='fr'><body><h1>{title}</h1><p>{text}</p></body></html>"
    ).write_pdf()
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(f"{title[:40]}.pdf", ContentFile(pdf), save=False)
    document.save()
    return document


def _partner_logo(name):
    """A plain logo image for the demo partner (initials on a coloured square)."""
    Image = get_image_model()
    title = f"Logo {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (240, 120), (11, 93, 75))
    draw = ImageDraw.Draw(picture)
    initials = "".join(word[0] for word in name.split() if word[0].isupper())[:3]
    draw.text((20, 40), initials, fill=(255, 255, 255), font_size=40)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name="logo-partenaire.png"))
    image.save()
    return image


def _load_guides(home, tools):
    index, _ = get_or_create_page(
        home,
        GuideIndexPage,
        "fils-rouges",
        title="Fils rouges et guides",
        intro="Des parcours d'outils validés, choisis pour un public ou une étape de la vie "
        "d'une organisation. Chaque fil rouge se télécharge en un seul PDF.",
    )
    locale = home.locale
    created = 0
    for row in progress(GUIDES, description="Guides"):
        slug, title, intro, introduction, audiences, phases, partner = row
        guide = index.get_children().filter(slug=slug).first()
        if guide is None:
            guide = GuidePage(
                slug=slug, title=title, intro=intro, introduction=introduction, locale=locale
            )
            if partner:
                guide.partner_name, guide.partner_url = partner
                guide.partner_logo = _partner_logo(partner[0])
            guide.audiences = _terms(Audience, audiences, locale)
            guide.phases = _terms(Phase, phases, locale)
            index.add_child(instance=guide)
            created += 1
        else:
            guide = guide.specific
            if guide.steps.exists() or not tools:
                continue
        guide.steps = [
            GuideStep(
                tool=tool,
                commentary=f"<p>{commentary}</p>",
                expected_output=output,
                sort_order=position,
                locale=locale,
            )
            for position, (tool, commentary, output) in enumerate(_guide_steps(slug, phases, tools))
        ]
        guide.save_revision().publish()
    return index, created


def _load_trainings(home, tools):
    index, _ = get_or_create_page(
        home,
        TrainingIndexPage,
        "formations",
        title="Formations",
        intro="Des modules pour appliquer les outils dans votre organisation, et pour former "
        "celles et ceux qui les transmettent.",
    )
    locale = home.locale
    created = 0
    for row in progress(TRAININGS, description="Training modules"):
        (slug, title, intro, objectives, duration, hours, prerequisites, audiences,
         for_trainers, notes, timing, preparation, tool_numbers, materials) = row  # fmt: skip
        if index.get_children().filter(slug=slug).exists():
            continue
        module = TrainingModulePage(
            slug=slug,
            title=title,
            intro=intro,
            learning_objectives=objectives,
            duration=duration,
            duration_hours=hours,
            prerequisites=prerequisites,
            for_trainers=for_trainers,
            facilitation_notes=notes,
            timing=timing,
            preparation=preparation,
            locale=locale,
        )
        module.audiences = _terms(Audience, audiences, locale)
        module.tools = _tools_by_number(tools, tool_numbers)
        module.materials = [
            TrainingMaterial(
                title=material_title,
                document=_pdf_document(
                    f"{material_title} – {title}",
                    f"Document de travail du module « {title} ».",
                    _trainer_collection() if trainers_only else None,
                ),
                for_trainers_only=trainers_only,
                sort_order=order,
                locale=locale,
            )
            for order, (material_title, trainers_only) in enumerate(materials)
        ]
        index.add_child(instance=module)
        module.save_revision().publish()
        created += 1
    # Trainers' documents of a demo made before they had a collection of their own.
    trainer_documents = TrainingMaterial.objects.filter(
        page__in=TrainingModulePage.objects.child_of(index), for_trainers_only=True
    ).values("document")
    get_document_model().objects.filter(pk__in=trainer_documents).exclude(
        collection=_trainer_collection()
    ).update(collection=_trainer_collection())
    return index, created


def _load_training_paths(index):
    locale = index.locale
    modules = {module.slug: module for module in TrainingModulePage.objects.child_of(index)}
    created = 0
    for slug, title, intro, introduction, audiences, steps in TRAINING_PATHS:
        if index.get_children().filter(slug=slug).exists():
            continue
        training_path = TrainingPathPage(
            slug=slug, title=title, intro=intro, introduction=introduction, locale=locale
        )
        training_path.audiences = _terms(Audience, audiences, locale)
        training_path.steps = [
            TrainingPathStep(
                module=modules[module_slug],
                prerequisites=before,
                outcomes=after,
                sort_order=position,
                locale=locale,
            )
            for position, (module_slug, before, after) in enumerate(steps)
        ]
        index.add_child(instance=training_path)
        training_path.save_revision().publish()
        created += 1
    return created


def _load_models(home, tools):
    index, _ = get_or_create_page(
        home,
        BusinessModelIndexPage,
        "modeles-partages",
        title="Modèles partagés",
        intro="Des organisations dont le modèle fonctionne le partagent librement, pour que "
        "d'autres l'adaptent à leur contexte.",
    )
    locale = home.locale
    created = 0
    for row in progress(MODELS, description="Shared models"):
        (slug, title, intro, organisation, country, region, place, sector, year, levers,
         canvas, measures, adapted_from, story, tool_numbers) = row  # fmt: skip
        if index.get_children().filter(slug=slug).exists():
            continue
        model = BusinessModelPage(
            slug=slug,
            title=title,
            intro=intro,
            organisation=organisation,
            country=country,
            region=region,
            place=place,
            sector=sector,
            year=year,
            story=story,
            locale=locale,
            **canvas,
        )
        if adapted_from:
            model.adapted_from = index.get_children().filter(slug=adapted_from).specific().first()
        model.levers = _terms(Lever, levers, locale)
        model.tools = _tools_by_number(tools, tool_numbers)
        model.impact_measures = [
            ImpactMeasure(
                indicator=indicator, value=value, period=period, sort_order=order, locale=locale
            )
            for order, (indicator, value, period) in enumerate(measures)
        ]
        index.add_child(instance=model)
        model.save_revision().publish()
        created += 1
    return index, created


def load(command):
    # The PDFs of the guides and shared models are rendered when first asked for.
    with regeneration_paused():
        _load(command)


def _load(command):
    home = source_home()
    tools = _french_tools(home.locale)
    guides_index, guides = _load_guides(home, tools)
    training_index, trainings = _load_trainings(home, tools)
    paths = _load_training_paths(training_index)
    models_index, models = _load_models(home, tools)
    for index, slug in [
        (guides_index, "guides"),
        (training_index, "formations"),
        (models_index, "modeles"),
    ]:
        give_image(index, hero_image(slug, slug), field="hero_image")
    for model in BusinessModelPage.objects.child_of(models_index):
        picture = demo_image(
            f"Modèle {model.slug}",
            f"Motif géométrique aux couleurs de l'association, pour {model.organisation}.",
            f"modele-{model.slug}.png",
            (1200, 675),
            pattern(model.slug),
        )
        give_image(model, picture)
    add_menu_item(MENU_LABELS["guides"], guides_index, group="tools")
    add_menu_item(MENU_LABELS["training"], training_index, group="training")
    add_menu_item(MENU_LABELS["models"], models_index, group="tools")
    command.stdout.write(
        f"  guides: {guides} guide(s), {trainings} training module(s), {paths} training "
        f"path(s), {models} shared model(s) created"
    )
