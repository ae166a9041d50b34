import type { SensitiveLexicon } from './pii-words.ts';

// English words for special categories of personal data (Art. 9 GDPR) and social-work topics.
// Same syntax as the German list (pii-words.ts). No `addict*` head wildcards that would catch
// everyday words; "therapy dog" and "blind spot" are neutral.

// biome-ignore format: word lists packed by hand; one entry per line would triple the file
export const piiLexiconEn: SensitiveLexicon = {
  language: 'en',
  terms: [
    // health, diagnosis
    'diagnos*', 'illness*', 'chronically ill', 'cancer', 'tumour*', 'tumor*', 'chemotherapy', 'diabetes', 'diabetic*',
    'epilepsy', 'epileptic*', 'hiv', 'hiv-positive', '=AIDS', 'hepatitis', 'adhd', 'autism', 'autistic', 'asperger*',
    'down syndrome', "down's syndrome", 'dementia', "alzheimer's", 'alzheimer*', 'medication',
    // psychiatric
    'depression*', 'depressed', 'anxiety disorder*', 'panic attack*', 'eating disorder*', 'anorexi*', 'bulimi*',
    'bipolar', 'schizophreni*', 'psychosis', 'psychotic', 'psychiatric', 'psychiatry', 'psychiatrist*',
    'mental illness*', 'mentally ill', 'mental health condition*', 'ptsd', 'traumatised', 'traumatized',
    'suicid*', 'self-harm*', 'personality disorder*', 'ocd',
    // therapy
    'therapy', 'therapies', 'therapist*', 'psychotherapy', 'counselling for', 'in treatment',
    // disability
    'disabilit*', 'disabled', 'wheelchair user*', 'in a wheelchair', 'deaf', 'blind', 'learning difficult*',
    'special needs',
    // addiction
    'addict*', 'alcohol', 'alcoholic*', 'alcoholism', 'drug abuse', 'substance abuse', 'drug use*', 'rehab',
    'detox', 'methadone', 'heroin', 'gambling problem*',
    // pregnancy
    'pregnan*', 'abortion*',
    // religion
    'muslim*', 'islamic', 'jewish', 'jew', 'jews', 'hindu*', 'sikh*', 'buddhist*', 'atheist*', "jehovah's witness*",
    // sexuality, gender identity
    'gay', 'lesbian*', 'bisexual*', 'homosexual*', 'queer', 'transgender', 'trans woman', 'trans man', 'non-binary',
    'nonbinary', 'coming out', 'came out', 'lgbt*',
    // migration status
    'refugee*', 'asylum*', 'undocumented', 'deport*', 'residence permit*', 'unaccompanied minor*',
    // criminal record, justice
    'criminal record*', 'convicted', 'conviction*', 'prison*', 'jail*', 'inmate*', 'on probation', 'parole*',
    'offender*', 'juvenile detention',
    // youth welfare, poverty
    'foster child*', 'in care', 'child protection case*', 'abused', 'abuse', 'neglected', 'homeless*',
    'on benefits', 'in debt', 'trade union member*',
  ],
  neutral: ['therapy dog*', 'therapy animal*', 'blind spot*', 'blind date*', 'alcohol-free', 'alcohol free'],
};
