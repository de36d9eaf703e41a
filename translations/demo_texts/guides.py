"""Two guides (fils rouges) and their index in German, Italian and English.

French segment -> (German, Italian, English). "Fil rouge" is "Leitfaden" / "filo conduttore" /
"guide", as in the main menu.
"""

GUIDE_SLUGS = ["fil-rouge-curiosite", "fil-rouge-conception"]

TEXTS = {
    # The index.
    "Des parcours d'outils validés, choisis pour un public ou une étape de la vie d'une "
    "organisation. Chaque fil rouge se télécharge en un seul PDF.": (
        "Abfolgen geprüfter Werkzeuge, ausgewählt für eine Zielgruppe oder eine Lebensphase "
        "einer Organisation. Jeder Leitfaden lässt sich als ein einziges PDF herunterladen.",
        "Percorsi di strumenti convalidati, scelti per un pubblico o per una fase della vita di "
        "un'organizzazione. Ogni filo conduttore si scarica in un solo PDF.",
        "Paths of validated tools, chosen for an audience or a stage in an organisation's "
        "life. Each guide downloads as a single PDF.",
    ),
    # Curiosity.
    "Fil rouge « Curiosité » : ai-je envie d'entreprendre ?": (
        "Leitfaden «Neugier»: Möchte ich unternehmerisch tätig werden?",
        "Filo conduttore «Curiosità»: ho voglia di intraprendere?",
        "“Curiosity” guide: do I want to be an entrepreneur?",
    ),
    "Quelques outils courts pour vérifier votre envie, vos motivations et vos ressources "
    "avant de vous lancer.": (
        "Einige kurze Werkzeuge, um Ihren Wunsch, Ihre Beweggründe und Ihre Ressourcen zu "
        "prüfen, bevor Sie loslegen.",
        "Alcuni strumenti brevi per verificare la vostra voglia, le vostre motivazioni e le "
        "vostre risorse prima di lanciarvi.",
        "A few short tools to check your wish, your motivations and your resources before you "
        "take the plunge.",
    ),
    "Vous avez une idée, une indignation ou une envie d'agir, mais vous ne savez pas encore "
    "si l'entrepreneuriat social est fait pour vous. Ce parcours vous aide à mettre des mots "
    "sur vos motivations, à mesurer le temps et l'énergie dont vous disposez et à rencontrer "
    "d'autres personnes qui ont fait le pas.": (
        "Sie haben eine Idee, etwas empört Sie oder Sie möchten handeln, aber Sie wissen noch "
        "nicht, ob soziales Unternehmertum das Richtige für Sie ist. Dieser Leitfaden hilft "
        "Ihnen, Ihre Beweggründe in Worte zu fassen, die Zeit und Energie abzuschätzen, über "
        "die Sie verfügen, und andere Menschen zu treffen, die den Schritt gewagt haben.",
        "Avete un'idea, un'indignazione o una voglia di agire, ma non sapete ancora se "
        "l'imprenditoria sociale fa per voi. Questo percorso vi aiuta a dare un nome alle "
        "vostre motivazioni, a misurare il tempo e l'energia di cui disponete e a incontrare "
        "altre persone che hanno fatto il passo.",
        "You have an idea, something that outrages you or a wish to act, but you do not know "
        "yet whether social entrepreneurship is for you. This guide helps you put your "
        "motivations into words, measure the time and energy you have, and meet other people "
        "who have taken the step.",
    ),
    "Comptez quelques soirées, seul·e ou avec une personne de confiance.": (
        "Rechnen Sie mit einigen Abenden, allein oder mit einer Vertrauensperson.",
        "Contate qualche serata, da soli o con una persona di fiducia.",
        "Allow a few evenings, on your own or with someone you trust.",
    ),
    "Commencez par là : une dizaine d'affirmations simples pour savoir si vous vous "
    "reconnaissez dans l'entrepreneuriat social. Répondez sans réfléchir trop longtemps.": (
        "Beginnen Sie hier: rund zehn einfache Aussagen, um herauszufinden, ob Sie sich im "
        "sozialen Unternehmertum wiedererkennen. Antworten Sie, ohne zu lange zu überlegen.",
        "Cominciate da qui: una decina di affermazioni semplici per capire se vi riconoscete "
        "nell'imprenditoria sociale. Rispondete senza pensarci troppo a lungo.",
        "Start here: about ten simple statements to find out whether you recognise yourself in "
        "social entrepreneurship. Answer without thinking too long.",
    ),
    "Votre score, et les trois affirmations qui vous ont fait hésiter.": (
        "Ihr Ergebnis und die drei Aussagen, bei denen Sie gezögert haben.",
        "Il vostro punteggio, e le tre affermazioni che vi hanno fatto esitare.",
        "Your score, and the three statements that made you hesitate.",
    ),
    "Une envie d'agir part presque toujours d'une indignation. L'arbre à problèmes vous aide "
    "à distinguer le problème de ses causes et de ses conséquences.": (
        "Der Wunsch zu handeln entspringt fast immer einer Empörung. Der Problembaum hilft "
        "Ihnen, das Problem von seinen Ursachen und Folgen zu unterscheiden.",
        "La voglia di agire nasce quasi sempre da un'indignazione. L'albero dei problemi vi "
        "aiuta a distinguere il problema dalle sue cause e dalle sue conseguenze.",
        "A wish to act almost always starts from outrage. The problem tree helps you tell the "
        "problem apart from its causes and its consequences.",
    ),
    "Un arbre dessiné à la main, avec le problème qui vous tient le plus à cœur au centre.": (
        "Ein von Hand gezeichneter Baum, mit dem Problem in der Mitte, das Ihnen am meisten am "
        "Herzen liegt.",
        "Un albero disegnato a mano, con al centro il problema che vi sta più a cuore.",
        "A hand-drawn tree, with the problem you care about most at its centre.",
    ),
    "Faites le point sur ce que vous savez faire et sur ce qui vous manque ; notez les "
    "personnes qui pourraient compléter vos compétences.": (
        "Halten Sie fest, was Sie können und was Ihnen fehlt; notieren Sie die Personen, die "
        "Ihre Kompetenzen ergänzen könnten.",
        "Fate il punto su ciò che sapete fare e su ciò che vi manca; annotate le persone che "
        "potrebbero completare le vostre competenze.",
        "Take stock of what you can do and of what you lack; note the people who could "
        "complement your skills.",
    ),
    "Une liste de vos forces et de trois compétences à trouver chez d'autres.": (
        "Eine Liste Ihrer Stärken und von drei Kompetenzen, die Sie bei anderen finden müssen.",
        "Un elenco dei vostri punti di forza e di tre competenze da trovare presso altri.",
        "A list of your strengths and of three skills to find in other people.",
    ),
    "Qui agit déjà sur ce problème près de chez vous ? La carte des parties prenantes évite "
    "de réinventer ce qui existe et révèle de futurs alliés.": (
        "Wer engagiert sich in Ihrer Nähe bereits gegen dieses Problem? Die Landkarte der "
        "Anspruchsgruppen verhindert, dass Sie Bestehendes neu erfinden, und zeigt künftige "
        "Verbündete.",
        "Chi agisce già su questo problema vicino a voi? La mappa dei portatori di interesse "
        "evita di reinventare ciò che esiste e rivela futuri alleati.",
        "Who is already working on this problem near you? The stakeholder map saves you from "
        "reinventing what exists and reveals future allies.",
    ),
    "Une carte avec au moins cinq acteurs à rencontrer, et une décision écrite : continuer, "
    "attendre ou renoncer.": (
        "Eine Landkarte mit mindestens fünf Akteuren, die Sie treffen wollen, und ein "
        "schriftlicher Entscheid: weitermachen, abwarten oder verzichten.",
        "Una mappa con almeno cinque attori da incontrare, e una decisione scritta: continuare, "
        "aspettare o rinunciare.",
        "A map with at least five players to meet, and a written decision: carry on, wait or "
        "give up.",
    ),
    # Conception.
    "Fil rouge « Conception » : de l'idée au modèle": (
        "Leitfaden «Konzeption»: von der Idee zum Modell",
        "Filo conduttore «Ideazione»: dall'idea al modello",
        "“Conception” guide: from the idea to the model",
    ),
    "Formuler le problème, décrire les personnes concernées et dessiner une première version "
    "du modèle socio-économique.": (
        "Das Problem formulieren, die betroffenen Menschen beschreiben und eine erste Fassung "
        "des sozioökonomischen Modells skizzieren.",
        "Formulare il problema, descrivere le persone coinvolte e disegnare una prima versione "
        "del modello socio-economico.",
        "Word the problem, describe the people concerned and sketch a first version of the "
        "socio-economic model.",
    ),
    "Votre idée répond à un problème ou saisit une opportunité. Il s'agit maintenant de la "
    "formuler clairement, de vérifier qu'elle répond à un besoin réel et d'esquisser les trois "
    "leviers de votre modèle : ressources humaines, ressources financières et alliances.": (
        "Ihre Idee antwortet auf ein Problem oder nutzt eine Chance. Jetzt geht es darum, sie "
        "klar zu formulieren, zu prüfen, ob sie einem echten Bedarf entspricht, und die drei "
        "Hebel Ihres Modells zu skizzieren: personelle Ressourcen, finanzielle Ressourcen und "
        "Allianzen.",
        "La vostra idea risponde a un problema o coglie un'opportunità. Ora si tratta di "
        "formularla chiaramente, di verificare che risponda a un bisogno reale e di abbozzare "
        "le tre leve del vostro modello: risorse umane, risorse finanziarie e alleanze.",
        "Your idea answers a problem or seizes an opportunity. Now you need to word it "
        "clearly, check that it meets a real need and sketch the three levers of your model: "
        "human resources, financial resources and alliances.",
    ),
    "Ce fil rouge se parcourt idéalement en petit groupe de quatre à huit personnes, sur "
    "trois ou quatre séances.": (
        "Diesen Leitfaden gehen Sie am besten in einer kleinen Gruppe von vier bis acht "
        "Personen durch, in drei oder vier Sitzungen.",
        "Questo filo conduttore si segue idealmente in un piccolo gruppo da quattro a otto "
        "persone, in tre o quattro incontri.",
        "This guide is best followed in a small group of four to eight people, over three or "
        "four sessions.",
    ),
    "Posez d'abord le problème : sans énoncé partagé, le groupe dessine des solutions "
    "différentes sans s'en rendre compte.": (
        "Legen Sie zuerst das Problem fest: Ohne gemeinsame Formulierung zeichnet die Gruppe "
        "verschiedene Lösungen, ohne es zu merken.",
        "Definite prima il problema: senza un enunciato condiviso, il gruppo disegna soluzioni "
        "diverse senza accorgersene.",
        "Set out the problem first: without a shared statement, the group draws different "
        "solutions without realising it.",
    ),
    "Un énoncé du problème en une phrase, validé par tout le groupe.": (
        "Eine Problemformulierung in einem Satz, von der ganzen Gruppe gutgeheissen.",
        "Un enunciato del problema in una frase, approvato da tutto il gruppo.",
        "A one-sentence problem statement, approved by the whole group.",
    ),
    "Décrivez ensuite les personnes concernées et ce qu'elles vivent ; allez les rencontrer "
    "plutôt que de les imaginer.": (
        "Beschreiben Sie dann die betroffenen Menschen und was sie erleben; treffen Sie sie, "
        "statt sie sich vorzustellen.",
        "Descrivete poi le persone coinvolte e ciò che vivono; andate a incontrarle invece di "
        "immaginarle.",
        "Then describe the people concerned and what they go through; go and meet them rather "
        "than imagine them.",
    ),
    "Deux ou trois personas nourris par de vraies rencontres.": (
        "Zwei oder drei Personas, die auf echten Begegnungen beruhen.",
        "Due o tre persona nutrite da incontri veri.",
        "Two or three personas drawn from real encounters.",
    ),
    "Repérez qui est concerné, qui décide et qui peut aider, avant de dessiner le modèle.": (
        "Klären Sie, wer betroffen ist, wer entscheidet und wer helfen kann, bevor Sie das "
        "Modell zeichnen.",
        "Individuate chi è coinvolto, chi decide e chi può aiutare, prima di disegnare il modello.",
        "Find out who is concerned, who decides and who can help, before you draw the model.",
    ),
    "La carte des parties prenantes, avec les alliés possibles en évidence.": (
        "Die Landkarte der Anspruchsgruppen, mit den möglichen Verbündeten hervorgehoben.",
        "La mappa dei portatori di interesse, con i possibili alleati in evidenza.",
        "The stakeholder map, with the possible allies highlighted.",
    ),
    "Formulez ce que votre projet change pour les personnes concernées, en une phrase "
    "qu'elles comprendraient.": (
        "Formulieren Sie, was Ihr Projekt für die betroffenen Menschen verändert, in einem "
        "Satz, den sie verstehen würden.",
        "Formulate ciò che il vostro progetto cambia per le persone coinvolte, in una frase che "
        "capirebbero.",
        "Put what your project changes for the people concerned into one sentence they would "
        "understand.",
    ),
    "Une proposition de valeur sociale testée auprès de trois personnes.": (
        "Ein soziales Wertversprechen, an drei Personen getestet.",
        "Una proposta di valore sociale provata con tre persone.",
        "A social value proposition tested on three people.",
    ),
    "Remplissez une première fois le canevas à neuf blocs, au crayon : il changera encore. "
    "Travaillez à quatre à huit personnes.": (
        "Füllen Sie das Canvas mit den neun Feldern ein erstes Mal aus, mit Bleistift: Es wird "
        "sich noch ändern. Arbeiten Sie zu viert bis zu acht.",
        "Compilate una prima volta il canvas in nove blocchi, a matita: cambierà ancora. "
        "Lavorate in un gruppo da quattro a otto persone.",
        "Fill in the nine-block canvas a first time, in pencil: it will change again. Work in "
        "a group of four to eight.",
    ),
    "Un premier canevas complet, avec les questions encore ouvertes notées en marge.": (
        "Ein erstes vollständiges Canvas, mit den noch offenen Fragen am Rand notiert.",
        "Un primo canvas completo, con le domande ancora aperte annotate a margine.",
        "A first complete canvas, with the questions still open noted in the margin.",
    ),
}
