"""The training index and its two training paths in German, Italian and English.

French segment -> (German, Italian, English). The training modules themselves stay aliases of
the French ones (with the "not translated yet" notice), as translators would start with the
paths that lead to them.
"""

TRAINING_INDEX_SLUG = "formations"
TRAINING_PATH_SLUGS = ["devenir-formateur-sbm", "piloter-son-modele"]

TEXTS = {
    # The index.
    "Formations": ("Weiterbildungen", "Formazioni", "Training"),
    "Des modules pour appliquer les outils dans votre organisation, et pour former celles et "
    "ceux qui les transmettent.": (
        "Module, um die Werkzeuge in Ihrer Organisation anzuwenden und jene auszubilden, die "
        "sie weitergeben.",
        "Moduli per applicare gli strumenti nella vostra organizzazione e per formare chi li "
        "trasmette.",
        "Modules to apply the tools in your organisation, and to train those who pass them on.",
    ),
    # Train the trainer.
    "Devenir formateur·rice SBM": (
        "SBM-Trainerin oder -Trainer werden",
        "Diventare formatrice o formatore SBM",
        "Becoming an SBM trainer",
    ),
    "Trois modules pour animer à votre tour les outils de l'association dans votre travail de "
    "conseil ou d'enseignement.": (
        "Drei Module, um die Werkzeuge des Vereins selbst in Ihrer Beratungs- oder "
        "Lehrtätigkeit anzuleiten.",
        "Tre moduli per animare a vostra volta gli strumenti dell'associazione nel vostro "
        "lavoro di consulenza o di insegnamento.",
        "Three modules to lead the association's tools yourself in your consulting or "
        "teaching work.",
    ),
    "Ce parcours s'adresse aux consultantes, formateurs et enseignantes qui veulent "
    "transmettre les outils. Vous vivez d'abord les ateliers comme participant·e, puis vous "
    "apprenez à les animer devant un groupe qui vous fait un retour.": (
        "Dieser Weg richtet sich an Beraterinnen, Trainer und Lehrpersonen, die die Werkzeuge "
        "weitergeben möchten. Sie erleben die Workshops zuerst als Teilnehmende und lernen "
        "dann, sie vor einer Gruppe anzuleiten, die Ihnen Rückmeldung gibt.",
        "Questo percorso si rivolge a consulenti, formatori e insegnanti che vogliono "
        "trasmettere gli strumenti. Vivete prima i laboratori come partecipanti, poi imparate "
        "ad animarli davanti a un gruppo che vi dà un riscontro.",
        "This path is for consultants, trainers and teachers who want to pass the tools on. "
        "You first take part in the workshops, then learn to lead them in front of a group "
        "that gives you feedback.",
    ),
    "Comptez quatre jours répartis sur deux à trois mois.": (
        "Rechnen Sie mit vier Tagen, verteilt auf zwei bis drei Monate.",
        "Contate quattro giornate distribuite su due o tre mesi.",
        "Allow four days spread over two to three months.",
    ),
    "Aucun : venez avec une organisation que vous connaissez bien.": (
        "Keine: Bringen Sie eine Organisation mit, die Sie gut kennen.",
        "Nessuno: venite con un'organizzazione che conoscete bene.",
        "None: come with an organisation you know well.",
    ),
    "Décrire une organisation avec les neuf blocs du canevas et expliquer les trois leviers "
    "d'un modèle socio-économique.": (
        "Eine Organisation mit den neun Feldern des Canvas beschreiben und die drei Hebel "
        "eines sozioökonomischen Modells erklären.",
        "Descrivere un'organizzazione con i nove blocchi del canvas e spiegare le tre leve di "
        "un modello socio-economico.",
        "Describe an organisation with the nine blocks of the canvas and explain the three "
        "levers of a socio-economic model.",
    ),
    "Avoir suivi l'atelier sur le canevas.": (
        "Den Workshop zum Canvas besucht haben.",
        "Aver seguito il laboratorio sul canvas.",
        "Having taken the canvas workshop.",
    ),
    "Choisir avec une organisation trois à cinq indicateurs d'impact et organiser leur suivi.": (
        "Mit einer Organisation drei bis fünf Wirkungsindikatoren wählen und ihre "
        "Nachverfolgung organisieren.",
        "Scegliere con un'organizzazione da tre a cinque indicatori d'impatto e organizzarne "
        "il monitoraggio.",
        "Choose three to five impact indicators with an organisation and organise how they "
        "are followed.",
    ),
    "Avoir suivi les deux modules précédents.": (
        "Die beiden vorherigen Module besucht haben.",
        "Aver seguito i due moduli precedenti.",
        "Having taken the two previous modules.",
    ),
    "Animer seul·e un atelier sur les outils et transmettre les retours des participants à "
    "l'association.": (
        "Selbstständig einen Workshop zu den Werkzeugen leiten und die Rückmeldungen der "
        "Teilnehmenden an den Verein weitergeben.",
        "Animare da soli un laboratorio sugli strumenti e trasmettere all'associazione i "
        "riscontri dei partecipanti.",
        "Lead a workshop on the tools on your own and pass the participants' feedback on to "
        "the association.",
    ),
    # Describe, then steer one's model.
    "Décrire puis piloter son modèle": (
        "Das eigene Modell beschreiben und dann steuern",
        "Descrivere e poi guidare il proprio modello",
        "Describe, then steer your model",
    ),
    "Deux modules pour mettre votre modèle à plat, puis suivre ses effets dans la durée.": (
        "Zwei Module, um Ihr Modell offenzulegen und dann seine Wirkung über die Zeit zu "
        "verfolgen.",
        "Due moduli per mettere a plat il vostro modello e poi seguirne gli effetti nel tempo.",
        "Two modules to lay your model out, then follow its effects over time.",
    ),
    "Pour les équipes d'une organisation qui veulent revoir leur modèle socio-économique "
    "ensemble. Venez si possible à deux ou trois personnes.": (
        "Für die Teams einer Organisation, die ihr sozioökonomisches Modell gemeinsam "
        "überprüfen möchten. Kommen Sie wenn möglich zu zweit oder zu dritt.",
        "Per i gruppi di un'organizzazione che vogliono rivedere insieme il loro modello "
        "socio-economico. Venite se possibile in due o tre persone.",
        "For the teams of an organisation who want to review their socio-economic model "
        "together. Come as two or three people if you can.",
    ),
    "Présenter le modèle de votre organisation sur une page et en nommer les points faibles.": (
        "Das Modell Ihrer Organisation auf einer Seite darstellen und seine Schwachstellen "
        "benennen.",
        "Presentare il modello della vostra organizzazione su una pagina e nominarne i punti "
        "deboli.",
        "Present your organisation's model on one page and name its weak points.",
    ),
    "Le canevas de votre organisation, rempli lors du premier module.": (
        "Den Canvas Ihrer Organisation, ausgefüllt im ersten Modul.",
        "Il canvas della vostra organizzazione, compilato durante il primo modulo.",
        "Your organisation's canvas, filled in during the first module.",
    ),
    "Suivre quelques indicateurs choisis et en rendre compte à vos partenaires.": (
        "Einige ausgewählte Indikatoren verfolgen und Ihren Partnern darüber berichten.",
        "Seguire alcuni indicatori scelti e renderne conto ai vostri partner.",
        "Follow a few chosen indicators and report on them to your partners.",
    ),
}
