// Public help numbers and the hints the inbox shows next to crisis and counselling items.
// Data only: the web app renders it, the server may put it into notifications. Numbers are the
// German nationwide services; `tel` is the dialable form for tel: links. The organisation's own
// crisis procedure (inbox settings) is shown above these — it comes first, these are the backup.

export type HelpNumber = {
  name: string;
  number: string;
  tel: string;
  /** Who it is for and when it is reachable. */
  note: string;
};

export type CrisisHelp = {
  title: string;
  /** What to do now, shown before the numbers. */
  hint: string;
  /** Acute danger: these come first and are styled as emergency numbers. */
  emergency: HelpNumber[];
  numbers: HelpNumber[];
  /** Shown when the organisation has not written down its own crisis procedure yet. */
  noProcedure: string;
};

export type CounsellingHint = { title: string; hint: string; noProtectedChannel: string };

export const crisisHelp: { de: CrisisHelp; en: CrisisHelp } = {
  de: {
    title: 'Mögliche Krise: sofort handeln',
    hint:
      'Diese Nachricht enthält Hinweise auf Suizidgedanken, Selbstverletzung, Gewalt oder akute Gefahr. ' +
      'Folgen Sie dem Krisenablauf Ihrer Organisation, antworten Sie zeitnah, persönlich und ruhig, ' +
      'nennen Sie die Hilfenummern und bieten Sie einen geschützten Kontakt an. Besprechen Sie keine Details öffentlich. ' +
      'Bei akuter Gefahr: 112 (Notruf) oder 110 (Polizei).',
    emergency: [
      {
        name: 'Notruf (Rettungsdienst, Feuerwehr)',
        number: '112',
        tel: '112',
        note: 'Bei akuter Lebensgefahr, kostenlos, rund um die Uhr',
      },
      { name: 'Polizei', number: '110', tel: '110', note: 'Bei Gewalt und Bedrohung, kostenlos, rund um die Uhr' },
    ],
    numbers: [
      {
        name: 'TelefonSeelsorge',
        number: '0800 111 0 111',
        tel: '08001110111',
        note: 'Kostenlos, anonym, rund um die Uhr',
      },
      {
        name: 'TelefonSeelsorge',
        number: '0800 111 0 222',
        tel: '08001110222',
        note: 'Kostenlos, anonym, rund um die Uhr',
      },
      { name: 'TelefonSeelsorge', number: '116 123', tel: '116123', note: 'Kostenlos, anonym, rund um die Uhr' },
      {
        name: 'Nummer gegen Kummer – Kinder- und Jugendtelefon',
        number: '116 111',
        tel: '116111',
        note: 'Für Kinder und Jugendliche, kostenlos und anonym',
      },
      {
        name: 'Nummer gegen Kummer – Elterntelefon',
        number: '0800 111 0 550',
        tel: '08001110550',
        note: 'Für Eltern, kostenlos und anonym',
      },
      {
        name: 'Hilfetelefon Gewalt gegen Frauen',
        number: '116 016',
        tel: '116016',
        note: 'Bei häuslicher und sexueller Gewalt, kostenlos, rund um die Uhr, in vielen Sprachen',
      },
    ],
    noProcedure:
      'Ihre Organisation hat noch keinen Krisenablauf hinterlegt. Legen Sie ihn in den Einstellungen des Posteingangs fest.',
  },
  en: {
    title: 'Possible crisis: act now',
    hint:
      'This message contains signs of suicidal thoughts, self-harm, violence or acute danger. ' +
      'Follow your organisation’s crisis procedure, answer promptly, personally and calmly, ' +
      'give the help numbers and offer a protected contact. Do not discuss details in public. ' +
      'In acute danger: 112 (emergency) or 110 (police).',
    emergency: [
      {
        name: 'Emergency (ambulance, fire brigade)',
        number: '112',
        tel: '112',
        note: 'When a life is in danger, free, 24 hours',
      },
      { name: 'Police', number: '110', tel: '110', note: 'Violence and threats, free, 24 hours' },
    ],
    numbers: [
      {
        name: 'TelefonSeelsorge (crisis line)',
        number: '0800 111 0 111',
        tel: '08001110111',
        note: 'Free, anonymous, 24 hours',
      },
      {
        name: 'TelefonSeelsorge (crisis line)',
        number: '0800 111 0 222',
        tel: '08001110222',
        note: 'Free, anonymous, 24 hours',
      },
      { name: 'TelefonSeelsorge (crisis line)', number: '116 123', tel: '116123', note: 'Free, anonymous, 24 hours' },
      {
        name: 'Nummer gegen Kummer – helpline for children and young people',
        number: '116 111',
        tel: '116111',
        note: 'For children and young people, free and anonymous',
      },
      {
        name: 'Nummer gegen Kummer – helpline for parents',
        number: '0800 111 0 550',
        tel: '08001110550',
        note: 'For parents, free and anonymous',
      },
      {
        name: 'Violence against women helpline',
        number: '116 016',
        tel: '116016',
        note: 'Domestic and sexual violence, free, 24 hours, in many languages',
      },
    ],
    noProcedure: 'Your organisation has not set a crisis procedure yet. Add it in the inbox settings.',
  },
};

export const counsellingHint: { de: CounsellingHint; en: CounsellingHint } = {
  de: {
    title: 'Persönliches Anliegen: geschützt weiterreden',
    hint:
      'Hier erzählt jemand öffentlich von einem persönlichen Problem. Antworten Sie freundlich und kurz, ' +
      'besprechen Sie keine Details öffentlich und laden Sie zu einem geschützten Kanal ein ' +
      '(Beratungschat, Telefon, Direktnachricht). Fragen Sie öffentlich nicht nach Namen, Adressen oder Einzelheiten.',
    noProtectedChannel:
      'Ihre Organisation hat noch keinen geschützten Kanal hinterlegt (z. B. Beratungschat oder Telefon). Legen Sie ihn in den Einstellungen des Posteingangs fest.',
  },
  en: {
    title: 'Personal problem: continue in a protected channel',
    hint:
      'Someone is telling a personal problem in public. Answer kindly and briefly, do not discuss details ' +
      'in public and invite them to a protected channel (counselling chat, phone, direct message). ' +
      'Never ask for names, addresses or particulars in public.',
    noProtectedChannel:
      'Your organisation has not set a protected channel yet (e.g. counselling chat or phone). Add it in the inbox settings.',
  },
};
