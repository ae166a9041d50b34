import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type App, type Body, type Ctx, listParam, type Store, send } from './mastodon-contract-fake-store.ts';

// Apps and OAuth of the Mastodon contract fake (docs: methods/apps, methods/oauth; PKCE since
// 4.3: code_challenge + code_challenge_method=S256 on authorize, code_verifier on token).
// Scopes are checked as Doorkeeper does: requested scopes must be among the registered ones.

const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
};
const INVALID_CLIENT = {
  error: 'invalid_client',
  error_description:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
};

const scopeList = (value: unknown) =>
  String(value ?? 'read')
    .split(/[\s+]+/)
    .filter(Boolean);

export function oauthRoutes(store: Store) {
  function clientOf(req: IncomingMessage, body: Body): App | null {
    let id = body.client_id;
    let secret = body.client_secret;
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (basic)
      [id, secret] = Buffer.from(basic[1] as string, 'base64')
        .toString()
        .split(':');
    const app = store.apps.get(String(id ?? ''));
    return app && app.clientSecret === secret ? app : null;
  }

  return {
    createApp({ res }: Ctx, body: Body) {
      if (!body.client_name) return send(res, 422, { error: "Validation failed: Application name can't be blank" });
      const uris = listParam(body, 'redirect_uris')
        .flatMap((u) => u.split(/\s+/))
        .filter(Boolean);
      if (uris.length === 0) return send(res, 422, { error: "Validation failed: Redirect URI can't be blank" });
      const scopes = scopeList(body.scopes);
      const app: App = { clientId: store.secret(), clientSecret: store.secret(), redirectUris: uris, scopes };
      store.apps.set(app.clientId, app);
      send(res, 200, {
        id: store.smallId(),
        name: String(body.client_name),
        website: body.website ?? null,
        scopes,
        redirect_uri: uris.join('\n'),
        redirect_uris: uris,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        client_secret_expires_at: 0,
      });
    },

    /** The fake user is signed in and clicks "Authorize" (or "Deny", when told to). */
    authorize({ res, query }: Ctx) {
      const app = store.apps.get(query.get('client_id') ?? '');
      const redirectUri = query.get('redirect_uri') ?? '';
      if (!app) return send(res, 401, INVALID_CLIENT);
      if (!app.redirectUris.includes(redirectUri)) return send(res, 400, { error: 'invalid_redirect_uri' });
      const back = new URL(redirectUri);
      const state = query.get('state');
      if (state !== null) back.searchParams.set('state', state);
      const redirectError = (error: string, description: string) => {
        back.searchParams.set('error', error);
        back.searchParams.set('error_description', description);
        send(res, 302, null, { location: back.toString() });
      };
      const scopes = scopeList(query.get('scope'));
      if (query.get('response_type') !== 'code') return redirectError('unsupported_response_type', 'code only');
      if (!scopes.every((s) => app.scopes.includes(s))) {
        return redirectError('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
      }
      const challenge = query.get('code_challenge');
      if (challenge && query.get('code_challenge_method') !== 'S256') {
        return redirectError('invalid_request', 'Code challenge method must be S256.');
      }
      if (store.deny) {
        return redirectError('access_denied', 'The resource owner or authorization server denied the request.');
      }
      const code = store.secret();
      store.codes.set(code, { app, redirectUri, scopes, challenge, accountId: store.account(store.authorizeAs).id });
      back.searchParams.set('code', code);
      send(res, 302, null, { location: back.toString() });
    },

    token({ req, res }: Ctx, body: Body) {
      const app = clientOf(req, body);
      if (!app) return send(res, 401, INVALID_CLIENT);
      if (body.grant_type !== 'authorization_code') return send(res, 400, { error: 'unsupported_grant_type' });
      const code = store.codes.get(String(body.code ?? ''));
      if (!code || code.app !== app || code.redirectUri !== body.redirect_uri) return send(res, 400, INVALID_GRANT);
      if (code.challenge) {
        const verifier = String(body.code_verifier ?? '');
        const expected = createHash('sha256').update(verifier).digest('base64url');
        if (expected !== code.challenge) return send(res, 400, INVALID_GRANT);
      }
      store.codes.delete(String(body.code));
      const accessToken = store.secret();
      store.tokens.set(accessToken, { accountId: code.accountId, clientId: app.clientId, scopes: code.scopes });
      send(res, 200, {
        access_token: accessToken,
        token_type: 'Bearer',
        scope: code.scopes.join(' '),
        created_at: Math.floor(Date.now() / 1000),
      });
    },

    revoke({ req, res }: Ctx, body: Body) {
      const app = clientOf(req, body);
      const token = store.tokens.get(String(body.token ?? ''));
      if (!app || (token && token.clientId !== null && token.clientId !== app.clientId)) {
        return send(res, 403, {
          error: 'unauthorized_client',
          error_description: 'You are not authorized to revoke this token',
        });
      }
      store.tokens.delete(String(body.token ?? ''));
      send(res, 200, {});
    },
  };
}
