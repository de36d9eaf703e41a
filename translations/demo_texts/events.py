"""The events index and the monthly webinar cycle, with its twelve webinars, in German,
Italian and English.

French segment -> (German, Italian, English). The webinars' titles and introductions are built
the way events/demo.py builds the French ones, from one translated title per webinar.
"""

from events.demo import WEBINARS

EVENT_SLUGS = ["evenements", "cycle-webinaires-modeles-socio-economiques"]
WEBINAR_SLUGS = [f"webinaire-{number:02d}" for number in range(1, len(WEBINARS) + 1)]

WEBINAR_TITLES = {
    "Comprendre son modèle socio-économique": (
        "Das eigene sozioökonomische Modell verstehen",
        "Capire il proprio modello socio-economico",
        "Understanding your socio-economic model",
    ),
    "Le canevas en neuf blocs, pas à pas": (
        "Das Canvas mit neun Feldern, Schritt für Schritt",
        "Il canvas in nove blocchi, passo dopo passo",
        "The nine-block canvas, step by step",
    ),
    "Bénévoles et salariés : trouver le bon équilibre": (
        "Freiwillige und Angestellte: das richtige Gleichgewicht finden",
        "Volontari e dipendenti: trovare il giusto equilibrio",
        "Volunteers and staff: finding the right balance",
    ),
    "Diversifier ses ressources financières": (
        "Die finanziellen Ressourcen breiter abstützen",
        "Diversificare le proprie risorse finanziarie",
        "Diversifying your financial resources",
    ),
    "Mécénat et fondations : préparer une demande solide": (
        "Sponsoring und Stiftungen: ein überzeugendes Gesuch vorbereiten",
        "Mecenatismo e fondazioni: preparare una richiesta solida",
        "Sponsorship and foundations: preparing a strong application",
    ),
    "Vendre ses services sans perdre son âme": (
        "Dienstleistungen verkaufen, ohne sich selbst untreu zu werden",
        "Vendere i propri servizi senza perdere l'anima",
        "Selling your services without losing your soul",
    ),
    "Construire des alliances stratégiques": (
        "Strategische Allianzen aufbauen",
        "Costruire alleanze strategiche",
        "Building strategic alliances",
    ),
    "Mesurer son impact avec des indicateurs simples": (
        "Die eigene Wirkung mit einfachen Indikatoren messen",
        "Misurare il proprio impatto con indicatori semplici",
        "Measuring your impact with simple indicators",
    ),
    "Gouvernance partagée : qui décide quoi ?": (
        "Geteilte Governance: Wer entscheidet was?",
        "Governance condivisa: chi decide cosa?",
        "Shared governance: who decides what?",
    ),
    "Présenter son modèle à un bailleur de fonds": (
        "Das eigene Modell einem Geldgeber vorstellen",
        "Presentare il proprio modello a un finanziatore",
        "Presenting your model to a funder",
    ),
    "Les collectivités publiques comme partenaires": (
        "Die öffentliche Hand als Partnerin",
        "Gli enti pubblici come partner",
        "Public bodies as partners",
    ),
    "Bilan du cycle : ce que nous avons appris ensemble": (
        "Bilanz der Reihe: was wir gemeinsam gelernt haben",
        "Bilancio del ciclo: ciò che abbiamo imparato insieme",
        "Looking back on the series: what we learnt together",
    ),
}


def _webinar_texts():
    texts = {}
    for number, (title, _lever) in enumerate(WEBINARS, start=1):
        german, italian, english = WEBINAR_TITLES[title]
        texts[f"Webinaire {number} : {title}"] = (
            f"Webinar {number}: {german}",
            f"Webinar {number}: {italian}",
            f"Webinar {number}: {english}",
        )
        texts[
            f"Le {number}e rendez-vous du cycle : une heure et demie pour avancer sur "
            f"« {title.lower()} », avec des exemples romands et du temps pour vos questions."
        ] = (
            f"Der {number}. Termin der Reihe: anderthalb Stunden, um beim Thema «{german}» "
            "weiterzukommen, mit Beispielen aus der Romandie und Zeit für Ihre Fragen.",
            f"Il {number}° appuntamento del ciclo: un'ora e mezza per avanzare su "
            f"«{italian[0].lower()}{italian[1:]}», con esempi della Svizzera romanda e tempo "
            "per le vostre domande.",
            f"Session {number} of the series: an hour and a half to make progress on "
            f"“{english[0].lower()}{english[1:]}”, with examples from French-speaking "
            "Switzerland and time for your questions.",
        )
    return texts


TEXTS = {
    "Événements": ("Veranstaltungen", "Eventi", "Events"),
    "Webinaires, ateliers, conférences et formations : rencontrez l'association et avancez "
    "sur votre modèle socio-économique.": (
        "Webinare, Workshops, Vorträge und Weiterbildungen: Lernen Sie den Verein kennen und "
        "kommen Sie mit Ihrem sozioökonomischen Modell voran.",
        "Webinar, laboratori, conferenze e formazioni: incontrate l'associazione e fate "
        "avanzare il vostro modello socio-economico.",
        "Webinars, workshops, conferences and trainings: meet the association and make "
        "progress on your socio-economic model.",
    ),
    "Cycle de webinaires : les modèles socio-économiques en douze étapes": (
        "Webinarreihe: sozioökonomische Modelle in zwölf Etappen",
        "Ciclo di webinar: i modelli socio-economici in dodici tappe",
        "Webinar series: socio-economic models in twelve steps",
    ),
    "Douze webinaires d'une heure et demie, chaque troisième jeudi du mois de 13h00 à 14h30, "
    "d'octobre à octobre. Chaque séance peut se suivre seule.": (
        "Zwölf Webinare von je anderthalb Stunden, jeden dritten Donnerstag im Monat von 13.00 "
        "bis 14.30 Uhr, von Oktober bis Oktober. Jede Sitzung lässt sich auch einzeln besuchen.",
        "Dodici webinar di un'ora e mezza, ogni terzo giovedì del mese dalle 13.00 alle 14.30, "
        "da ottobre a ottobre. Ogni incontro si può seguire da solo.",
        "Twelve webinars of an hour and a half, every third Thursday of the month from 1 pm to "
        "2.30 pm, from October to October. Each session can be followed on its own.",
    ),
    "Un cycle de sensibilisation ouvert à toutes les organisations de l'économie sociale et "
    "solidaire : associations, coopératives, fondations et entreprises sociales. Chaque mois, "
    "un levier du modèle socio-économique, un outil de la bibliothèque et le témoignage d'une "
    "organisation romande.": (
        "Eine Einführungsreihe, offen für alle Organisationen der Sozial- und "
        "Solidarwirtschaft: Vereine, Genossenschaften, Stiftungen und Sozialunternehmen. Jeden "
        "Monat ein Hebel des sozioökonomischen Modells, ein Werkzeug aus der Bibliothek und der "
        "Erfahrungsbericht einer Organisation aus der Romandie.",
        "Un ciclo di sensibilizzazione aperto a tutte le organizzazioni dell'economia sociale e "
        "solidale: associazioni, cooperative, fondazioni e imprese sociali. Ogni mese, una leva "
        "del modello socio-economico, uno strumento della biblioteca e la testimonianza di "
        "un'organizzazione romanda.",
        "An awareness series open to every organisation of the social and solidarity economy: "
        "associations, cooperatives, foundations and social enterprises. Each month, one lever "
        "of the socio-economic model, one tool from the library and the story of an "
        "organisation from French-speaking Switzerland.",
    ),
    "Associations, coopératives et entreprises sociales": (
        "Vereine, Genossenschaften und Sozialunternehmen",
        "Associazioni, cooperative e imprese sociali",
        "Associations, cooperatives and social enterprises",
    ),
    "Présentation de 30 minutes, étude de cas de 30 minutes, puis questions et échanges. Le "
    "lien de connexion est envoyé avec la confirmation.": (
        "30 Minuten Vortrag, 30 Minuten Fallstudie, danach Fragen und Austausch. Der "
        "Zugangslink wird mit der Bestätigung verschickt.",
        "Presentazione di 30 minuti, studio di caso di 30 minuti, poi domande e scambi. Il link "
        "di collegamento viene inviato con la conferma.",
        "A 30-minute presentation, a 30-minute case study, then questions and discussion. The "
        "link to join is sent with the confirmation.",
    ),
    "membre du comité": ("Vorstandsmitglied", "membro del comitato", "committee member"),
    **_webinar_texts(),
}
