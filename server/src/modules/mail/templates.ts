import type { Language } from '@nahbar/common';

// Real German and English mails: a text part for every client, an HTML part for most.
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type Rendered = { subject: string; text: string; html: string };

/** The house layout: paragraphs, one button with its link spelled out, a footer. */
export function render(
  subject: string,
  paragraphs: string[],
  action: { label: string; url: string },
  footer: string,
): Rendered {
  const text = [...paragraphs, '', `${action.label}: ${action.url}`, '', '—', footer].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e;max-width:560px">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1c5d8c;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(action.url)}</p>
<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}

export function invitationMail(
  language: Language,
  p: { organisation: string; inviter: string; url: string; expiresDays: number },
): Rendered {
  if (language === 'en') {
    return render(
      `Invitation to ${p.organisation} on nahbar`,
      [
        'Hello,',
        `${p.inviter} invites you to join ${p.organisation} on nahbar, the social-media workbench of your organisation.`,
        `The link is valid for ${p.expiresDays} days.`,
      ],
      { label: 'Accept invitation', url: p.url },
      'If you did not expect this invitation, you can ignore this e-mail.',
    );
  }
  return render(
    `Einladung zu ${p.organisation} bei nahbar`,
    [
      'Guten Tag,',
      `${p.inviter} lädt Sie ein, bei ${p.organisation} in nahbar mitzuarbeiten – der Social-Media-Werkstatt Ihrer Organisation.`,
      `Der Link ist ${p.expiresDays} Tage gültig.`,
    ],
    { label: 'Einladung annehmen', url: p.url },
    'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
  );
}

export function passwordResetMail(
  language: Language,
  p: { name: string; url: string; expiresMinutes: number },
): Rendered {
  if (language === 'en') {
    return render(
      'Reset your nahbar password',
      [`Hello ${p.name},`, `Someone asked to reset your password. The link is valid for ${p.expiresMinutes} minutes.`],
      { label: 'Set a new password', url: p.url },
      'If you did not ask for this, ignore this e-mail; your password stays as it is.',
    );
  }
  return render(
    'Ihr nahbar-Passwort zurücksetzen',
    [
      `Guten Tag ${p.name},`,
      `es wurde angefragt, Ihr Passwort zurückzusetzen. Der Link ist ${p.expiresMinutes} Minuten gültig.`,
    ],
    { label: 'Neues Passwort festlegen', url: p.url },
    'Wenn Sie das nicht angefragt haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
  );
}

export function channelNeedsReconnectMail(
  language: Language,
  p: { organisation: string; channel: string; networkMessage: string; url: string },
): Rendered {
  if (language === 'en') {
    return render(
      `${p.channel} must be connected again`,
      [
        'Hello,',
        `${p.channel} (${p.organisation}) refused nahbar's credentials, so posts cannot go out on it. The network said: “${p.networkMessage}”.`,
        'Please connect the channel again; posts that failed can then be published with one click.',
      ],
      { label: 'Open channels', url: p.url },
      'You receive this e-mail as an owner or admin of the organisation.',
    );
  }
  return render(
    `${p.channel} muss neu verbunden werden`,
    [
      'Hallo,',
      `${p.channel} (${p.organisation}) hat die Zugangsdaten von nahbar abgelehnt; darüber können gerade keine Beiträge erscheinen. Das Netzwerk meldet: „${p.networkMessage}“.`,
      'Bitte verbinden Sie den Kanal neu; fehlgeschlagene Beiträge lassen sich danach mit einem Klick veröffentlichen.',
    ],
    { label: 'Kanäle öffnen', url: p.url },
    'Sie erhalten diese E-Mail als Inhaber:in oder Admin der Organisation.',
  );
}

export function overdueInboxMail(
  language: Language,
  p: { organisation: string; items: { channel: string; author: string; excerpt: string }[]; url: string },
): Rendered {
  const quote = (text: string) => (language === 'en' ? `“${text}”` : `„${text}“`);
  const list = p.items.slice(0, 20).map((item) => `• ${item.channel}, ${item.author}: ${quote(item.excerpt)}`);
  const more = p.items.length - list.length;
  if (language === 'en') {
    return render(
      p.items.length === 1
        ? `A comment waits for an answer (${p.organisation})`
        : `${p.items.length} comments wait for an answer (${p.organisation})`,
      [
        'Hello,',
        `These comments, mentions or messages at ${p.organisation} are past the response time you set:`,
        ...list,
        ...(more > 0 ? [`… and ${more} more.`] : []),
      ],
      { label: 'Open inbox', url: p.url },
      'You receive this e-mail because the items are assigned to you, or no one is assigned and you answer the inbox.',
    );
  }
  return render(
    p.items.length === 1
      ? `Ein Kommentar wartet auf Antwort (${p.organisation})`
      : `${p.items.length} Kommentare warten auf Antwort (${p.organisation})`,
    [
      'Hallo,',
      `Diese Kommentare, Erwähnungen oder Nachrichten bei ${p.organisation} haben die vereinbarte Antwortzeit überschritten:`,
      ...list,
      ...(more > 0 ? [`… und ${more} weitere.`] : []),
    ],
    { label: 'Posteingang öffnen', url: p.url },
    'Sie erhalten diese E-Mail, weil Ihnen die Einträge zugewiesen sind oder niemand zugewiesen ist und Sie den Posteingang betreuen.',
  );
}
