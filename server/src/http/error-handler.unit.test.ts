import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandler, loggableError } from './error-handler.ts';

function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}
const wrapped = (code: string, message: string) =>
  new DrizzleQueryError(
    'insert into mail_outbox (text_body) values ($1)',
    ['https://nahbar.test/einladung?token=GEHEIM'],
    pgError(code, message),
  );

async function answerFor(error: Error) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/boom', async () => {
    throw error;
  });
  const response = await app.inject({ url: '/boom' });
  await app.close();
  return { status: response.statusCode, code: response.json().error.code };
}

describe('database errors as drizzle reports them', () => {
  it.each([
    ['23505', 'duplicate key value violates unique constraint', 409, 'conflict'],
    ['40001', 'could not serialize access', 409, 'conflict'],
    ['22P02', 'invalid input syntax for type uuid', 400, 'validation_failed'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432', 503, 'db_unavailable'],
    ['57P01', 'terminating connection due to administrator command', 503, 'db_unavailable'],
  ])('maps Postgres %s under DrizzleQueryError to %i %s', async (pgCode, message, status, code) => {
    expect(await answerFor(wrapped(pgCode, message))).toEqual({ status, code });
  });

  it('maps a pool connect timeout to 503', async () => {
    const error = new DrizzleQueryError('select 1', [], new Error('timeout exceeded when trying to connect'));
    expect(await answerFor(error)).toEqual({ status: 503, code: 'db_unavailable' });
  });

  it('answers anything else with 500 internal', async () => {
    expect(await answerFor(new TypeError('x is undefined'))).toEqual({ status: 500, code: 'internal' });
  });
});

describe('logging unexpected errors', () => {
  it('keeps the query and the driver’s reason but never the parameters', () => {
    const logged = JSON.stringify(loggableError(wrapped('XX000', 'internal error')));
    expect(logged).toContain('insert into mail_outbox');
    expect(logged).toContain('internal error');
    expect(logged).toContain('XX000');
    expect(logged).not.toContain('GEHEIM');
  });
});
