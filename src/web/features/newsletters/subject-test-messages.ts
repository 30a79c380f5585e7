/** The texts of a newsletter's subject test (A/B). */
export const fr = {
  'audit.do.newsletter.subject_test.decide': 'Test d’objet décidé (fin de l’attente)',
  'audit.do.newsletter.subject_test.pick': 'Test d’objet : gagnant choisi à la main',
  'newsletters.status.testing': 'Test d’objet en cours',
  'newsletters.subjectTest.form.title': 'Test d’objet (A/B)',
  'newsletters.subjectTest.form.intro':
    'Deux objets essayés sur un échantillon : la moitié reçoit l’objet A (celui de la lettre), l’autre moitié l’objet B. Après l’attente, le reste des destinataires reçoit celui qui a le mieux marché.',
  'newsletters.subjectTest.form.on': 'Essayer un second objet sur un échantillon',
  'newsletters.subjectTest.form.subjectB': 'Objet B',
  'newsletters.subjectTest.form.subjectBHelp':
    'Un autre objet que l’objet A ; les mêmes champs à remplacer y sont permis.',
  'newsletters.subjectTest.form.samplePercent': 'Taille de l’échantillon (% des destinataires)',
  'newsletters.subjectTest.form.samplePercentHelp':
    'Entre {min} et {max} % ; la moitié reçoit A, l’autre B, tirés au hasard.',
  'newsletters.subjectTest.form.waitHours': 'Attente avant de choisir (heures)',
  'newsletters.subjectTest.form.waitHoursHelp':
    'Entre {min} et {max} heures après le début de l’envoi. Le gagnant peut aussi être choisi plus tôt à la main.',
  'newsletters.subjectTest.form.metric': 'Mesure qui décide',
  'newsletters.subjectTest.form.metricHelp':
    'Seules comptent les personnes qui ont accepté la mesure des ouvertures et des clics. Sans aucune mesure, ou à égalité, l’objet A l’emporte.',
  'newsletters.subjectTest.metric.opens': 'Ouvertures',
  'newsletters.subjectTest.metric.clicks': 'Clics',
  'newsletters.subjectTest.range': 'Entre {min} et {max}.',
  'newsletters.subjectTest.wholeNumber': 'Un nombre entier.',
  'newsletters.subjectTest.sameAsSubject': 'L’objet B doit être différent de l’objet A.',
  'newsletters.subjectTest.title': 'Test d’objet (A/B)',
  'newsletters.subjectTest.settings':
    'Échantillon de {percent} % des destinataires, moitié A, moitié B ; décision {hours} h après le début de l’envoi, sur le taux de {metric}.',
  'newsletters.subjectTest.metricWord.opens': 'ouverture',
  'newsletters.subjectTest.metricWord.clicks': 'clic',
  'newsletters.subjectTest.subjectA': 'Objet A',
  'newsletters.subjectTest.subjectB': 'Objet B',
  'newsletters.subjectTest.variant.a': 'A',
  'newsletters.subjectTest.variant.b': 'B',
  'newsletters.subjectTest.pool':
    'Échantillon tiré parmi {eligible} destinataires ; les autres recevront l’objet gagnant.',
  'newsletters.subjectTest.decideAt': 'Choix du gagnant le {date}.',
  'newsletters.subjectTest.decidedAt': 'Gagnant choisi le {date} : objet {variant}.',
  'newsletters.subjectTest.reason.higher_rate':
    'Meilleur taux de {metric} parmi les personnes mesurées.',
  'newsletters.subjectTest.reason.tie': 'Égalité : l’objet A, celui de la lettre, l’emporte.',
  'newsletters.subjectTest.reason.no_tracking':
    'Pas de mesure : personne dans l’échantillon n’a accepté la mesure des ouvertures et des clics. L’objet A, celui de la lettre, l’emporte.',
  'newsletters.subjectTest.reason.no_tracking_one':
    'Pas de mesure : personne dans l’échantillon {variant} n’a accepté la mesure des ouvertures et des clics. L’objet A, celui de la lettre, l’emporte.',
  'newsletters.subjectTest.reason.manual': 'Choisi à la main.',
  'newsletters.subjectTest.atDecision':
    'Au moment du choix : A {rateA} ({hitsA} sur {trackedA} mesurés), B {rateB} ({hitsB} sur {trackedB} mesurés).',
  'newsletters.subjectTest.table': 'Résultats par objet',
  'newsletters.subjectTest.col.variant': 'Objet',
  'newsletters.subjectTest.col.recipients': 'Échantillon',
  'newsletters.subjectTest.col.sent': 'Envoyés',
  'newsletters.subjectTest.col.tracked': 'Mesurés',
  'newsletters.subjectTest.col.opened': 'Ouvertures',
  'newsletters.subjectTest.col.openRate': 'Taux d’ouverture',
  'newsletters.subjectTest.col.clicked': 'Clics',
  'newsletters.subjectTest.col.clickRate': 'Taux de clic',
  'newsletters.subjectTest.noRate': '—',
  'newsletters.subjectTest.winnerBadge': 'Gagnant',
  'newsletters.subjectTest.trackedHelp':
    'Mesurés : les personnes de l’échantillon qui ont accepté la mesure des ouvertures et des clics ; les taux se calculent parmi elles. Un clic compte aussi comme une ouverture.',
  'newsletters.subjectTest.pick': 'Choisir le gagnant maintenant',
  'newsletters.subjectTest.pickVariant': 'Envoyer l’objet {variant} au reste',
  'newsletters.subjectTest.pickTitle': 'Envoyer l’objet {variant} au reste',
  'newsletters.subjectTest.pickText':
    'Le reste des destinataires reçoit maintenant l’objet {variant} : « {subject} ». Ce choix ne peut pas être défait.',
  'newsletters.subjectTest.picked': 'Objet {variant} envoyé au reste des destinataires.',
  'newsletters.error.subject_test_not_running':
    'Le test d’objet de cette lettre n’attend plus de gagnant (déjà choisi, ou l’envoi est arrêté).',
};

export const en: Record<keyof typeof fr, string> = {
  'audit.do.newsletter.subject_test.decide': 'Subject test decided (wait over)',
  'audit.do.newsletter.subject_test.pick': 'Subject test: winner picked by hand',
  'newsletters.status.testing': 'Testing subjects',
  'newsletters.subjectTest.form.title': 'Subject test (A/B)',
  'newsletters.subjectTest.form.intro':
    'Two subjects tried on a sample: half get subject A (the newsletter’s), the other half subject B. After the wait, the rest of the recipients get the one that did better.',
  'newsletters.subjectTest.form.on': 'Try a second subject on a sample',
  'newsletters.subjectTest.form.subjectB': 'Subject B',
  'newsletters.subjectTest.form.subjectBHelp':
    'Another subject than subject A; the same placeholders are allowed.',
  'newsletters.subjectTest.form.samplePercent': 'Sample size (% of the recipients)',
  'newsletters.subjectTest.form.samplePercentHelp':
    'Between {min} and {max}%; half get A, half B, drawn at random.',
  'newsletters.subjectTest.form.waitHours': 'Wait before choosing (hours)',
  'newsletters.subjectTest.form.waitHoursHelp':
    'Between {min} and {max} hours after sending starts. The winner can also be picked earlier by hand.',
  'newsletters.subjectTest.form.metric': 'Measure that decides',
  'newsletters.subjectTest.form.metricHelp':
    'Only people who agreed to the measuring of opens and clicks count. With no measure at all, or on a tie, subject A wins.',
  'newsletters.subjectTest.metric.opens': 'Opens',
  'newsletters.subjectTest.metric.clicks': 'Clicks',
  'newsletters.subjectTest.range': 'Between {min} and {max}.',
  'newsletters.subjectTest.wholeNumber': 'A whole number.',
  'newsletters.subjectTest.sameAsSubject': 'Subject B must differ from subject A.',
  'newsletters.subjectTest.title': 'Subject test (A/B)',
  'newsletters.subjectTest.settings':
    'Sample of {percent}% of the recipients, half A, half B; decided {hours} h after sending starts, on the {metric} rate.',
  'newsletters.subjectTest.metricWord.opens': 'open',
  'newsletters.subjectTest.metricWord.clicks': 'click',
  'newsletters.subjectTest.subjectA': 'Subject A',
  'newsletters.subjectTest.subjectB': 'Subject B',
  'newsletters.subjectTest.variant.a': 'A',
  'newsletters.subjectTest.variant.b': 'B',
  'newsletters.subjectTest.pool':
    'Sample drawn from {eligible} recipients; the others will get the winning subject.',
  'newsletters.subjectTest.decideAt': 'Winner chosen on {date}.',
  'newsletters.subjectTest.decidedAt': 'Winner chosen on {date}: subject {variant}.',
  'newsletters.subjectTest.reason.higher_rate': 'Higher {metric} rate among the people measured.',
  'newsletters.subjectTest.reason.tie': 'Tie: subject A, the newsletter’s own, wins.',
  'newsletters.subjectTest.reason.no_tracking':
    'No measure: nobody in the sample agreed to the measuring of opens and clicks. Subject A, the newsletter’s own, wins.',
  'newsletters.subjectTest.reason.no_tracking_one':
    'No measure: nobody in sample {variant} agreed to the measuring of opens and clicks. Subject A, the newsletter’s own, wins.',
  'newsletters.subjectTest.reason.manual': 'Picked by hand.',
  'newsletters.subjectTest.atDecision':
    'When chosen: A {rateA} ({hitsA} of {trackedA} measured), B {rateB} ({hitsB} of {trackedB} measured).',
  'newsletters.subjectTest.table': 'Results per subject',
  'newsletters.subjectTest.col.variant': 'Subject',
  'newsletters.subjectTest.col.recipients': 'Sample',
  'newsletters.subjectTest.col.sent': 'Sent',
  'newsletters.subjectTest.col.tracked': 'Measured',
  'newsletters.subjectTest.col.opened': 'Opens',
  'newsletters.subjectTest.col.openRate': 'Open rate',
  'newsletters.subjectTest.col.clicked': 'Clicks',
  'newsletters.subjectTest.col.clickRate': 'Click rate',
  'newsletters.subjectTest.noRate': '—',
  'newsletters.subjectTest.winnerBadge': 'Winner',
  'newsletters.subjectTest.trackedHelp':
    'Measured: the people of the sample who agreed to the measuring of opens and clicks; rates are among them. A click also counts as an open.',
  'newsletters.subjectTest.pick': 'Pick the winner now',
  'newsletters.subjectTest.pickVariant': 'Send subject {variant} to the rest',
  'newsletters.subjectTest.pickTitle': 'Send subject {variant} to the rest',
  'newsletters.subjectTest.pickText':
    'The rest of the recipients now get subject {variant}: “{subject}”. This choice cannot be undone.',
  'newsletters.subjectTest.picked': 'Subject {variant} sent to the rest of the recipients.',
  'newsletters.error.subject_test_not_running':
    'This newsletter’s subject test no longer waits for a winner (already chosen, or the sending was stopped).',
};
