import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorCode, errorBody } from './errors.ts';
import { fieldErrors } from './validation.ts';

type PgError = { code?: string; errno?: string };

/** Field details given as {field, code} get their message in the caller's language here. */
function localiseDetails(details: unknown, fallback: ErrorCode, language: 'de' | 'en'): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((item: { field: string; code: string; message?: string }) => {
    if (item.message) return item;
    const known = ERRORS[item.code as ErrorCode] ?? (item.code === 'required' ? undefined : ERRORS[fallback]);
    const message = known ? known[language] : language === 'de' ? 'Pflichtfeld.' : 'Required.';
    return { ...item, message };
  });
}

/**
 * drizzle wraps every driver error in DrizzleQueryError (message: query + params), so the
 * Postgres code sits on `cause`. The first error in the chain that carries a code decides.
 */
function driverError(error: Error & PgError): Error & PgError {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (typeof (current as PgError).code === 'string') return current as Error & PgError;
    current = current.cause;
  }
  return error;
}

/**
 * What goes into the log for an unexpected error: never the query parameters, which hold
 * password hashes, mail bodies with sign-in links and other secrets.
 */
export function loggableError(error: Error): Record<string, unknown> {
  const query = (error as { query?: unknown }).query;
  const cause = driverError(error);
  return {
    type: error.name,
    message: typeof query === 'string' ? `query failed: ${query}` : error.message,
    ...(cause !== error && { cause: cause.message, code: cause.code }),
    stack: cause.stack?.split('\n').slice(1).join('\n'),
  };
}

function classify(fastifyError: FastifyError & PgError): { code: ErrorCode; details?: unknown } | undefined {
  const error = driverError(fastifyError) as FastifyError & PgError;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'body_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'malformed_json' };
    case '23505': // unique_violation: a concurrent request won
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return { code: 'conflict' };
    case '22P02': // invalid_text_representation
    case '22001': // string too long
      return { code: 'validation_failed' };
    case 'ECONNREFUSED':
    case '57P01': // admin_shutdown
    case '57P03': // cannot_connect_now
      return { code: 'db_unavailable' };
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return { code: 'malformed_json' };
  const cause = fastifyError.cause instanceof Error ? fastifyError.cause.message : '';
  if (`${error.message} ${cause}`.includes('timeout exceeded when trying to connect'))
    return { code: 'db_unavailable' };
  if (error.statusCode === 429) return { code: 'rate_limited' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { code: 'validation_failed' };
  return undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = request.language ?? 'de';
  if (error instanceof AppError) {
    return reply
      .headers(error.headers)
      .code(error.status)
      .send(errorBody(error.code, language, localiseDetails(error.details, error.code, language)));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = fieldErrors(error.validation, error.validationContext, language);
    return reply.code(400).send(errorBody('validation_failed', language, details));
  }
  const known = classify(error as FastifyError & PgError);
  if (known) {
    if (known.code === 'db_unavailable') request.log.warn({ err: driverError(error).message }, 'database unavailable');
    return reply.code(ERRORS[known.code].status).send(errorBody(known.code, language, known.details));
  }
  request.log.error({ err: loggableError(error) }, 'unhandled error');
  return reply.code(500).send(errorBody('internal', language));
}
