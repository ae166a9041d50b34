import type { Lexicon } from './inbox-classify.ts';

// German terms for the inbox classifier (syntax and rules in inbox-classify.ts). Written in
// normal spelling; umlauts and ß also match "ae"/"ss" spellings. Chosen for comments under posts
// of social-work institutions: a Kita, a youth centre, a counselling service. Ambiguous words
// are only listed in a phrase that makes them unambiguous, with a comment saying why.

// biome-ignore format: word lists packed by hand; one entry per line would triple the file
export const lexiconDe: Lexicon = {
  language: 'de',
  stopwords: [
    'der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'wir', 'ihr', 'sie', 'es', 'mit', 'für', 'auf', 'zu', 'ein',
    'eine', 'einen', 'sich', 'auch', 'wie', 'den', 'dem', 'des', 'von', 'war', 'sind', 'hat', 'habe', 'haben', 'mein',
    'meine', 'mir', 'mich', 'euch', 'sehr', 'noch', 'schon', 'aber', 'oder', 'wenn', 'dass', 'bei', 'im', 'ja',
    'nein', 'kein', 'keine', 'so', 'echt', 'doch', 'mal',
  ],
  negations: [
    'nicht', 'nich', 'net', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nix',
    'nichts', 'kaum', 'ohne',
  ],
  negationExceptions: ['nur', 'bloß', 'allein'],
  clauseBreaks: ['aber', 'sondern', 'jedoch', 'trotzdem'],
  greetings: [
    'hallo', 'hi', 'hey', 'moin', 'servus', 'guten tag', 'guten morgen', 'guten abend', 'liebe', 'lieber', 'liebes',
    'sehr geehrte', 'sehr geehrter',
  ],
  groups: [
    {
      class: 'question',
      sentenceStart: true,
      terms: [
        'wann', 'wo', 'wie', 'warum', 'wieso', 'weshalb', 'wer', 'wen', 'wem', 'welche*', 'woher', 'wohin', 'wozu',
        'womit', 'kann', 'kannst', 'können', 'könnt', 'könnte*', 'darf', 'dürfen', 'gibt es', "gibt's", 'habt ihr',
        'haben sie', 'hast du', 'ist', 'sind', 'muss', 'müssen', 'soll', 'sollen', 'wird', 'werden', 'bekommt',
        'braucht', 'brauchen', 'geht das', 'stimmt es',
      ],
    },
    // „Was“ is also English "was": "Was great!" must not open a question.
    { class: 'question', sentenceStart: true, falseFriend: true, terms: ['was'] },
    {
      class: 'question',
      terms: [
        'weiß jemand', 'kennt jemand', 'hat jemand', 'ich frage mich', 'eine frage', 'kurze frage',
        'hätte eine frage', 'habe eine frage', 'frage an euch', 'frage an sie', 'ich würde gerne wissen',
        'wüsste gerne', 'bitte um info*', 'bitte um rückmeldung',
      ],
    },
    {
      class: 'praise',
      terms: [
        'super', 'klasse', 'prima', 'großartig', 'genial', 'spitze', 'wunderbar', 'wundervoll', 'hervorragend',
        'fantastisch', 'phantastisch', 'beeindruckend', 'vorbildlich', 'gelungen', 'hilfreich', 'gut', 'sehr gut',
        'richtig gut', 'gute arbeit', 'gut gemacht', 'weiter so', 'hut ab', 'respekt', 'bravo', 'schön*', 'begeistert',
        'schöne aktion', 'gefällt mir', 'gefällt uns', 'finde ich gut', 'liebe es', 'freue mich', 'freuen uns',
        'toller', 'tolle', 'tolles', 'echt stark', 'richtig stark', 'voll stark', 'empfehlenswert',
        // Exclamations that start like a question: the longer phrase wins over „Wie“ / „Kann“.
        'wie schön', 'wie toll', 'wie cool', 'kann ich nur empfehlen', 'kann man nur empfehlen',
        // Youth slang: „geil“, „voll geil“, „mega geiles Fest“ is praise — not a sexual or hostile word here.
        'geil*', '❤', '❤️', '😍', '🥰', '👍', '👏', '🙏', '💪',
      ],
    },
    // „toll“ alone is also the English toll ("death toll"); inflected forms above are German only.
    { class: 'praise', falseFriend: true, terms: ['toll'] },
    // Thanks are dropped, not flipped, under a negation: „nichts zu danken“ is a polite reply.
    {
      class: 'praise',
      negated: 'drop',
      terms: [
        'danke*', 'vielen dank', 'herzlichen dank', 'lieben dank', 'besten dank', 'tausend dank', 'bedanke',
        'bedanken',
      ],
    },
    {
      class: 'criticism',
      terms: [
        'schlecht*', 'schlimm', 'enttäusch*', 'unverschämt*', 'frechheit', 'skandal*', 'katastroph*', 'unmöglich',
        'unprofessionell', 'peinlich', 'ärgerlich', 'verärgert', 'schade', 'nervt', 'nervig', 'ätzend', 'mies*',
        'miserabel', 'zumutung', 'beschwerde', 'beschweren', 'sauer', 'wütend', 'unzufrieden', 'lächerlich',
        'ein witz', 'unzuverlässig', 'problem', 'probleme', 'problematisch', 'zu teuer', 'zu spät', 'zu lange',
        'warte seit', 'warten seit', 'keine reaktion', 'meldet sich niemand', 'antwortet … niemand', 'keine antwort', 'niemand meldet sich', 'nicht erreichbar', 'gefällt mir nicht',
        'gefällt uns nicht', 'finde ich nicht gut', 'scheiße', 'scheiss*', 'mangelhaft', 'chaos', 'chaotisch', '👎',
        '😡', '🤮',
      ],
    },
    // „Mist“ is English fog.
    { class: 'criticism', falseFriend: true, terms: ['mist', 'so ein mist'] },
    {
      class: 'hostile',
      terms: [
        // Insults. Stems cover plural and compounds (Vollidiot, Idioten).
        '*idiot*', 'arschloch', 'arschlöcher', 'arschgeige*', 'wichser', 'hurensohn', 'hurensöhne', 'missgeburt*',
        'schlampe*', 'fotze*', 'versager*', 'trottel*', 'vollpfosten', 'dummkopf', 'hohlbirne*', 'spasti', 'spast',
        'spasten', 'mongo', 'mongos', 'penner', 'drecks*', 'dreckschwein*', 'lügenpresse', 'gutmensch*',
        // Adjectives and „Opfer“/„Schwein“ only aimed at someone: „dumme Frage“, „Opfer von Gewalt“ and a
        // pig on a farm trip are not insults.
        'du bist … dumm', 'ihr seid … dumm', 'seid ihr … dumm', 'bist du … dumm', 'du opfer', 'ihr opfer',
        'du schwein', 'ihr schweine', 'du sau', 'bist du behindert', 'seid ihr behindert', 'ihr seid … behindert',
        // Dehumanising words and slurs.
        'abschaum', 'gesindel', 'ungeziefer', 'parasit*', 'schmarotzer*', '*schmarotzer', 'untermensch*',
        'kakerlake*', 'volksverräter*', 'asylant*', 'kanake*', 'neger*', 'das sind keine menschen',
        'ihr seid keine menschen', 'sind doch keine menschen', 'seid doch keine menschen',
        // „Pack“ is also a pack of nappies; only with an article or pronoun in front.
        'dieses pack', 'das pack', 'ihr pack', 'so ein pack', 'linkes pack', 'elendes pack',
        // Threats and calls for violence.
        'ich bring* dich … um', 'ich bring* euch … um', 'bringe dich um', 'weiß, wo du wohnst', 'weiß, wo ihr wohnt',
        'gehör* … erschossen', 'gehör* … aufgehängt', 'an die wand stellen', 'an die wand gestellt', 'abknallen',
        'abstechen', 'vergasen', 'vergast', 'kaltmachen', 'verreck*', 'halt* die fresse', 'halts maul', "halt's maul",
        'fresse halten', 'verpiss dich', 'verpisst euch', 'fick dich', 'fickt euch', 'bring dich um', 'häng dich auf',
      ],
    },
    {
      class: 'crisis',
      terms: [
        'will nicht mehr leben', 'möchte nicht mehr leben', 'nicht mehr leben will', 'nicht mehr leben möchte',
        'will sterben', 'möchte sterben', 'will … tot sein', 'wäre lieber tot', 'wär lieber tot', 'lieber tot',
        'ich bring* mich … um', 'mich umbringen', 'mich … umzubringen', 'mir das leben nehmen', 'mir etwas antun',
        'mir was antun', 'mir selbst … antun', 'suizid*', 'selbstmord*', 'suizidgedanken', 'lebensmüde',
        'selbstverletz*', 'ich ritze mich', 'ritze mich', 'keinen ausweg', 'kein ausweg', 'ausweglos',
        'keinen sinn mehr', 'nicht mehr aufwachen', 'allem ein ende setzen', 'meinem leben ein ende',
        'abschiedsbrief', 'von der brücke springen', 'mich vor den zug',
        // Violence at home and acute danger.
        'er schlägt mich', 'sie schlägt mich', 'schlägt mich', 'schlägt uns', 'schlägt meine',
        'hat mich … geschlagen', 'er bringt mich … um', 'bedroht mich', 'bedroht uns', 'hat mich vergewaltigt',
        'missbraucht mich', 'hat mich missbraucht', 'habe angst vor meinem', 'habe angst vor ihm',
        'ich bin in gefahr',
      ],
    },
    {
      class: 'counselling',
      terms: [
        'nimmt drogen', 'nehme drogen', 'drogenproblem*', 'alkoholproblem*', 'spielsucht', 'süchtig',
        'trinkt zu viel', 'zwangsgeräumt', 'zwangsräumung', 'räumungsklage', 'wohnung gekündigt', 'werden obdachlos',
        'bin obdachlos', 'weiß nicht mehr weiter', 'weiß nicht weiter', 'weiß nicht mehr, was ich',
        'ich kann einfach nicht mehr', 'brauche hilfe', 'brauche dringend hilfe', 'habe schulden', 'hohe schulden',
        'schuldenfalle', 'wird … gemobbt', 'werde … gemobbt', 'ungewollt schwanger', 'magersucht', 'essstörung',
        'depression*', 'panikattacke*', 'bin so einsam', 'sorgerecht', 'jugendamt will', 'kind weggenommen',
        'kinder weggenommen', 'jobcenter hat … gesperrt',
      ],
    },
    {
      class: 'neutral',
      terms: [
        // „Schwein gehabt“ means luck.
        'schwein gehabt',
        // Exaggerations, not danger: „Das bringt mich noch um vor Lachen“, „Die Hitze bringt mich noch um“.
        // „Er bringt mich noch um“ stays crisis: the longer crisis phrase contains this one.
        'bring* mich … um vor lachen', 'bringt mich noch um', 'sterbe vor lachen', 'vor lachen sterben',
        'lach mich tot', 'lache mich tot',
        // „Bist du lebensmüde?“ is "are you crazy?" said to someone else.
        'bist du lebensmüde', 'seid ihr lebensmüde',
        // Greetings and wellbeing are not a verdict on us: „Schöne Grüße“, „Mir geht es nicht gut“.
        'schöne grüße', 'schönen tag', 'schönes wochenende', 'schönen abend', 'geht es … gut', "geht's … gut",
        'geht es … schlecht', 'gut zu wissen', 'alles gute', 'ganz schön',
        // A solved problem is good news.
        'problem … gelöst', 'problem … behoben',
        // Modal particles mark a statement, not a question: „Ist doch klar.“, „Ist ja gut.“
        'ist doch', 'ist ja', 'sind doch', 'sind ja',
        // Not questions: „Was für ein Tag“, „Wie immer pünktlich.“
        'was für ein*', 'wie immer', 'wie gesagt', 'wie versprochen',
        // „Dreckspatz“ is what a Kita calls a happily muddy child, not „Drecks…“.
        'dreckspatz*',
      ],
    },
  ],
};
