"""The home page, "L'association" and the domains page in German, Italian and English.

French segment -> (German, Italian, English).
"""

PAGE_SLUGS = ["association", "domaines-activite"]

TEXTS = {
    "Social Business Models": (
        "Social Business Models",
        "Social Business Models",
        "Social Business Models",
    ),
    "Association romande qui co-crée et diffuse librement des outils pour les modèles "
    "socio-économiques de l'économie sociale et solidaire.": (
        "Verein aus der Romandie, der frei nutzbare Werkzeuge für die Geschäftsmodelle der "
        "Sozial- und Solidarwirtschaft gemeinsam entwickelt und verbreitet.",
        "Associazione della Svizzera romanda che co-crea e diffonde liberamente strumenti per i "
        "modelli socio-economici dell'economia sociale e solidale.",
        "An association from French-speaking Switzerland that co-creates and freely shares tools "
        "for the business models of the social and solidarity economy.",
    ),
    "Des outils, des formations et des modèles pour bâtir des modèles économiques durables "
    "dans l'économie sociale et solidaire.": (
        "Werkzeuge, Weiterbildungen und Modelle für nachhaltige Geschäftsmodelle in der Sozial- "
        "und Solidarwirtschaft.",
        "Strumenti, formazioni e modelli per costruire modelli economici duraturi nell'economia "
        "sociale e solidale.",
        "Tools, trainings and models to build lasting business models in the social and "
        "solidarity economy.",
    ),
    "Social Business Models est une association bénévole de Suisse romande. Plus de "
    "cinquante-cinq outils, rédigés et relus par une trentaine de membres, aident associations, "
    "coopératives et entreprises sociales à articuler leurs trois leviers : les ressources "
    "humaines, les ressources financières et les alliances stratégiques.": (
        "Social Business Models ist ein ehrenamtlich getragener Verein aus der Westschweiz. Mehr "
        "als fünfundfünfzig Werkzeuge, von rund dreissig Mitgliedern verfasst und geprüft, helfen "
        "Vereinen, Genossenschaften und Sozialunternehmen, ihre drei Hebel aufeinander "
        "abzustimmen: personelle Ressourcen, finanzielle Ressourcen und strategische Allianzen.",
        "Social Business Models è un'associazione di volontariato della Svizzera romanda. Più di "
        "cinquantacinque strumenti, scritti e riletti da una trentina di soci, aiutano "
        "associazioni, cooperative e imprese sociali ad articolare le loro tre leve: le risorse "
        "umane, le risorse finanziarie e le alleanze strategiche.",
        "Social Business Models is a volunteer association in French-speaking Switzerland. More "
        "than fifty-five tools, written and reviewed by some thirty members, help associations, "
        "cooperatives and social enterprises to combine their three levers: human resources, "
        "financial resources and strategic alliances.",
    ),
    "Nos sept domaines d'activité": (
        "Unsere sieben Tätigkeitsbereiche",
        "I nostri sette ambiti di attività",
        "Our seven areas of activity",
    ),
    "Co-création d'outils": (
        "Gemeinsame Entwicklung von Werkzeugen",
        "Co-creazione di strumenti",
        "Co-creation of tools",
    ),
    "Membres et personnes extérieures proposent des outils, des révisions, des exemples et des "
    "traductions ; un processus de relecture garantit leur qualité.": (
        "Mitglieder und externe Personen schlagen Werkzeuge, Überarbeitungen, Beispiele und "
        "Übersetzungen vor; ein Prüfverfahren sichert ihre Qualität.",
        "Soci e persone esterne propongono strumenti, revisioni, esempi e traduzioni; un "
        "processo di revisione ne garantisce la qualità.",
        "Members and outside contributors propose tools, revisions, examples and translations; "
        "a review process guarantees their quality.",
    ),
    "Diffusion des outils": (
        "Verbreitung der Werkzeuge",
        "Diffusione degli strumenti",
        "Spreading the tools",
    ),
    "Webinaires, ateliers, conférences, cours et réseaux sociaux : chaque public reçoit les "
    "outils par le canal qui lui parle.": (
        "Webinare, Workshops, Vorträge, Kurse und soziale Netzwerke: Jedes Publikum erhält die "
        "Werkzeuge über den Kanal, der es anspricht.",
        "Webinar, laboratori, conferenze, corsi e social network: ogni pubblico riceve gli "
        "strumenti attraverso il canale che gli è più vicino.",
        "Webinars, workshops, conferences, courses and social networks: each audience receives "
        "the tools through the channel that speaks to it.",
    ),
    "Formation et formation de formateurs": (
        "Weiterbildung und Ausbildung von Ausbildenden",
        "Formazione e formazione dei formatori",
        "Training and training of trainers",
    ),
    "Des modules pour appliquer les outils, et pour que consultants et formatrices les "
    "transmettent à leur tour : un effet multiplicateur.": (
        "Module, um die Werkzeuge anzuwenden, und damit Beraterinnen und Ausbildner sie "
        "ihrerseits weitergeben: ein Multiplikatoreffekt.",
        "Moduli per applicare gli strumenti, e perché consulenti e formatrici li trasmettano a "
        "loro volta: un effetto moltiplicatore.",
        "Modules to apply the tools, and for consultants and trainers to pass them on in turn: "
        "a multiplier effect.",
    ),
    "Annuaire de prestataires": (
        "Verzeichnis der Fachleute",
        "Elenco dei prestatori",
        "Directory of providers",
    ),
    "Des spécialistes qui ont déjà appliqué les outils accompagnent les organisations en "
    "création ou en révision.": (
        "Fachleute, die die Werkzeuge bereits angewendet haben, begleiten Organisationen bei "
        "ihrer Gründung oder Neuausrichtung.",
        "Specialisti che hanno già applicato gli strumenti accompagnano le organizzazioni in "
        "fase di creazione o di revisione.",
        "Specialists who have already applied the tools support organisations that are being "
        "created or revised.",
    ),
    "Fils rouges et guides": (
        "Leitfäden und Wegweiser",
        "Fili conduttori e guide",
        "Guiding paths and guides",
    ),
    "Des parcours cohérents d'outils validés pour les faîtières, les bailleurs de fonds, les "
    "collectivités et les écoles.": (
        "Stimmige Abfolgen geprüfter Werkzeuge für Dachverbände, Geldgeber, Gemeinwesen und "
        "Schulen.",
        "Percorsi coerenti di strumenti convalidati per organizzazioni mantello, finanziatori, "
        "enti pubblici e scuole.",
        "Coherent paths of validated tools for umbrella organisations, funders, public bodies "
        "and schools.",
    ),
    "Partage de modèles en open source": (
        "Modelle als Open Source teilen",
        "Condivisione di modelli in open source",
        "Sharing models as open source",
    ),
    "Une organisation dont le modèle fonctionne le partage librement pour que d'autres "
    "l'adaptent à leur contexte.": (
        "Eine Organisation, deren Modell funktioniert, teilt es frei, damit andere es an ihr "
        "Umfeld anpassen.",
        "Un'organizzazione il cui modello funziona lo condivide liberamente perché altri lo "
        "adattino al proprio contesto.",
        "An organisation whose model works shares it freely so that others can adapt it to "
        "their own context.",
    ),
    "Alliances et partenariats": (
        "Allianzen und Partnerschaften",
        "Alleanze e partenariati",
        "Alliances and partnerships",
    ),
    "Échanges avec des organisations suisses et internationales pour traduire, diffuser et "
    "adapter les outils ailleurs.": (
        "Austausch mit Schweizer und internationalen Organisationen, um die Werkzeuge anderswo "
        "zu übersetzen, zu verbreiten und anzupassen.",
        "Scambi con organizzazioni svizzere e internazionali per tradurre, diffondere e "
        "adattare gli strumenti altrove.",
        "Exchanges with Swiss and international organisations to translate, spread and adapt "
        "the tools elsewhere.",
    ),
    "L'association": ("Der Verein", "L'associazione", "The association"),
    "Une plateforme romande, nationale et internationale de co-création de concepts et "
    "d'outils de gouvernance et de gestion pour l'économie sociale et solidaire.": (
        "Eine Plattform aus der Romandie, national und international, für die gemeinsame "
        "Entwicklung von Konzepten und Werkzeugen der Führung und Verwaltung in der Sozial- und "
        "Solidarwirtschaft.",
        "Una piattaforma romanda, nazionale e internazionale di co-creazione di concetti e "
        "strumenti di governance e di gestione per l'economia sociale e solidale.",
        "A platform, in French-speaking Switzerland, nationally and internationally, for "
        "co-creating governance and management concepts and tools for the social and "
        "solidarity economy.",
    ),
    "Notre mission": ("Unser Auftrag", "La nostra missione", "Our mission"),
    "Nos statuts nous donnent une mission simple : favoriser l'économie sociale et solidaire "
    "en mettant à sa disposition un écosystème complet d'outils, de formations et de modèles, "
    "pour que chaque organisation puisse construire un modèle économique qui dure.": (
        "Unsere Statuten geben uns einen einfachen Auftrag: die Sozial- und Solidarwirtschaft "
        "zu fördern, indem wir ihr ein vollständiges Ökosystem aus Werkzeugen, Weiterbildungen "
        "und Modellen zur Verfügung stellen, damit jede Organisation ein dauerhaftes "
        "Geschäftsmodell aufbauen kann.",
        "Il nostro statuto ci affida una missione semplice: promuovere l'economia sociale e "
        "solidale mettendole a disposizione un ecosistema completo di strumenti, formazioni e "
        "modelli, perché ogni organizzazione possa costruire un modello economico che duri.",
        "Our statutes give us a simple mission: to foster the social and solidarity economy by "
        "offering it a complete ecosystem of tools, trainings and models, so that every "
        "organisation can build a business model that lasts.",
    ),
    "L'association vit surtout du travail bénévole de ses membres. Nous voulons que notre "
    "propre modèle économique soit lui aussi durable : c'est pourquoi nous appliquons à "
    "nous-mêmes les outils que nous publions.": (
        "Der Verein lebt vor allem von der ehrenamtlichen Arbeit seiner Mitglieder. Auch unser "
        "eigenes Geschäftsmodell soll nachhaltig sein: Darum wenden wir die Werkzeuge, die wir "
        "veröffentlichen, auf uns selbst an.",
        "L'associazione vive soprattutto del lavoro volontario dei suoi soci. Vogliamo che "
        "anche il nostro modello economico sia duraturo: per questo applichiamo a noi stessi gli "
        "strumenti che pubblichiamo.",
        "The association lives mostly from the volunteer work of its members. We want our own "
        "business model to last as well: that is why we apply the tools we publish to "
        "ourselves.",
    ),
    "Nos valeurs": ("Unsere Werte", "I nostri valori", "Our values"),
    "<b>Intelligence collective</b> : Les meilleurs outils naissent à plusieurs.": (
        "<b>Kollektive Intelligenz</b>: Die besten Werkzeuge entstehen gemeinsam.",
        "<b>Intelligenza collettiva</b>: i migliori strumenti nascono insieme.",
        "<b>Collective intelligence</b>: the best tools are made together.",
    ),
    "<b>Responsabilité partagée</b> : Le bien-être social est l'affaire de toutes et tous.": (
        "<b>Geteilte Verantwortung</b>: Das soziale Wohlergehen geht alle an.",
        "<b>Responsabilità condivisa</b>: il benessere sociale riguarda tutte e tutti.",
        "<b>Shared responsibility</b>: social well-being is everybody's business.",
    ),
    "<b>Coopération et partenariat</b> : Nous avançons avec les autres, pas à côté.": (
        "<b>Kooperation und Partnerschaft</b>: Wir gehen mit den anderen voran, nicht neben "
        "ihnen her.",
        "<b>Cooperazione e partenariato</b>: avanziamo con gli altri, non accanto a loro.",
        "<b>Cooperation and partnership</b>: we move forward with others, not alongside them.",
    ),
    "<b>Dire ce que l'on fait, faire ce que l'on dit</b> : La transparence comme règle de "
    "conduite.": (
        "<b>Sagen, was wir tun, und tun, was wir sagen</b>: Transparenz als Richtschnur.",
        "<b>Dire ciò che si fa, fare ciò che si dice</b>: la trasparenza come regola di condotta.",
        "<b>Say what we do, do what we say</b>: transparency as our rule of conduct.",
    ),
    "<b>Apprendre tout au long de la vie</b> : Chaque projet nous apprend quelque chose.": (
        "<b>Lebenslanges Lernen</b>: Jedes Projekt lehrt uns etwas.",
        "<b>Imparare lungo tutto l'arco della vita</b>: ogni progetto ci insegna qualcosa.",
        "<b>Lifelong learning</b>: every project teaches us something.",
    ),
    "Un bon outil est un outil que l'on peut prendre, adapter et transmettre.": (
        "Ein gutes Werkzeug ist eines, das man übernehmen, anpassen und weitergeben kann.",
        "Un buono strumento è uno strumento che si può prendere, adattare e trasmettere.",
        "A good tool is one you can pick up, adapt and pass on.",
    ),
    "Le comité de Social Business Models": (
        "Der Vorstand von Social Business Models",
        "Il comitato di Social Business Models",
        "The committee of Social Business Models",
    ),
    "Nos domaines d'activité": (
        "Unsere Tätigkeitsbereiche",
        "I nostri ambiti di attività",
        "Our areas of activity",
    ),
    "Sept domaines font vivre la mission de l'association, avec des activités de soutien.": (
        "Sieben Bereiche tragen den Auftrag des Vereins, ergänzt durch unterstützende Tätigkeiten.",
        "Sette ambiti danno vita alla missione dell'associazione, con attività di supporto.",
        "Seven areas bring the association's mission to life, together with support activities.",
    ),
    "Activités de soutien": (
        "Unterstützende Tätigkeiten",
        "Attività di supporto",
        "Support activities",
    ),
    "Administration et finances, site internet, relations publiques et presse, recherche de "
    "financement et veille stratégique.": (
        "Verwaltung und Finanzen, Website, Öffentlichkeits- und Pressearbeit, Mittelbeschaffung "
        "und strategische Beobachtung.",
        "Amministrazione e finanze, sito internet, relazioni pubbliche e stampa, ricerca di "
        "finanziamenti e osservazione strategica.",
        "Administration and finance, the website, public relations and press, fundraising and "
        "strategic watch.",
    ),
}
