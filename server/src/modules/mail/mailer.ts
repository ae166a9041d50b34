import type { OutboxMail } from '@nahbar/common';
import { desc, eq, isNull, or } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db, DbOrTx } from '../../db/open.ts';
import { mailOutbox } from '../../db/schema/index.ts';
import type { Logger } from '../../logger.ts';

export type Mail = { orgId: string | null; to: string; subject: string; text: string; html: string };

export type Mailer = {
  /**
   * Stores the mail, then delivers it in the background: a mail is never silently lost, and
   * the caller's answer does not wait for (or reveal through its timing) the SMTP server.
   * Without SMTP it stays in the outbox.
   */
  send: (mail: Mail) => Promise<void>;
  /** Resolves when every delivery started so far has finished (shutdown, tests). */
  idle: () => Promise<void>;
  close: () => void;
};

export function createMailer(db: Db, smtpUrl: string | undefined, from: string, log: Logger): Mailer {
  // nodemailer (~7 MB) is loaded with the first mail, and not at all without SMTP.
  let transport: Promise<Transporter> | undefined;
  const connect = (url: string) =>
    (transport ??= import('nodemailer').then((m) => m.default.createTransport(url) as Transporter));
  const pending = new Set<Promise<void>>();

  async function deliver(id: string, mail: Mail): Promise<void> {
    if (!smtpUrl) return;
    try {
      await (await connect(smtpUrl)).sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ mailId: id, err: message }, 'mail delivery failed; kept in outbox');
      await db
        .update(mailOutbox)
        .set({ status: 'failed', error: message })
        .where(eq(mailOutbox.id, id))
        .catch((dbError: unknown) => log.error({ mailId: id, err: String(dbError) }, 'could not mark mail failed'));
    }
  }

  return {
    async send(mail) {
      const [row] = await db
        .insert(mailOutbox)
        .values({ orgId: mail.orgId, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html })
        .returning({ id: mailOutbox.id });
      if (!smtpUrl || !row) return;
      const delivery = deliver(row.id, mail).finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async idle() {
      await Promise.all([...pending]);
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}

/**
 * Mails an organisation's admins may read: the organisation's own (invitations), and for
 * instance admins also personal mails (password resets) — those carry sign-in links, so
 * an organisation admin must never see another organisation's members' resets.
 */
export async function listOutbox(db: DbOrTx, orgId: string, instanceAdmin: boolean): Promise<OutboxMail[]> {
  const scope = instanceAdmin ? or(eq(mailOutbox.orgId, orgId), isNull(mailOutbox.orgId)) : eq(mailOutbox.orgId, orgId);
  const rows = await db.select().from(mailOutbox).where(scope).orderBy(desc(mailOutbox.createdAt)).limit(200);
  return rows.map((row) => ({
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    status: row.status as OutboxMail['status'],
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
