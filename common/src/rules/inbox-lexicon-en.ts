import type { Lexicon } from './inbox-classify.ts';

// English terms for the inbox classifier (syntax and rules in inbox-classify.ts). Apostrophes are
// optional when matching ("can't" also matches "cant"). Ambiguous words appear only inside a
// phrase that makes them unambiguous, with a comment saying why.

// biome-ignore format: word lists packed by hand; one entry per line would triple the file
export const lexiconEn: Lexicon = {
  language: 'en',
  stopwords: [
    'the', 'and', 'is', 'not', 'i', "i'm", 'we', 'you', "you're", 'it', "it's", 'with', 'for', 'on', 'to', 'a', 'an',
    'this', 'that', 'are', 'was', 'be', 'have', 'has', 'my', 'your', 'our', 'of', 'in', 'so', 'very', 'but', 'or',
    'if', 'at', 'they', 'he', 'she', 'me', 'just', 'really', 'do', "don't", 'what', 'how', 'service',
  ],
  negations: [
    'not', 'no', 'never', 'without', 'hardly', 'nothing', 'isnt', 'wasnt', 'dont', 'doesnt', 'didnt', 'arent',
    'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'aint',
  ],
  negationExceptions: ['only', 'just', 'merely'],
  clauseBreaks: ['but', 'however', 'although', 'though'],
  greetings: ['hello', 'hi', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening'],
  groups: [
    {
      class: 'question',
      sentenceStart: true,
      terms: [
        'when', 'where', 'how', 'why', 'what', 'who', 'whom', 'whose', 'which', 'can', 'could', 'may', 'is there',
        'are there', 'is it', 'is this', 'are you', 'do you', 'does', 'did', 'would', 'should', 'have you', 'has',
        'is', 'are', 'do',
      ],
    },
    // "Will" is also German („Ich will …“, „Will jemand …“ is already a question in German, though).
    { class: 'question', sentenceStart: true, falseFriend: true, terms: ['will'] },
    {
      class: 'question',
      terms: [
        'does anyone know', 'anyone know', 'any idea', 'i was wondering', "i'm wondering", 'wondering if',
        'quick question', 'a question', 'i would like to know', "i'd like to know", 'please let me know',
        'can anyone', 'could someone',
      ],
    },
    {
      class: 'praise',
      terms: [
        'great', 'awesome', 'amazing', 'wonderful', 'fantastic', 'excellent', 'brilliant', 'outstanding',
        'impressive', 'inspiring', 'lovely', 'beautiful', 'nice', 'good', 'perfect', 'helpful', 'bravo', 'kudos',
        'love it', 'love this', 'love what you', 'well done', 'good job', 'great job', 'good work', 'great work',
        'keep it up', 'keep up the good work', 'appreciate*', 'highly recommend', 'i recommend', 'would recommend',
        // Idioms that use violent words for praise: "you're killing it", "a cake to die for".
        'killing it', 'killed it', 'nailed it', 'to die for',
        // "kind" alone is the German „Kind“ (child) and the English "kind of".
        'so kind', 'very kind', 'how kind', 'kind of you',
        // Exclamations that start like a question: the longer phrase wins over "How".
        'how nice', 'how lovely', 'how great', 'how wonderful', 'how cool',
      ],
    },
    // "Gift" is German for poison („Das ist Gift für Kinder“).
    { class: 'praise', falseFriend: true, terms: ['what a gift', 'such a gift', 'a real gift'] },
    {
      class: 'praise',
      negated: 'drop',
      terms: ['thank*', 'thx', 'cheers', 'much appreciated'],
    },
    {
      class: 'criticism',
      terms: [
        'terrible', 'awful', 'horrible', 'disappoint*', 'useless', 'ridiculous', 'unacceptable', 'not acceptable',
        'unprofessional', 'disgrace*', 'shame on you', 'poor service', 'worst', 'waste of', 'complain*', 'annoyed',
        'annoying', 'frustrat*', 'rude', 'still waiting', 'no response', 'no answer', 'not ok', 'not okay',
        'too expensive', 'too late', 'mess', 'sucks', 'problem', 'problems', 'thanks for nothing', 'fed up', 'angry',
        'unreliable', 'is a joke', 'what a joke',
      ],
    },
    // "bad" is the German „Bad“ (bathroom, bath).
    { class: 'criticism', falseFriend: true, terms: ['bad', 'too bad', 'so bad'] },
    {
      class: 'hostile',
      terms: [
        'idiot*', 'moron*', 'imbecile*', 'retard*', 'scum*', 'vermin', 'parasite*', 'subhuman*', 'cockroach*',
        'piece of shit', 'bitch', 'bitches', 'asshole*', 'bastard*', 'dickhead*', 'cunt*', 'loser*', 'fuck you',
        'fuck off', 'stfu', 'shut up', 'go to hell', 'burn in hell', 'you are … stupid', "you're … stupid",
        'are you … stupid', 'hate you', 'not human', 'go back to your country', 'go back where you came from',
        // Telling someone to kill themselves is abuse aimed at them, not their crisis.
        'kill yourself', 'kill yourselves', 'kys', 'go die',
        // Threats.
        'kill you', 'i will find you', 'i know where you live', 'should be shot', 'deserve to die', 'hang them',
      ],
    },
    // "Rat" is German for advice („Ich brauche Rat“), "dick" German for fat, "Pack" German for a pack.
    { class: 'hostile', falseFriend: true, terms: ['rat', 'rats', 'dick'] },
    {
      class: 'crisis',
      terms: [
        'kill myself', 'killing myself', 'end it all', 'end my life', 'take my own life', 'suicid*', 'want to die',
        'wanna die', "don't want to live", 'do not want to live', 'no reason to live', 'better off dead',
        'better off without me', 'self-harm*', 'self harm*', 'cutting myself', 'hurt myself', 'no way out',
        "can't go on", 'cannot go on', 'overdose', 'he hits me', 'she hits me', 'he beats me', 'she beats me',
        'abusing me', 'abuses me', 'not safe at home', 'afraid for my life', 'threatening to kill me',
        'threatens to kill me', 'he will kill me', "he'll kill me", 'raped me',
      ],
    },
    {
      class: 'counselling',
      terms: [
        'evicting us', 'evicting me', 'being evicted', 'eviction', 'evicted', 'using drugs', 'taking drugs',
        'my addiction', 'addicted', 'i need help with', 'need help with my', "i don't know what to do",
        "don't know what to do anymore", 'in debt', "can't pay rent", "can't afford rent", 'being bullied', 'bullied',
        'depressed', 'depression', 'panic attacks', 'so lonely', 'custody', 'eating disorder', 'child services',
        'homeless', 'lost my job', 'drinking problem',
      ],
    },
    {
      class: 'neutral',
      terms: [
        // Laughter and eagerness, not danger.
        'killing myself laughing', 'kill myself laughing', 'dying to', "i'm dying", 'died laughing',
        // "It beats me" means "I don't know".
        'beats me',
        // Greetings and wishes are not a verdict on us.
        'good morning', 'good afternoon', 'good evening', 'good night', 'good luck', 'good to know',
        // Not questions: "What a day!", "How about …" is a suggestion but still asks — left as a question.
        'what a',
      ],
    },
  ],
};
