"""The tool index and eight tool sheets in German, Italian and English.

French segment -> (German, Italian, English). The eight sheets are the first of each lever and
the ones the two translated guides walk through: 01, 02a, 03, 04, 05, 06, 09 and 15.
"""

SHEET_NUMBERS = ["01", "02a", "03", "04", "05", "06", "09", "15"]

TEXTS = {
    # The tool index.
    "Outils": ("Werkzeuge", "Strumenti", "Tools"),
    "Des fiches pratiques, libres et numérotées pour concevoir, financer et faire vivre votre "
    "modèle socio-économique. Filtrez par levier, phase, public ou thème.": (
        "Praktische, freie und nummerierte Werkzeugblätter, um Ihr sozioökonomisches Modell zu "
        "entwerfen, zu finanzieren und mit Leben zu füllen. Filtern Sie nach Hebel, Phase, "
        "Zielgruppe oder Thema.",
        "Schede pratiche, libere e numerate per ideare, finanziare e far vivere il vostro "
        "modello socio-economico. Filtrate per leva, fase, pubblico o tema.",
        "Practical, open and numbered tool sheets to design, fund and run your socio-economic "
        "model. Filter by lever, phase, audience or theme.",
    ),
    # Words shared by several sheets.
    "5 minutes": ("5 Minuten", "5 minuti", "5 minutes"),
    "15 minutes": ("15 Minuten", "15 minuti", "15 minutes"),
    "20 minutes": ("20 Minuten", "20 minuti", "20 minutes"),
    "30 minutes": ("30 Minuten", "30 minuti", "30 minutes"),
    "45 minutes": ("45 Minuten", "45 minuti", "45 minutes"),
    "60 minutes": ("60 Minuten", "60 minuti", "60 minutes"),
    "90 minutes": ("90 Minuten", "90 minuti", "90 minutes"),
    "2 heures": ("2 Stunden", "2 ore", "2 hours"),
    # 01
    "Le test de l'entrepreneur social": (
        "Der Test für Sozialunternehmerinnen und -unternehmer",
        "Il test dell'imprenditore sociale",
        "The social entrepreneur test",
    ),
    "Dix affirmations simples pour savoir si vous vous reconnaissez dans l'entrepreneuriat "
    "social. Si au moins cinq vous parlent, ce site est fait pour vous.": (
        "Zehn einfache Aussagen, um herauszufinden, ob Sie sich im sozialen Unternehmertum "
        "wiedererkennen. Sprechen Sie mindestens fünf davon an, ist diese Website für Sie "
        "gemacht.",
        "Dieci affermazioni semplici per capire se vi riconoscete nell'imprenditoria sociale. "
        "Se almeno cinque vi parlano, questo sito è fatto per voi.",
        "Ten simple statements to find out whether you recognise yourself in social "
        "entrepreneurship. If at least five ring true, this site is made for you.",
    ),
    "15 minutes, une fois": ("15 Minuten, einmal", "15 minuti, una volta", "15 minutes, once"),
    "Vous seul·e, ou avec une personne de confiance": (
        "Sie allein oder mit einer Vertrauensperson",
        "Voi da soli, o con una persona di fiducia",
        "You alone, or with someone you trust",
    ),
    "Lire les dix affirmations": (
        "Die zehn Aussagen lesen",
        "Leggere le dieci affermazioni",
        "Read the ten statements",
    ),
    "Lisez chaque affirmation sans chercher la bonne réponse : il n'y en a pas.": (
        "Lesen Sie jede Aussage, ohne nach der richtigen Antwort zu suchen: Es gibt keine.",
        "Leggete ogni affermazione senza cercare la risposta giusta: non ce n'è una.",
        "Read each statement without looking for the right answer: there is none.",
    ),
    "Cocher celles qui vous ressemblent": (
        "Ankreuzen, was zu Ihnen passt",
        "Spuntare quelle che vi somigliano",
        "Tick the ones that sound like you",
    ),
    "Cochez les affirmations dans lesquelles vous vous reconnaissez aujourd'hui, pas celles "
    "que vous aimeriez vivre.": (
        "Kreuzen Sie die Aussagen an, in denen Sie sich heute wiedererkennen, nicht jene, die "
        "Sie gerne erleben würden.",
        "Spuntate le affermazioni in cui vi riconoscete oggi, non quelle che vorreste vivere.",
        "Tick the statements you recognise yourself in today, not the ones you would like to live.",
    ),
    "Compter et en parler": (
        "Zählen und darüber sprechen",
        "Contare e parlarne",
        "Count and talk about it",
    ),
    "Cinq coches ou plus : vous êtes déjà entrepreneur·e social·e. Parlez-en à une personne "
    "proche pour confirmer votre lecture.": (
        "Fünf Kreuze oder mehr: Sie sind bereits Sozialunternehmerin oder Sozialunternehmer. "
        "Sprechen Sie mit einer nahestehenden Person darüber, um Ihre Einschätzung zu prüfen.",
        "Cinque spunte o più: siete già imprenditrici o imprenditori sociali. Parlatene con una "
        "persona vicina per confermare la vostra lettura.",
        "Five ticks or more: you already are a social entrepreneur. Talk about it with someone "
        "close to you to confirm your reading.",
    ),
    "Refaites le test six mois plus tard : l'écart est souvent instructif.": (
        "Machen Sie den Test sechs Monate später noch einmal: Der Unterschied ist oft "
        "aufschlussreich.",
        "Rifate il test sei mesi dopo: la differenza è spesso istruttiva.",
        "Take the test again six months later: the difference is often revealing.",
    ),
    "Beaucoup d'entrepreneurs sociaux ne se reconnaissent pas sous ce nom.": (
        "Viele Sozialunternehmerinnen und -unternehmer erkennen sich in dieser Bezeichnung "
        "nicht wieder.",
        "Molti imprenditori sociali non si riconoscono in questo nome.",
        "Many social entrepreneurs do not recognise themselves under that name.",
    ),
    "Une première clarté sur votre envie d'entreprendre et sur vos motivations.": (
        "Erste Klarheit über Ihren Wunsch, etwas zu unternehmen, und über Ihre Beweggründe.",
        "Una prima chiarezza sulla vostra voglia di intraprendere e sulle vostre motivazioni.",
        "A first clear view of your wish to start something and of your motivations.",
    ),
    "Les dix affirmations": ("Die zehn Aussagen", "Le dieci affermazioni", "The ten statements"),
    # 02a
    "Canevas du modèle socio-économique": (
        "Canvas des sozioökonomischen Modells",
        "Canvas del modello socio-economico",
        "Socio-economic model canvas",
    ),
    "Le canevas en neuf blocs de l'association : vos valeurs au centre et huit questions "
    "autour (où, pourquoi, qui, par quoi, quoi, avec quoi, vérifiable, avec qui). Il se remplit "
    "en groupe de quatre à huit personnes.": (
        "Das Canvas des Vereins in neun Feldern: Ihre Werte in der Mitte und acht Fragen "
        "darum herum (wo, warum, wer, worüber, was, womit, überprüfbar, mit wem). Es wird in "
        "einer Gruppe von vier bis acht Personen ausgefüllt.",
        "Il canvas in nove blocchi dell'associazione: i vostri valori al centro e otto domande "
        "intorno (dove, perché, chi, attraverso cosa, cosa, con cosa, verificabile, con chi). "
        "Si compila in un gruppo da quattro a otto persone.",
        "The association's nine-block canvas: your values at the centre and eight questions "
        "around them (where, why, who, through what, what, with what, verifiable, with whom). "
        "It is filled in by a group of four to eight people.",
    ),
    "2 à 3 heures, 2 à 4 fois": (
        "2 bis 3 Stunden, 2- bis 4-mal",
        "Da 2 a 3 ore, da 2 a 4 volte",
        "2 to 3 hours, 2 to 4 times",
    ),
    "Un groupe de 4 à 8 personnes et une animatrice ou un animateur": (
        "Eine Gruppe von 4 bis 8 Personen und eine Moderatorin oder ein Moderator",
        "Un gruppo da 4 a 8 persone e una facilitatrice o un facilitatore",
        "A group of 4 to 8 people and a facilitator",
    ),
    "Poser les valeurs au centre": (
        "Die Werte in die Mitte stellen",
        "Mettere i valori al centro",
        "Put the values at the centre",
    ),
    "Écrivez en une phrase ce qui guide l'organisation. Toutes les autres réponses devront s'y "
    "accorder.": (
        "Schreiben Sie in einem Satz auf, was die Organisation leitet. Alle anderen Antworten "
        "müssen dazu passen.",
        "Scrivete in una frase ciò che guida l'organizzazione. Tutte le altre risposte dovranno "
        "accordarsi con essa.",
        "Write in one sentence what guides the organisation. Every other answer will have to "
        "fit with it.",
    ),
    "Répondre aux huit questions": (
        "Die acht Fragen beantworten",
        "Rispondere alle otto domande",
        "Answer the eight questions",
    ),
    "Un post-it par idée, une couleur par personne. Commencez par « pourquoi » et « pour qui "
    "», terminez par « avec quoi ».": (
        "Ein Post-it pro Idee, eine Farbe pro Person. Beginnen Sie mit «warum» und «für wen», "
        "hören Sie mit «womit» auf.",
        "Un post-it per idea, un colore per persona. Cominciate da «perché» e «per chi», "
        "finite con «con cosa».",
        "One sticky note per idea, one colour per person. Start with “why” and “for whom”, "
        "finish with “with what”.",
    ),
    "Relire la cohérence": (
        "Die Stimmigkeit prüfen",
        "Verificare la coerenza",
        "Check that it holds together",
    ),
    "Tracez les liens entre les blocs. Un bloc sans lien est une question encore ouverte.": (
        "Zeichnen Sie die Verbindungen zwischen den Feldern ein. Ein Feld ohne Verbindung ist "
        "eine noch offene Frage.",
        "Tracciate i legami tra i blocchi. Un blocco senza legami è una domanda ancora aperta.",
        "Draw the links between the blocks. A block without a link is a question still open.",
    ),
    "Imprimez le canevas en A0 : on pense mieux debout devant une grande affiche.": (
        "Drucken Sie das Canvas im Format A0: Vor einem grossen Plakat stehend denkt es sich "
        "besser.",
        "Stampate il canvas in formato A0: si pensa meglio in piedi davanti a un grande manifesto.",
        "Print the canvas in A0: people think better standing in front of a big poster.",
    ),
    "Voir tout le modèle sur une seule page fait apparaître les incohérences.": (
        "Wer das ganze Modell auf einer Seite sieht, erkennt die Widersprüche.",
        "Vedere tutto il modello su una sola pagina fa emergere le incoerenze.",
        "Seeing the whole model on a single page brings out its inconsistencies.",
    ),
    "Un premier modèle partagé par l'équipe, prêt à être discuté avec des partenaires.": (
        "Ein erstes Modell, das das ganze Team teilt und das bereit ist für das Gespräch mit "
        "Partnern.",
        "Un primo modello condiviso dal gruppo, pronto per essere discusso con dei partner.",
        "A first model shared by the team, ready to be discussed with partners.",
    ),
    "Affiche du canevas (A0)": (
        "Canvas-Plakat (A0)",
        "Manifesto del canvas (A0)",
        "Canvas poster (A0)",
    ),
    "Canevas à remplir": ("Canvas zum Ausfüllen", "Canvas da compilare", "Canvas to fill in"),
    # 03
    "L'arbre à problèmes": ("Der Problembaum", "L'albero dei problemi", "The problem tree"),
    "Dessiner le problème social que vous voulez résoudre, avec ses causes en racines et ses "
    "conséquences en branches, pour viser juste.": (
        "Das soziale Problem, das Sie lösen wollen, als Baum zeichnen, mit den Ursachen als "
        "Wurzeln und den Folgen als Ästen, um genau zu zielen.",
        "Disegnare il problema sociale che volete risolvere, con le cause come radici e le "
        "conseguenze come rami, per mirare giusto.",
        "Draw the social problem you want to solve, with its causes as roots and its "
        "consequences as branches, so that you aim true.",
    ),
    "2 heures, une à deux fois": (
        "2 Stunden, ein- bis zweimal",
        "2 ore, una o due volte",
        "2 hours, once or twice",
    ),
    "3 à 6 personnes, idéalement avec une personne concernée par le problème": (
        "3 bis 6 Personen, idealerweise mit einer vom Problem betroffenen Person",
        "Da 3 a 6 persone, idealmente con una persona toccata dal problema",
        "3 to 6 people, ideally including someone affected by the problem",
    ),
    "Nommer le problème central": (
        "Das Kernproblem benennen",
        "Nominare il problema centrale",
        "Name the central problem",
    ),
    "Une phrase, sur le tronc. Évitez d'y glisser déjà la solution.": (
        "Ein Satz, auf den Stamm. Schmuggeln Sie nicht schon die Lösung hinein.",
        "Una frase, sul tronco. Evitate di infilarci già la soluzione.",
        "One sentence, on the trunk. Avoid slipping the solution into it already.",
    ),
    "Chercher les causes": ("Die Ursachen suchen", "Cercare le cause", "Look for the causes"),
    "Demandez « pourquoi ? » jusqu'à trois fois pour descendre aux racines.": (
        "Fragen Sie bis zu dreimal «Warum?», um zu den Wurzeln vorzudringen.",
        "Chiedete «perché?» fino a tre volte per scendere alle radici.",
        "Ask “why?” up to three times to get down to the roots.",
    ),
    "Déployer les conséquences": (
        "Die Folgen entfalten",
        "Sviluppare le conseguenze",
        "Spread out the consequences",
    ),
    "Qui souffre du problème et comment ? Ce sont les branches.": (
        "Wer leidet unter dem Problem und wie? Das sind die Äste.",
        "Chi soffre del problema e come? Sono i rami.",
        "Who suffers from the problem, and how? Those are the branches.",
    ),
    "Invitez une personne directement touchée : elle corrige vite les idées reçues.": (
        "Laden Sie eine direkt betroffene Person ein: Sie korrigiert Vorurteile schnell.",
        "Invitate una persona direttamente toccata: corregge in fretta i luoghi comuni.",
        "Invite someone directly affected: they quickly correct received ideas.",
    ),
    "Un projet qui vise les symptômes s'épuise ; celui qui vise les causes dure.": (
        "Ein Projekt, das bei den Symptomen ansetzt, erschöpft sich; eines, das bei den "
        "Ursachen ansetzt, hat Bestand.",
        "Un progetto che mira ai sintomi si esaurisce; quello che mira alle cause dura.",
        "A project aimed at the symptoms wears itself out; one aimed at the causes lasts.",
    ),
    "Un problème formulé précisément et les causes sur lesquelles agir.": (
        "Ein genau formuliertes Problem und die Ursachen, bei denen Sie ansetzen können.",
        "Un problema formulato con precisione e le cause su cui agire.",
        "A precisely worded problem and the causes to act on.",
    ),
    # 04
    "La carte des parties prenantes": (
        "Die Landkarte der Anspruchsgruppen",
        "La mappa dei portatori di interesse",
        "The stakeholder map",
    ),
    "Repérer toutes les personnes et organisations concernées par votre projet, puis les "
    "placer selon leur influence et leur intérêt.": (
        "Alle Personen und Organisationen erfassen, die Ihr Projekt betrifft, und sie dann nach "
        "Einfluss und Interesse einordnen.",
        "Individuare tutte le persone e le organizzazioni toccate dal vostro progetto, poi "
        "collocarle secondo la loro influenza e il loro interesse.",
        "Identify every person and organisation your project concerns, then place them by "
        "influence and interest.",
    ),
    "1 à 2 heures": ("1 bis 2 Stunden", "Da 1 a 2 ore", "1 to 2 hours"),
    "L'équipe de projet": ("Das Projektteam", "Il gruppo di progetto", "The project team"),
    "Lister sans trier": (
        "Auflisten, ohne zu sortieren",
        "Elencare senza scegliere",
        "List without sorting",
    ),
    "Bénéficiaires, financeurs, voisins, autorités, concurrents : tout le monde sur la table.": (
        "Begünstigte, Geldgeber, Nachbarn, Behörden, Konkurrenz: alle kommen auf den Tisch.",
        "Beneficiari, finanziatori, vicini, autorità, concorrenti: tutti sul tavolo.",
        "Beneficiaries, funders, neighbours, authorities, competitors: everyone on the table.",
    ),
    "Placer sur la matrice": (
        "In die Matrix einordnen",
        "Collocare sulla matrice",
        "Place them on the matrix",
    ),
    "Influence en hauteur, intérêt en largeur. Discutez les désaccords.": (
        "Einfluss in der Höhe, Interesse in der Breite. Besprechen Sie die "
        "Meinungsverschiedenheiten.",
        "Influenza in altezza, interesse in larghezza. Discutete i disaccordi.",
        "Influence upwards, interest across. Talk through the disagreements.",
    ),
    "Décider d'une approche par quadrant": (
        "Für jeden Quadranten ein Vorgehen festlegen",
        "Decidere un approccio per quadrante",
        "Decide on an approach for each quadrant",
    ),
    "Associer, consulter, informer ou surveiller : une action par groupe.": (
        "Einbeziehen, befragen, informieren oder beobachten: eine Massnahme pro Gruppe.",
        "Coinvolgere, consultare, informare o sorvegliare: un'azione per gruppo.",
        "Involve, consult, inform or keep an eye on: one action per group.",
    ),
    "Refaites la carte une fois par an : les positions bougent.": (
        "Erstellen Sie die Landkarte einmal im Jahr neu: Die Positionen verschieben sich.",
        "Rifate la mappa una volta all'anno: le posizioni cambiano.",
        "Redraw the map once a year: positions shift.",
    ),
    "On oublie souvent un acteur discret qui peut tout bloquer.": (
        "Oft vergisst man einen unauffälligen Akteur, der alles blockieren kann.",
        "Si dimentica spesso un attore discreto che può bloccare tutto.",
        "People often forget a quiet player who can block everything.",
    ),
    "Une carte des relations et une première stratégie d'alliances.": (
        "Eine Landkarte der Beziehungen und eine erste Allianzstrategie.",
        "Una mappa delle relazioni e una prima strategia di alleanze.",
        "A map of relationships and a first alliance strategy.",
    ),
    "Matrice influence et intérêt": (
        "Matrix Einfluss und Interesse",
        "Matrice influenza e interesse",
        "Influence and interest matrix",
    ),
    # 05
    "Les personas des bénéficiaires": (
        "Die Personas der Begünstigten",
        "Le persona dei beneficiari",
        "Beneficiary personas",
    ),
    "Décrire trois à cinq personnes typiques que votre organisation sert, avec leurs besoins, "
    "leurs contraintes et leurs mots.": (
        "Drei bis fünf typische Personen beschreiben, denen Ihre Organisation dient, mit ihren "
        "Bedürfnissen, ihren Einschränkungen und ihren eigenen Worten.",
        "Descrivere da tre a cinque persone tipiche a cui la vostra organizzazione si rivolge, "
        "con i loro bisogni, i loro vincoli e le loro parole.",
        "Describe three to five typical people your organisation serves, with their needs, "
        "their constraints and their own words.",
    ),
    "2 à 4 personnes qui connaissent le terrain": (
        "2 bis 4 Personen, die das Feld kennen",
        "Da 2 a 4 persone che conoscono il terreno",
        "2 to 4 people who know the field",
    ),
    "Rassembler ce que vous savez": (
        "Zusammentragen, was Sie wissen",
        "Raccogliere ciò che sapete",
        "Gather what you know",
    ),
    "Entretiens, observations, chiffres : partez de faits, pas d'imagination.": (
        "Gespräche, Beobachtungen, Zahlen: Gehen Sie von Tatsachen aus, nicht von Vorstellungen.",
        "Interviste, osservazioni, cifre: partite dai fatti, non dall'immaginazione.",
        "Interviews, observations, figures: start from facts, not imagination.",
    ),
    "Écrire chaque persona": (
        "Jede Persona schreiben",
        "Scrivere ogni persona",
        "Write each persona",
    ),
    "Un prénom, une situation, trois besoins, deux freins, une citation.": (
        "Ein Vorname, eine Lebenslage, drei Bedürfnisse, zwei Hindernisse, ein Zitat.",
        "Un nome, una situazione, tre bisogni, due freni, una citazione.",
        "A first name, a situation, three needs, two obstacles, one quotation.",
    ),
    "Affichez les personas dans la salle de réunion pour les garder en tête.": (
        "Hängen Sie die Personas im Sitzungszimmer auf, damit sie allen präsent bleiben.",
        "Appendete le persona nella sala riunioni per tenerle a mente.",
        "Put the personas up in the meeting room to keep them in mind.",
    ),
    "On conçoit mieux un service pour quelqu'un que pour « le public ».": (
        "Ein Angebot lässt sich besser für jemanden gestalten als für «das Publikum».",
        "Si progetta meglio un servizio per qualcuno che per «il pubblico».",
        "A service is better designed for someone than for “the public”.",
    ),
    "Des bénéficiaires concrets que toute l'équipe partage.": (
        "Konkrete Begünstigte, die das ganze Team vor Augen hat.",
        "Beneficiari concreti che tutto il gruppo condivide.",
        "Concrete beneficiaries the whole team shares.",
    ),
    "Fiche persona": ("Persona-Blatt", "Scheda persona", "Persona sheet"),
    # 06
    "La proposition de valeur sociale": (
        "Das soziale Wertversprechen",
        "La proposta di valore sociale",
        "The social value proposition",
    ),
    "Formuler en deux phrases ce que votre organisation apporte, à qui, et en quoi elle est "
    "différente des solutions existantes.": (
        "In zwei Sätzen formulieren, was Ihre Organisation wem bringt und worin sie sich von "
        "bestehenden Lösungen unterscheidet.",
        "Formulare in due frasi ciò che la vostra organizzazione apporta, a chi, e in che cosa "
        "si distingue dalle soluzioni esistenti.",
        "Put into two sentences what your organisation brings, to whom, and how it differs "
        "from existing solutions.",
    ),
    "2 heures, deux fois": ("2 Stunden, zweimal", "2 ore, due volte", "2 hours, twice"),
    "L'équipe fondatrice": ("Das Gründungsteam", "Il gruppo fondatore", "The founding team"),
    "Partir des besoins des personas": (
        "Von den Bedürfnissen der Personas ausgehen",
        "Partire dai bisogni delle persona",
        "Start from the personas' needs",
    ),
    "Pour chaque persona, notez le gain attendu et la difficulté évitée.": (
        "Notieren Sie für jede Persona den erwarteten Nutzen und die vermiedene Schwierigkeit.",
        "Per ogni persona, annotate il beneficio atteso e la difficoltà evitata.",
        "For each persona, note the expected gain and the difficulty avoided.",
    ),
    "Écrire, puis raccourcir": (
        "Schreiben, dann kürzen",
        "Scrivere, poi accorciare",
        "Write, then shorten",
    ),
    "Écrivez une page, puis un paragraphe, puis deux phrases.": (
        "Schreiben Sie eine Seite, dann einen Absatz, dann zwei Sätze.",
        "Scrivete una pagina, poi un paragrafo, poi due frasi.",
        "Write a page, then a paragraph, then two sentences.",
    ),
    "Tester à voix haute": ("Laut testen", "Provare ad alta voce", "Test it out loud"),
    "Lisez la proposition à trois personnes extérieures ; notez ce qu'elles en retiennent.": (
        "Lesen Sie das Wertversprechen drei aussenstehenden Personen vor; notieren Sie, was "
        "ihnen davon bleibt.",
        "Leggete la proposta a tre persone esterne; annotate ciò che ne ricordano.",
        "Read the proposition to three outsiders; note what they remember of it.",
    ),
    "Si vous ne pouvez pas la dire sans reprendre votre souffle, elle est trop longue.": (
        "Wenn Sie es nicht in einem Atemzug sagen können, ist es zu lang.",
        "Se non riuscite a dirla senza riprendere fiato, è troppo lunga.",
        "If you cannot say it without taking a breath, it is too long.",
    ),
    "Une valeur claire attire bénéficiaires, bénévoles et financeurs.": (
        "Ein klarer Wert zieht Begünstigte, Freiwillige und Geldgeber an.",
        "Un valore chiaro attira beneficiari, volontari e finanziatori.",
        "A clear value attracts beneficiaries, volunteers and funders.",
    ),
    "Deux phrases que toute l'équipe peut dire de la même façon.": (
        "Zwei Sätze, die das ganze Team gleich sagen kann.",
        "Due frasi che tutto il gruppo sa dire allo stesso modo.",
        "Two sentences the whole team can say the same way.",
    ),
    # 09
    "Le budget prévisionnel": ("Das Budget", "Il bilancio preventivo", "The budget forecast"),
    "Chiffrer les charges et les produits de vos trois premières années, en séparant ce qui "
    "est acquis de ce qui est espéré.": (
        "Aufwand und Ertrag Ihrer ersten drei Jahre beziffern und dabei Gesichertes von "
        "Erhofftem trennen.",
        "Quantificare costi e ricavi dei vostri primi tre anni, separando ciò che è acquisito "
        "da ciò che è sperato.",
        "Put figures on the costs and income of your first three years, separating what is "
        "secured from what is hoped for.",
    ),
    "une journée, puis une révision par trimestre": (
        "ein Tag, danach eine Überarbeitung pro Quartal",
        "una giornata, poi una revisione ogni trimestre",
        "one day, then a review every quarter",
    ),
    "La trésorière ou le trésorier et une personne de l'équipe": (
        "Die Kassierin oder der Kassier und eine Person aus dem Team",
        "La tesoriera o il tesoriere e una persona del gruppo",
        "The treasurer and one person from the team",
    ),
    "Lister les charges": ("Den Aufwand auflisten", "Elencare i costi", "List the costs"),
    "Salaires, loyers, assurances, matériel : rien n'est gratuit, pas même le bénévolat "
    "(valorisez-le).": (
        "Löhne, Mieten, Versicherungen, Material: Nichts ist gratis, nicht einmal die "
        "Freiwilligenarbeit (bewerten Sie sie).",
        "Stipendi, affitti, assicurazioni, materiale: niente è gratuito, nemmeno il volontariato "
        "(valorizzatelo).",
        "Salaries, rent, insurance, equipment: nothing is free, not even volunteering (put a "
        "value on it).",
    ),
    "Lister les produits par source": (
        "Die Erträge nach Quelle auflisten",
        "Elencare i ricavi per fonte",
        "List the income by source",
    ),
    "Subventions, dons, ventes, cotisations. Indiquez pour chacun : acquis, probable, espéré.": (
        "Subventionen, Spenden, Verkäufe, Mitgliederbeiträge. Geben Sie jeweils an: gesichert, "
        "wahrscheinlich, erhofft.",
        "Sovvenzioni, donazioni, vendite, quote sociali. Indicate per ciascuno: acquisito, "
        "probabile, sperato.",
        "Grants, donations, sales, membership fees. Mark each one: secured, likely, hoped for.",
    ),
    "Construire trois scénarios": (
        "Drei Szenarien erstellen",
        "Costruire tre scenari",
        "Build three scenarios",
    ),
    "Prudent, médian, favorable : le scénario prudent doit tenir.": (
        "Vorsichtig, mittel, günstig: Das vorsichtige Szenario muss aufgehen.",
        "Prudente, intermedio, favorevole: lo scenario prudente deve reggere.",
        "Cautious, middle, favourable: the cautious scenario must hold.",
    ),
    "Valorisez les heures bénévoles : elles montrent la vraie taille du projet.": (
        "Bewerten Sie die Freiwilligenstunden: Sie zeigen die wahre Grösse des Projekts.",
        "Valorizzate le ore di volontariato: mostrano la vera dimensione del progetto.",
        "Put a value on volunteer hours: they show the project's real size.",
    ),
    "Sans budget, impossible de demander un financement ou de décider.": (
        "Ohne Budget lässt sich weder eine Finanzierung beantragen noch entscheiden.",
        "Senza bilancio preventivo è impossibile chiedere un finanziamento o decidere.",
        "Without a budget you can neither ask for funding nor decide.",
    ),
    "Un budget crédible sur trois ans, en trois scénarios.": (
        "Ein glaubwürdiges Budget über drei Jahre, in drei Szenarien.",
        "Un bilancio preventivo credibile su tre anni, in tre scenari.",
        "A credible three-year budget, in three scenarios.",
    ),
    "Modèle de budget sur trois ans": (
        "Vorlage für ein Dreijahresbudget",
        "Modello di bilancio preventivo su tre anni",
        "Three-year budget template",
    ),
    # 15
    "La matrice des compétences de l'équipe": (
        "Die Kompetenzmatrix des Teams",
        "La matrice delle competenze del gruppo",
        "The team skills matrix",
    ),
    "Croiser les compétences dont le projet a besoin avec celles des personnes présentes, "
    "pour voir les manques et les doublons.": (
        "Die Kompetenzen, die das Projekt braucht, denen der beteiligten Personen "
        "gegenüberstellen, um Lücken und Doppelspurigkeiten zu erkennen.",
        "Incrociare le competenze di cui il progetto ha bisogno con quelle delle persone "
        "presenti, per vedere lacune e doppioni.",
        "Match the skills the project needs against those of the people involved, to see the "
        "gaps and the overlaps.",
    ),
    "2 heures, une fois par an": (
        "2 Stunden, einmal im Jahr",
        "2 ore, una volta all'anno",
        "2 hours, once a year",
    ),
    "L'équipe au complet": ("Das ganze Team", "Il gruppo al completo", "The whole team"),
    "Lister les compétences nécessaires": (
        "Die nötigen Kompetenzen auflisten",
        "Elencare le competenze necessarie",
        "List the skills needed",
    ),
    "À partir du canevas : que faut-il savoir faire pour tenir chaque bloc ?": (
        "Ausgehend vom Canvas: Was muss man können, um jedes Feld abzudecken?",
        "A partire dal canvas: che cosa bisogna saper fare per reggere ogni blocco?",
        "Starting from the canvas: what must someone know how to do to hold each block?",
    ),
    "S'auto-évaluer": ("Sich selbst einschätzen", "Autovalutarsi", "Assess yourselves"),
    "Chacun note son niveau de 0 à 3, sans fausse modestie.": (
        "Alle bewerten ihr Niveau von 0 bis 3, ohne falsche Bescheidenheit.",
        "Ognuno indica il proprio livello da 0 a 3, senza falsa modestia.",
        "Everyone rates their own level from 0 to 3, without false modesty.",
    ),
    "Décider des actions": ("Massnahmen beschliessen", "Decidere le azioni", "Decide on actions"),
    "Former, recruter, s'allier ou renoncer.": (
        "Weiterbilden, einstellen, sich verbünden oder verzichten.",
        "Formare, reclutare, allearsi o rinunciare.",
        "Train, recruit, team up or give up.",
    ),
    "Une case vide n'est pas un échec : c'est une piste d'alliance.": (
        "Ein leeres Feld ist kein Scheitern: Es ist ein Hinweis auf eine mögliche Allianz.",
        "Una casella vuota non è un fallimento: è una pista di alleanza.",
        "An empty box is not a failure: it points to a possible alliance.",
    ),
    "Les compétences manquantes se découvrent souvent trop tard.": (
        "Fehlende Kompetenzen zeigen sich oft zu spät.",
        "Le competenze mancanti si scoprono spesso troppo tardi.",
        "Missing skills are often discovered too late.",
    ),
    "Un plan de formation et de recrutement fondé sur les besoins réels.": (
        "Ein Weiterbildungs- und Rekrutierungsplan, der auf dem tatsächlichen Bedarf beruht.",
        "Un piano di formazione e di reclutamento fondato sui bisogni reali.",
        "A training and recruitment plan based on real needs.",
    ),
    "Matrice des compétences": ("Kompetenzmatrix", "Matrice delle competenze", "Skills matrix"),
    # The canvas sheet's illustration (tools/demo.py).
    "Les neuf blocs du canevas en trois rangées, la case des valeurs au centre.": (
        "Die neun Blöcke des Canvas in drei Reihen, das Feld der Werte in der Mitte.",
        "I nove blocchi del canvas su tre righe, la casella dei valori al centro.",
        "The nine blocks of the canvas in three rows, the values box in the middle.",
    ),
}
