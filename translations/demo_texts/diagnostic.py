"""The self-diagnosis ("autodiagnostic") in German, Italian and English.

French segment -> (German, Italian, English). The levers and phases its answers score are
taxonomy terms, translated with the taxonomy (taxonomy/demo.py).
"""

DIAGNOSTIC_SLUGS = ["autodiagnostic"]

TEXTS = {
    "Autodiagnostic de votre modèle socio-économique": (
        "Selbstdiagnose Ihres sozioökonomischen Modells",
        "Autodiagnosi del vostro modello socio-economico",
        "Self-diagnosis of your socio-economic model",
    ),
    "En dix minutes, situez votre organisation sur les trois leviers de son modèle "
    "socio-économique et découvrez les outils qui vous aideront à avancer.": (
        "Verorten Sie Ihre Organisation in zehn Minuten auf den drei Hebeln ihres "
        "sozioökonomischen Modells und entdecken Sie die Werkzeuge, die Ihnen weiterhelfen.",
        "In dieci minuti, collocate la vostra organizzazione sulle tre leve del suo modello "
        "socio-economico e scoprite gli strumenti che vi aiuteranno ad avanzare.",
        "In ten minutes, place your organisation on the three levers of its socio-economic "
        "model and discover the tools that will help you move forward.",
    ),
    "Où en êtes-vous ?": ("Wo stehen Sie?", "A che punto siete?", "Where do you stand?"),
    "Quelques questions pour situer votre organisation.": (
        "Einige Fragen, um Ihre Organisation einzuordnen.",
        "Alcune domande per situare la vostra organizzazione.",
        "A few questions to place your organisation.",
    ),
    "À quelle étape se trouve votre projet ?": (
        "In welcher Phase befindet sich Ihr Projekt?",
        "In quale fase si trova il vostro progetto?",
        "What stage is your project at?",
    ),
    "Je me demande si j'ai envie d'entreprendre": (
        "Ich frage mich, ob ich unternehmerisch tätig werden möchte",
        "Mi chiedo se ho voglia di intraprendere",
        "I am wondering whether I want to be an entrepreneur",
    ),
    "Une idée prend forme en réponse à un besoin": (
        "Eine Idee nimmt als Antwort auf einen Bedarf Gestalt an",
        "Un'idea prende forma in risposta a un bisogno",
        "An idea is taking shape in answer to a need",
    ),
    "Nous avons décidé d'agir et bâtissons notre plan": (
        "Wir haben beschlossen zu handeln und erarbeiten unseren Plan",
        "Abbiamo deciso di agire e stiamo costruendo il nostro piano",
        "We have decided to act and are building our plan",
    ),
    "Nous avons démarré nos activités": (
        "Wir haben unsere Tätigkeit aufgenommen",
        "Abbiamo avviato le nostre attività",
        "We have started our activities",
    ),
    "Nous existons depuis plusieurs années et voulons revoir notre modèle": (
        "Wir bestehen seit mehreren Jahren und wollen unser Modell überprüfen",
        "Esistiamo da diversi anni e vogliamo rivedere il nostro modello",
        "We have existed for several years and want to review our model",
    ),
    "Ressources humaines": ("Personelle Ressourcen", "Risorse umane", "Human resources"),
    "Les personnes qui portent le projet : salariés, bénévoles, service civil.": (
        "Die Menschen, die das Projekt tragen: Angestellte, Freiwillige, Zivildienst.",
        "Le persone che portano avanti il progetto: dipendenti, volontari, servizio civile.",
        "The people who carry the project: staff, volunteers, civilian service.",
    ),
    "Les tâches essentielles reposent-elles sur plusieurs personnes ?": (
        "Ruhen die wesentlichen Aufgaben auf mehreren Schultern?",
        "I compiti essenziali poggiano su più persone?",
        "Do the essential tasks rest on several people?",
    ),
    "Pas du tout": ("Überhaupt nicht", "Per niente", "Not at all"),
    "Un peu": ("Ein wenig", "Un po'", "A little"),
    "En bonne partie": ("Zum grossen Teil", "In buona parte", "Largely"),
    "Tout à fait": ("Voll und ganz", "Del tutto", "Completely"),
    "Quelles ressources humaines mobilisez-vous aujourd'hui ?": (
        "Welche personellen Ressourcen setzen Sie heute ein?",
        "Quali risorse umane mobilitate oggi?",
        "Which human resources do you draw on today?",
    ),
    "Des personnes salariées": ("Angestellte", "Persone dipendenti", "Paid staff"),
    "Des bénévoles réguliers": (
        "Regelmässige Freiwillige",
        "Volontari regolari",
        "Regular volunteers",
    ),
    "Des civilistes ou stagiaires": (
        "Zivildienstleistende oder Praktikantinnen und Praktikanten",
        "Civilisti o stagisti",
        "Civilian service members or interns",
    ),
    "Aucune pour l'instant": ("Vorläufig keine", "Nessuna per ora", "None for now"),
    "Ressources financières et alliances": (
        "Finanzielle Ressourcen und Allianzen",
        "Risorse finanziarie e alleanze",
        "Financial resources and alliances",
    ),
    "Subventions, mécénat, recettes d'activité et partenariats.": (
        "Subventionen, Sponsoring, Einnahmen aus der eigenen Tätigkeit und Partnerschaften.",
        "Sovvenzioni, mecenatismo, ricavi dalle attività e partenariati.",
        "Grants, sponsorship, earned income and partnerships.",
    ),
    "D'où viennent vos ressources financières ?": (
        "Woher kommen Ihre finanziellen Ressourcen?",
        "Da dove provengono le vostre risorse finanziarie?",
        "Where do your financial resources come from?",
    ),
    "Des subventions publiques": (
        "Aus öffentlichen Subventionen",
        "Da sovvenzioni pubbliche",
        "Public grants",
    ),
    "Du mécénat ou des dons": (
        "Aus Sponsoring oder Spenden",
        "Da mecenatismo o donazioni",
        "Sponsorship or donations",
    ),
    "Des ventes de biens ou de services": (
        "Aus dem Verkauf von Gütern oder Dienstleistungen",
        "Da vendite di beni o servizi",
        "Sales of goods or services",
    ),
    "Nous n'avons pas encore de ressources": (
        "Wir haben noch keine Ressourcen",
        "Non abbiamo ancora risorse",
        "We have no resources yet",
    ),
    "Votre plus gros financeur représente-t-il plus de la moitié de votre budget ?": (
        "Macht Ihr grösster Geldgeber mehr als die Hälfte Ihres Budgets aus?",
        "Il vostro finanziatore principale rappresenta più della metà del vostro bilancio?",
        "Does your largest funder account for more than half of your budget?",
    ),
    "Oui": ("Ja", "Sì", "Yes"),
    "Non": ("Nein", "No", "No"),
    "Je ne sais pas": ("Ich weiss es nicht", "Non lo so", "I don't know"),
    "Avez-vous des partenaires avec qui vous partagez des ressources ou des projets ?": (
        "Haben Sie Partner, mit denen Sie Ressourcen oder Projekte teilen?",
        "Avete partner con cui condividete risorse o progetti?",
        "Do you have partners with whom you share resources or projects?",
    ),
    "Aucun": ("Keine", "Nessuno", "None"),
    "Un ou deux, de manière ponctuelle": (
        "Einen oder zwei, punktuell",
        "Uno o due, in modo occasionale",
        "One or two, now and then",
    ),
    "Plusieurs, avec des accords clairs": (
        "Mehrere, mit klaren Vereinbarungen",
        "Diversi, con accordi chiari",
        "Several, with clear agreements",
    ),
    "Un réseau d'alliés qui nous soutient durablement": (
        "Ein Netz von Verbündeten, das uns dauerhaft unterstützt",
        "Una rete di alleati che ci sostiene in modo duraturo",
        "A network of allies who support us over time",
    ),
    # Result bands.
    "À construire": ("Im Aufbau", "Da costruire", "To be built"),
    "Votre projet repose sur peu de personnes : c'est un risque. Les outils sur le bénévolat "
    "et la gouvernance vous aideront à répartir les rôles.": (
        "Ihr Projekt ruht auf wenigen Personen: Das ist ein Risiko. Die Werkzeuge zur "
        "Freiwilligenarbeit und zur Governance helfen Ihnen, die Rollen zu verteilen.",
        "Il vostro progetto poggia su poche persone: è un rischio. Gli strumenti sul "
        "volontariato e sulla governance vi aiuteranno a ripartire i ruoli.",
        "Your project rests on few people: that is a risk. The tools on volunteering and "
        "governance will help you share out the roles.",
    ),
    "En développement": ("In Entwicklung", "In sviluppo", "Developing"),
    "Vous mobilisez déjà plusieurs forces ; clarifiez maintenant qui fait quoi et comment "
    "vous fidélisez.": (
        "Sie mobilisieren bereits mehrere Kräfte; klären Sie nun, wer was tut und wie Sie die "
        "Menschen an sich binden.",
        "Mobilitate già diverse forze; chiarite ora chi fa cosa e come le fidelizzate.",
        "You already draw on several people; now make clear who does what and how you keep them.",
    ),
    "Solide": ("Solide", "Solido", "Solid"),
    "Votre équipe est un atout. Pensez à transmettre les savoir-faire pour durer.": (
        "Ihr Team ist eine Stärke. Denken Sie daran, das Know-how weiterzugeben, damit es "
        "Bestand hat.",
        "Il vostro gruppo è un punto di forza. Pensate a trasmettere il saper fare per durare.",
        "Your team is an asset. Remember to pass on know-how so that it lasts.",
    ),
    "Fragile": ("Fragil", "Fragile", "Fragile"),
    "Vos ressources financières sont faibles ou dépendent d'une seule source. Explorez les "
    "recettes d'activité et la diversification.": (
        "Ihre finanziellen Ressourcen sind gering oder hängen von einer einzigen Quelle ab. "
        "Erkunden Sie Einnahmen aus der eigenen Tätigkeit und die Diversifizierung.",
        "Le vostre risorse finanziarie sono scarse o dipendono da una sola fonte. Esplorate i "
        "ricavi dalle attività e la diversificazione.",
        "Your financial resources are low or depend on a single source. Explore earned income "
        "and diversification.",
    ),
    "En diversification": ("In Diversifizierung", "In diversificazione", "Diversifying"),
    "Vous combinez plusieurs sources : consolidez celles qui vous rendent moins dépendants.": (
        "Sie kombinieren mehrere Quellen: Festigen Sie jene, die Sie weniger abhängig machen.",
        "Combinate diverse fonti: consolidate quelle che vi rendono meno dipendenti.",
        "You combine several sources: strengthen those that make you less dependent.",
    ),
    "Équilibré": ("Ausgewogen", "Equilibrato", "Balanced"),
    "Votre financement est diversifié. Gardez un œil sur sa durabilité.": (
        "Ihre Finanzierung ist breit abgestützt. Behalten Sie ihre Nachhaltigkeit im Auge.",
        "Il vostro finanziamento è diversificato. Tenete d'occhio la sua durata.",
        "Your funding is diversified. Keep an eye on how long it will last.",
    ),
    "Isolé": ("Isoliert", "Isolato", "Isolated"),
    "Vous avancez seuls. Des alliances stratégiques peuvent vous apporter ressources, "
    "légitimité et idées.": (
        "Sie sind allein unterwegs. Strategische Allianzen können Ihnen Ressourcen, "
        "Glaubwürdigkeit und Ideen bringen.",
        "Avanzate da soli. Alleanze strategiche possono portarvi risorse, legittimità e idee.",
        "You are going it alone. Strategic alliances can bring you resources, legitimacy and "
        "ideas.",
    ),
    "En réseau": ("Vernetzt", "In rete", "Networked"),
    "Vous avez des partenaires ; formalisez ce que chacun apporte et attend.": (
        "Sie haben Partner; halten Sie fest, was alle einbringen und erwarten.",
        "Avete dei partner; formalizzate ciò che ognuno apporta e si aspetta.",
        "You have partners; put in writing what each one brings and expects.",
    ),
    "Allié": ("Verbündet", "Alleato", "Allied"),
    "Vos alliances sont une force : partagez votre expérience avec d'autres.": (
        "Ihre Allianzen sind eine Stärke: Teilen Sie Ihre Erfahrung mit anderen.",
        "Le vostre alleanze sono una forza: condividete la vostra esperienza con altri.",
        "Your alliances are a strength: share your experience with others.",
    ),
}
