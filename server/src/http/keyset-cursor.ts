import type { FieldError, Language } from '@nahbar/common';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { AppError, fieldError } from './errors.ts';

// Keyset paging, newest first, on (created_at, id): stable while new rows arrive on top. The
// time travels as PostgreSQL's own text — a JS Date would drop the microseconds now() writes,
// and the next page would repeat or skip rows.

export type Cursor = { at: string; id: string };

/** Select this beside a row to build its cursor: the column's exact text. */
export const cursorTime = (createdAt: AnyColumn): SQL<string> => sql<string>`${createdAt}::text`;

export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.at}|${row.id}`).toString('base64url');
}

const PG_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string, language: Language): Cursor {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!PG_TIME.test(at) || !UUID.test(id)) {
    const details: FieldError[] = [
      fieldError('cursor', 'invalid', { de: 'Ungültige Seitenmarke.', en: 'Invalid cursor.' }, language),
    ];
    throw new AppError('validation_failed', details);
  }
  return { at, id };
}

/** The rows after the cursor's row, in (created_at, id) descending order. */
export function olderThan(createdAt: AnyColumn, id: AnyColumn, cursor: string, language: Language): SQL {
  const c = decodeCursor(cursor, language);
  return sql`(${createdAt}, ${id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;
}
