import type { AgeGroup, AgeRules, ConsentPurpose, Language, Signatory } from '@nahbar/common';

// The consent text people read before they sign or confirm: the printed form and the digital
// link say the same. Written to be understood, and honest about what the internet does with
// pictures — a withdrawal stops us, not the copies others have already made.

export type ConsentTextInput = {
  language: Language;
  organisationName: string;
  personName: string;
  purpose: ConsentPurpose;
  /** Social media: the networks asked for (empty: all the organisation uses). */
  networks: readonly string[];
  /** Social media: single channels by name, narrower than networks. */
  channelNames: readonly string[];
  withPicture: boolean;
  validUntil: string | null;
  ageGroup: AgeGroup;
  rules: AgeRules;
  /** The link is for one signatory; the printed form for all of them (null). */
  signatory: Signatory | null;
  /** Whom to contact, e.g. to withdraw: the team member who prepared the form or link. */
  contact: { name: string; email: string } | null;
};

export type ConsentText = { title: string; scopeText: string; paragraphs: string[]; declaration: string };

const NETWORK_NAMES: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', feed: 'Website' };

export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

function list(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'de' ? 'de' : 'en-GB', { type: 'conjunction' }).format(items);
}

/** Where the picture may appear, in one line ("Social Media: Bluesky, Mastodon"). */
export function scopeText(input: Pick<ConsentTextInput, 'language' | 'purpose' | 'networks' | 'channelNames'>) {
  const de = input.language === 'de';
  switch (input.purpose) {
    case 'social_media': {
      const names =
        input.channelNames.length > 0
          ? input.channelNames
          : input.networks.filter((n) => n !== 'feed').map((n) => NETWORK_NAMES[n] ?? n);
      const where = names.length > 0 ? list(names, input.language) : de ? 'alle Netzwerke' : 'all networks';
      return `${de ? 'Social Media' : 'Social media'}: ${where}`;
    }
    case 'website':
      return de ? 'Eigene Website' : 'Own website';
    case 'print':
      return de ? 'Gedruckte Materialien' : 'Printed materials';
    case 'press':
      return de ? 'Presse' : 'Press';
  }
}

export function consentText(input: ConsentTextInput): ConsentText {
  return input.language === 'de' ? germanText(input) : englishText(input);
}

function germanText(i: ConsentTextInput): ConsentText {
  const org = i.organisationName;
  const what = i.withPicture
    ? `das unten gezeigte Foto, auf dem ${i.personName} zu erkennen ist,`
    : `Fotos, auf denen ${i.personName} zu erkennen ist,`;
  const where = {
    social_media:
      i.channelNames.length > 0 || i.networks.length > 0
        ? `in den eigenen Social-Media-Auftritten (${scopeText(i).replace(/^Social Media: /, '')})`
        : 'in den eigenen Social-Media-Auftritten (zum Beispiel Bluesky und Mastodon)',
    website: 'auf der eigenen Website',
    print: 'in gedruckten Materialien (zum Beispiel Flyern, Broschüren, Plakaten oder dem Jahresbericht)',
    press: 'in Pressemitteilungen und zur Weitergabe an Zeitungen, Radio und Online-Medien',
  }[i.purpose];
  const publicNote = {
    social_media:
      'Beiträge in sozialen Netzwerken sind weltweit öffentlich abrufbar. Andere können sie teilen, kopieren oder speichern, und Suchmaschinen können sie finden. Die Netzwerke verarbeiten Inhalte nach ihren eigenen Bedingungen, teils auch außerhalb der Europäischen Union.',
    website:
      'Die Website ist weltweit öffentlich abrufbar. Andere können Inhalte kopieren oder speichern, und Suchmaschinen können sie finden.',
    print: 'Gedruckte Materialien werden verteilt und ausgelegt; wer sie erhält, kann sie behalten und weitergeben.',
    press:
      'Was Zeitungen, Radio oder Online-Medien veröffentlichen, verantworten diese selbst; Online-Artikel sind weltweit abrufbar.',
  }[i.purpose];
  const afterWithdrawal = {
    social_media:
      'Nach einem Widerruf veröffentlichen wir nichts Neues mehr und löschen unsere bereits veröffentlichten Beiträge, soweit uns das technisch möglich ist.',
    website: 'Nach einem Widerruf veröffentlichen wir nichts Neues mehr und entfernen die Inhalte von unserer Website.',
    print:
      'Nach einem Widerruf verwenden wir die Materialien nicht mehr und drucken sie nicht nach. Bereits verteilte Exemplare können wir nicht zurückholen.',
    press:
      'Nach einem Widerruf geben wir nichts mehr an die Presse weiter und bitten Redaktionen, bereits Veröffentlichtes zu entfernen; darauf haben wir aber keinen Einfluss.',
  }[i.purpose];
  const who = {
    child: `Weil ${i.personName} jünger als ${i.rules.guardiansOnlyUnder} Jahre ist, willigen die Sorgeberechtigten ein – bei gemeinsamem Sorgerecht beide.`,
    youth: `Weil ${i.personName} zwischen ${i.rules.guardiansOnlyUnder} und ${i.rules.adultFrom - 1} Jahre alt ist, willigen ${i.personName} selbst und die Sorgeberechtigten ein.`,
    adult: null,
  }[i.ageGroup];
  const validity = i.validUntil
    ? `Die Einwilligung gilt bis einschließlich ${formatDay(i.validUntil, 'de')}.`
    : 'Die Einwilligung gilt ohne Befristung, bis sie widerrufen wird.';
  const contact = i.contact
    ? `Verantwortlich ist ${org}. Ihre Ansprechperson: ${i.contact.name}, ${i.contact.email}.`
    : `Verantwortlich ist ${org}. Wenden Sie sich bitte an Ihre Ansprechperson dort.`;
  const declaration =
    i.signatory === null
      ? `Mit meiner Unterschrift willige ich in die oben beschriebene Veröffentlichung ein.`
      : i.signatory === 'person'
        ? `Ich willige ein, dass ${org} ${what} ${where} veröffentlicht, wie oben beschrieben.`
        : `Ich willige als erziehungsberechtigte Person von ${i.personName} ein, dass ${org} ${what} ${where} veröffentlicht, wie oben beschrieben.`;
  const paragraphs = [
    `${org} möchte ${what} ${where} veröffentlichen. Das gilt auch für Veröffentlichungen, in denen ${i.personName} mit Namen genannt wird. Dafür brauchen wir Ihre Einwilligung.`,
    publicNote,
    validity,
    'Die Einwilligung ist freiwillig. Wenn Sie nicht einwilligen oder später widerrufen, entstehen Ihnen keine Nachteile; die Angebote und die Begleitung durch uns bleiben davon unberührt.',
    'Sie können die Einwilligung jederzeit ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO). Ein formloser Hinweis genügt – mündlich, schriftlich oder per E-Mail. Was bis zum Widerruf veröffentlicht wurde, bleibt rechtmäßig.',
    `${afterWithdrawal} Ehrlich gesagt: Kopien, Weiterleitungen oder Bildschirmfotos, die andere bereits angefertigt haben, können wir nicht zurückholen.`,
    ...(who ? [who] : []),
    `Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren. ${contact}`,
  ];
  return { title: 'Einwilligung zur Veröffentlichung von Fotos', scopeText: scopeText(i), paragraphs, declaration };
}

function englishText(i: ConsentTextInput): ConsentText {
  const org = i.organisationName;
  const what = i.withPicture
    ? `the photo shown below, in which ${i.personName} can be recognised,`
    : `photos in which ${i.personName} can be recognised`;
  const where = {
    social_media:
      i.channelNames.length > 0 || i.networks.length > 0
        ? `on its social media accounts (${scopeText(i).replace(/^Social media: /, '')})`
        : 'on its social media accounts (for example Bluesky and Mastodon)',
    website: 'on its own website',
    print: 'in printed materials (for example flyers, brochures, posters or the annual report)',
    press: 'in press releases and for passing on to newspapers, radio and online media',
  }[i.purpose];
  const publicNote = {
    social_media:
      'Posts on social networks can be seen by anyone, worldwide. Others can share, copy or save them, and search engines can find them. The networks process content under their own terms, partly outside the European Union.',
    website:
      'The website can be seen by anyone, worldwide. Others can copy or save its content, and search engines can find it.',
    print: 'Printed materials are handed out and displayed; whoever receives them can keep and pass them on.',
    press:
      'What newspapers, radio or online media publish is their own responsibility; online articles can be seen worldwide.',
  }[i.purpose];
  const afterWithdrawal = {
    social_media:
      'After a withdrawal we publish nothing new and delete the posts we have already published, as far as technically possible.',
    website: 'After a withdrawal we publish nothing new and remove the content from our website.',
    print:
      'After a withdrawal we stop using the materials and do not reprint them. Copies already handed out cannot be recalled.',
    press:
      'After a withdrawal we pass nothing more to the press and ask editors to remove what they published; we cannot make them, though.',
  }[i.purpose];
  const who = {
    child: `Because ${i.personName} is younger than ${i.rules.guardiansOnlyUnder}, the parents or guardians consent – with joint custody, both of them.`,
    youth: `Because ${i.personName} is between ${i.rules.guardiansOnlyUnder} and ${i.rules.adultFrom - 1} years old, ${i.personName} and the parents or guardians consent.`,
    adult: null,
  }[i.ageGroup];
  const validity = i.validUntil
    ? `The consent is valid up to and including ${formatDay(i.validUntil, 'en')}.`
    : 'The consent has no end date; it is valid until withdrawn.';
  const contact = i.contact
    ? `${org} is responsible. Your contact: ${i.contact.name}, ${i.contact.email}.`
    : `${org} is responsible. Please turn to your contact person there.`;
  const declaration =
    i.signatory === null
      ? 'By signing, I consent to the publication described above.'
      : i.signatory === 'person'
        ? `I consent to ${org} publishing ${what} ${where}, as described above.`
        : `As a parent or guardian of ${i.personName}, I consent to ${org} publishing ${what} ${where}, as described above.`;
  const paragraphs = [
    `${org} would like to publish ${what} ${where}. This includes publications that mention ${i.personName} by name. For this we need your consent.`,
    publicNote,
    validity,
    'Consent is voluntary. If you do not consent, or withdraw later, this has no disadvantages for you; our services and support stay the same.',
    'You can withdraw your consent at any time, without giving reasons, with effect for the future (Art. 7(3) GDPR). An informal message is enough – in person, in writing or by e-mail. What was published before the withdrawal remains lawful.',
    `${afterWithdrawal} To be honest: copies, shares or screenshots that others have already made cannot be recalled by us.`,
    ...(who ? [who] : []),
    `You have the right to access, rectification, erasure and restriction of processing, and the right to lodge a complaint with a data protection supervisory authority. ${contact}`,
  ];
  return { title: 'Consent to the publication of photos', scopeText: scopeText(i), paragraphs, declaration };
}
