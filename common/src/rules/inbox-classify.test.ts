import { describe, expect, it } from 'vitest';
import type { InboxClass } from '../schemas/inbox.ts';
import { classify, guessLanguage } from './inbox-classify.ts';

// [text, expected classes in priority order, the terms that must be among the signals]
type Case = [string, InboxClass[], string[]?];

const german: Case[] = [
  // Questions: question mark, openers at a sentence start, after @handles and greetings.
  ['Wann ist das Sommerfest?', ['question'], ['Wann', '?']],
  ['Wo kann man sich anmelden', ['question'], ['Wo']],
  ['Gibt es noch freie Plätze in der Krippe', ['question'], ['Gibt es']],
  ['@kita_nord Habt ihr am Freitag geöffnet', ['question'], ['Habt ihr']],
  ['Hallo zusammen, wie lange dauert die Anmeldung', ['question'], ['wie']],
  ['Weiß jemand, ob der Bus fährt', ['question'], ['Weiß jemand']],
  ['Das Fest war am Samstag. Wie viele Leute waren da', ['question'], ['Wie']],
  // Openers only at the start of a sentence, and exclamations are no questions.
  ['Ich weiß, wo das ist.', []],
  ['Wie schön!', ['praise'], ['Wie schön']],
  ['Wie immer pünktlich.', []],
  ['Was für ein Tag.', []],
  ['Kann ich nur empfehlen.', ['praise'], ['Kann ich nur empfehlen']],
  // Praise, including youth slang.
  ['Vielen Dank für die tolle Arbeit', ['praise'], ['Vielen Dank', 'tolle']],
  ['Voll geil, das Fest!', ['praise'], ['geil']],
  ['Mega geiles Sommerfest, weiter so', ['praise'], ['geiles', 'weiter so']],
  ['Danke 🙏❤️', ['praise'], ['Danke', '🙏', '❤️']],
  ['Super Aktion', ['praise'], ['Super']],
  ['schoen gemacht, DANKESCHÖN', ['praise'], ['schoen', 'DANKESCHÖN']],
  // Negations.
  ['Das ist nicht schlecht', []],
  ['Kein Problem, wir kommen', []],
  ['Ohne Probleme angemeldet, danke', ['praise'], ['danke']],
  ['Das war nicht so toll', ['criticism'], ['nicht so toll']],
  ['Das war echt nicht gut organisiert', ['criticism'], ['nicht gut']],
  ['Nicht nur toll, sondern auch lecker', ['praise'], ['toll']],
  ['Nicht schlecht, aber zu teuer', ['criticism'], ['zu teuer']],
  ['Nichts zu danken', []],
  ['Das gefällt mir nicht', ['criticism'], ['gefällt mir nicht']],
  // Criticism.
  ['Ich warte seit drei Wochen auf eine Antwort, unmöglich', ['criticism'], ['warte seit', 'unmöglich']],
  ['Total enttäuscht von eurer Kita', ['criticism'], ['enttäuscht']],
  ['So ein Mist, schon wieder abgesagt', ['criticism'], ['So ein Mist']],
  ['Das ist eine Frechheit 👎', ['criticism'], ['Frechheit', '👎']],
  // Hostile: insults, hate, threats, dehumanising words.
  ['Ihr Vollidioten', ['hostile'], ['Vollidioten']],
  ['Halt die Fresse', ['hostile'], ['Halt die Fresse']],
  ['Ich weiß, wo du wohnst', ['hostile'], ['weiß, wo du wohnst']],
  ['Das sind doch keine Menschen, das ist Ungeziefer', ['hostile'], ['sind doch keine Menschen', 'Ungeziefer']],
  ['Sozialschmarotzer gehören abgeschoben', ['hostile'], ['Sozialschmarotzer']],
  ['Seid ihr eigentlich dumm?', ['hostile', 'question'], ['Seid ihr eigentlich dumm', '?']],
  ['Dieses Pack gehört erschossen', ['hostile'], ['Dieses Pack', 'gehört erschossen']],
  // Crisis, also when it asks something.
  ['Ich will nicht mehr leben', ['crisis'], ['will nicht mehr leben']],
  ['ich bringe mich heute um', ['crisis'], ['ich bringe mich heute um']],
  ['Ich sehe keinen Ausweg mehr', ['crisis'], ['keinen Ausweg']],
  ['Er schlägt mich jeden Abend. Wo kann ich hin?', ['crisis', 'question'], ['Er schlägt mich', 'Wo', '?']],
  ['Ich habe Suizidgedanken', ['crisis'], ['Suizidgedanken']],
  ['Ich will mir etwas antun', ['crisis'], ['mir etwas antun']],
  // Counselling: a personal problem told in public.
  ['Mein Sohn nimmt Drogen', ['counselling'], ['nimmt Drogen']],
  ['Wir werden zwangsgeräumt', ['counselling'], ['zwangsgeräumt']],
  ['Ich weiß nicht mehr weiter mit meiner Tochter', ['counselling'], ['weiß nicht mehr weiter']],
  ['Ich weiss nicht mehr weiter, was soll ich tun?', ['counselling', 'question'], ['weiss nicht mehr weiter']],
  // False friends and idioms.
  ['Da habt ihr aber Schwein gehabt', []],
  ['Das bringt mich noch um vor Lachen 😂', []],
  ['Ich bring mich um vor Lachen', []],
  ['Die Hitze bringt mich noch um', []],
  ['Er bringt mich noch um', ['crisis'], ['Er bringt mich noch um']],
  ['Das ist pures Gift für die Kinder', []],
  ['Ich brauche einen Rat zur Anmeldung', []],
  ['Das Bad ist frisch renoviert', []],
  ['Die Art und Weise ist neu', []],
  ['Unsere kleinen Dreckspatzen im Matsch', []],
  ['Mir geht es heute nicht gut', []],
  ['Schöne Grüße aus dem Jugendzentrum', []],
  ['Opfer von Gewalt bekommen bei uns Hilfe', []],
  ['Bist du lebensmüde, so zu fahren', []],
  ['Ganz schön teuer', []],
  ['Ist doch klar, dass das nicht geht.', []],
  ['Das Problem ist gelöst, danke!', ['praise'], ['danke']],
  [
    'Liebe Kita, danke für das schöne Fest, die Kinder waren begeistert!',
    ['praise'],
    ['danke', 'schöne', 'begeistert'],
  ],
  ['Warum antwortet hier niemand? Seit Tagen keine Reaktion.', ['question', 'criticism'], ['Warum', 'keine Reaktion']],
  ['Meine Tochter wird in der Schule gemobbt', ['counselling'], ['wird in der Schule gemobbt']],
];

const english: Case[] = [
  ['When does the summer party start?', ['question'], ['When', '?']],
  ['Is there parking nearby', ['question'], ['Is there']],
  ['Hi there, how do I register', ['question'], ['how']],
  ['Does anyone know the opening hours', ['question'], ['Does anyone know']],
  ['What a great day!', ['praise'], ['great']],
  ['Thank you so much, amazing work', ['praise'], ['Thank', 'amazing']],
  ["You're killing it", ['praise'], ['killing it']],
  ['This cake is to die for', ['praise'], ['to die for']],
  ['How kind of you', ['praise'], ['How kind']],
  ['Not bad at all', []],
  ['No problem, see you there', []],
  ['That was not great', ['criticism'], ['not great']],
  ["It wasn't helpful", ['criticism'], ["wasn't helpful"]],
  ['No thanks', []],
  ['Not only great but free', ['praise'], ['great']],
  ['Terrible service, still waiting for an answer', ['criticism'], ['Terrible', 'still waiting']],
  ['The service was bad', ['criticism'], ['bad']],
  ['What a joke', ['criticism'], ['What a joke']],
  ['You are all idiots', ['hostile'], ['idiots']],
  ['Shut up, you rat', ['hostile'], ['Shut up', 'rat']],
  ['Go back to your country', ['hostile'], ['Go back to your country']],
  ['Kill yourself', ['hostile'], ['Kill yourself']],
  ['Why are you so stupid?', ['hostile', 'question'], ['are you so stupid', '?']],
  ['I want to kill myself', ['crisis'], ['kill myself']],
  ["I can't go on, I just want to end it all", ['crisis'], ["can't go on", 'end it all']],
  ['There is no way out. Who can help me?', ['crisis', 'question'], ['no way out', 'Who', '?']],
  ['He beats me when he drinks', ['crisis'], ['He beats me']],
  ['Killing myself laughing at this', []],
  ["Beats me, I'm dying to know", []],
  ['My landlord is evicting us', ['counselling'], ['evicting us']],
  ['I need help with my addiction', ['counselling'], ['I need help with', 'my addiction']],
  ['Thanks for the gift!', ['praise'], ['Thanks']],
  ['Good morning everyone', []],
];

describe('classify', () => {
  it.each([...german, ...english])('%s → %j', (text, expected, terms = []) => {
    const result = classify(text);
    expect(result.classes).toEqual(expected);
    const found = result.signals.map((s) => s.term);
    for (const term of terms) expect(found).toContain(term);
    // Every signal's span points at exactly its term in the original text.
    for (const s of result.signals) expect(text.slice(s.start, s.end)).toBe(s.term);
  });

  it('has enough cases in both languages', () => {
    expect(german.length + english.length).toBeGreaterThanOrEqual(60);
  });
});

describe('priority and primary', () => {
  it.each([
    ['Ich will nicht mehr leben. Wann habt ihr offen?', 'crisis', 3],
    ['Ihr Idioten, wann macht ihr endlich auf?', 'hostile', 2],
    ['Mein Sohn nimmt Drogen, wer kann helfen?', 'counselling', 2],
    ['Wann geht es los?', 'question', 1],
    ['Total enttäuscht', 'criticism', 1],
    ['Danke!', 'praise', 0],
    ['Heute ist Dienstag', null, 0],
  ] as const)('%s → %s (%i)', (text, primary, priority) => {
    const result = classify(text);
    expect(result.primary).toBe(primary);
    expect(result.priority).toBe(priority);
  });

  it('breaks ties in a stable order: hostile before counselling', () => {
    const result = classify('Du Versager, ich weiß nicht mehr weiter');
    expect(result.classes).toEqual(['hostile', 'counselling']);
    expect(result.primary).toBe('hostile');
  });
});

describe('signal spans', () => {
  it('maps spans back to the original text across umlauts, ß and combining marks', () => {
    const text = 'Straße gesperrt? SCHEISSE, ihr Vollidioten. Du bist Abschaum';
    const result = classify(text);
    expect(result.signals.map((s) => [s.class, s.term, s.start])).toEqual([
      ['question', '?', 15],
      ['criticism', 'SCHEISSE', 17],
      ['hostile', 'Vollidioten', 31],
      ['hostile', 'Abschaum', 52],
    ]);
  });

  it('matches ae/oe/ue and ss spellings like umlauts and ß', () => {
    expect(classify('Ich weiss nicht mehr weiter').classes).toEqual(['counselling']);
    expect(classify('Wir werden zwangsgeraeumt').classes).toEqual(['counselling']);
    expect(classify('Das gefaellt mir nicht').signals[0]?.term).toBe('gefaellt mir nicht');
  });

  it('keeps the span right after characters that normalise to two letters', () => {
    const text = 'Größte Frechheit';
    const [signal] = classify(text).signals;
    expect(signal).toMatchObject({ term: 'Frechheit', start: 7, end: 16 });
  });

  it('includes a combining accent in the span of the word it belongs to', () => {
    const text = 'Ide\u0301ot? Idiot';
    const hostile = classify(text).signals.filter((s) => s.class === 'hostile');
    expect(hostile.map((s) => s.term)).toEqual(['Idiot']);
  });

  it('ignores words and question marks inside links and @handles', () => {
    expect(classify('@idiotenfrei schaut mal https://example.org/idiot?x=1').classes).toEqual([]);
    expect(classify('Neu: www.kita.de/frage?id=3').classes).toEqual([]);
  });
});

describe('extra terms from the organisation', () => {
  const extraTerms = [
    { class: 'hostile' as const, term: 'Systemling*' },
    { class: 'counselling' as const, term: 'Bürgergeld gestrichen' },
    { class: 'praise' as const, term: 'Hammer' },
  ];
  it.each([
    ['Ihr Systemlinge', ['hostile'], 'Systemlinge'],
    ['Mir wurde das Buergergeld gestrichen', ['counselling'], 'Buergergeld gestrichen'],
    ['Hammer!', ['praise'], 'Hammer'],
    ['Nicht so der Hammer', ['criticism'], 'Nicht so der Hammer'],
  ] as const)('%s → %j', (text, classes, term) => {
    const result = classify(text, { extraTerms });
    expect(result.classes).toEqual(classes);
    expect(result.signals.map((s) => s.term)).toContain(term);
  });

  it('does not change results without them', () => {
    expect(classify('Ihr Systemlinge').classes).toEqual([]);
  });

  it('treats regex characters in a term literally', () => {
    expect(classify('Das ist a+b (so)', { extraTerms: [{ class: 'criticism', term: 'a+b (so)' }] }).classes).toEqual([
      'criticism',
    ]);
  });
});

describe('guessLanguage', () => {
  it.each([
    ['Das ist nicht so schön, aber ich komme', 'de'],
    ['This is not what I expected, but I will come', 'en'],
    ['Super!', null],
  ] as const)('%s → %s', (text, expected) => {
    expect(guessLanguage(text)).toBe(expected);
  });
});
