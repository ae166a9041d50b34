import type { SensitiveLexicon } from './pii-words.ts';

// German words for special categories of personal data (Art. 9 GDPR) and what social work adds
// to them: health, diagnoses, disability, addiction, religion, sexuality, migration status,
// criminal record, youth welfare. Syntax in pii-words.ts: `stem*` extends to the rest of the
// word, `*head` takes compounds in front, `=Word` is case-sensitive. Umlauts and ß also match
// "ae"/"ss" spellings. Prefix wildcards only where no everyday word ends like that: no `*sucht`
// (besucht, Sehnsucht, Eifersucht), no `*störung` (Ruhestörung), no `alkohol*` (alkoholfrei).

// biome-ignore format: word lists packed by hand; one entry per line would triple the file
export const piiLexiconDe: SensitiveLexicon = {
  language: 'de',
  terms: [
    // health, diagnosis
    '*diagnose*', 'diagnostiziert*', 'erkrankt*', '*erkrankung*', 'krankheit*', 'chronisch krank*', '=Krebs',
    'krebskrank*', 'tumor*', 'chemo*', 'diabetes', 'diabetiker*', 'epilepsie', 'epileptiker*', 'hiv', 'hiv-positiv*',
    '=AIDS', 'hepatitis', 'adhs', 'autismus', 'autist*', 'asperger*', 'down-syndrom', 'trisomie*', 'demenz*',
    'dement*', 'alzheimer*', 'pflegegrad*', 'pflegebedürftig*', 'medikament*', 'krankenhausaufenthalt*',
    // psychiatric
    'depression*', 'depressiv*', 'angststörung*', 'panikattacke*', 'essstörung*', 'magersucht*', 'magersüchtig*',
    'bulimie', 'anorexie', 'borderline', 'schizophren*', 'psychose*', 'psychotisch*', 'bipolar*', 'psychisch krank*',
    'psychische erkrankung*', 'psychiatrie*', 'psychiatrisch*', 'traumatisiert*', 'posttraumatisch*', 'ptbs',
    'suizid*', 'selbstmord*', 'selbstverletz*', 'persönlichkeitsstörung*', 'zwangsstörung*',
    'entwicklungsstörung*', 'verhaltensstörung*', 'verhaltensauffällig*', 'lernstörung*',
    // therapy (not „Therapiehund“, see neutral)
    '*therapie', 'therapien', 'therapeut*', 'therapiert*', 'in behandlung',
    // disability
    'behinderung*', 'behindert*', 'schwerbehindert*', 'sehbehindert*', 'gehbehindert*', 'lernbehindert*',
    'geistig behindert*', 'körperbehindert*', 'mehrfachbehindert*', 'rollstuhlfahrer*', 'im rollstuhl', 'gehörlos*',
    'blind', 'blinde', 'blinder', 'blinden',
    // addiction
    '=Sucht', '=Suchtkranke', 'suchtkrank*', 'süchtig*', 'spielsucht', 'drogensucht', 'alkoholsucht', 'mediensucht',
    'kaufsucht', 'alkohol', 'alkoholiker*', 'alkoholabhängig*', 'alkoholkrank*', 'alkoholismus', 'drogen*',
    'drogenabhängig*', 'abhängigkeitserkrankung*', 'entzug', 'entzugsklinik*', 'entgiftung', 'substituiert*',
    'methadon', 'heroin', 'junkie*',
    // pregnancy
    'schwanger*', 'abtreibung*', 'schwangerschaftsabbruch*',
    // religion
    'muslim*', 'moslem*', 'islamisch*', 'jüdisch*', 'jude', 'juden', 'jüdin', 'hindu*', 'buddhist*', 'atheist*',
    'konvertiert*', 'zeugen jehovas',
    // sexuality, gender identity
    'schwul*', 'lesbisch*', 'lesbe', 'lesben', 'bisexuell*', 'homosexuell*', 'queer*', 'transgender*',
    'transsexuell*', 'transident*', 'trans-person*', 'nicht-binär*', 'nichtbinär*', 'coming-out', 'coming out',
    'lgbt*', 'lsbti*',
    // migration status
    'asyl*', 'geflüchtet*', 'flüchtling*', 'duldung', 'geduldet*', 'abschiebung*', 'abgeschoben*',
    'aufenthaltsstatus', 'aufenthaltstitel', 'ohne papiere', 'illegal eingereist*', 'unbegleitete minderjährige*',
    // criminal record, justice
    'vorstrafe*', 'vorbestraft*', 'straffällig*', 'straftat*', 'haftstrafe*', 'inhaftiert*', 'haftentlass*',
    'gefängnis*', 'jva', 'jugendstrafe*', 'bewährungshelfer*', 'auf bewährung', 'verurteilt*', 'jugendarrest',
    // youth welfare, poverty
    'inobhutnahme', 'in obhut genommen', 'kindeswohlgefährdung*', 'missbrauch*', 'missbraucht*', 'misshandelt*',
    'misshandlung*', 'heimkind*', 'pflegekind*', 'obdachlos*', 'wohnungslos*', 'bürgergeldempfänger*',
    'hartz-iv-empfänger*', 'sozialhilfeempfänger*', 'schulden', 'verschuldet*', 'insolvenz*',
    // trade union (Art. 9)
    'gewerkschaftsmitglied*',
  ],
  // Words that contain a term but are about an offer or a thing, not a person's data.
  neutral: [
    'therapiehund*', 'therapiepferd*', 'therapiebegleithund*', 'drogerie*', 'drogeriemarkt*', 'blinddarm*',
    'blindtext*', 'blind date', 'blindenschrift', 'behindertengerecht*', 'behindertenparkplatz*',
    'alkoholfrei*', 'jugendschutz', 'asylpolitik', 'suchtprävention', 'drogenprävention', 'medikamentenausgabe',
  ],
};
