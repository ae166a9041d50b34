import type { PublicConsentRequest } from '@nahbar/common';
import { api } from '../../app/api.ts';

const path = (token: string) => `/public/consent-requests/${encodeURIComponent(token)}`;

/** The public consent link: no session, the token is the only key. */
export const consentLinkApi = {
  get: (token: string) => api.get<PublicConsentRequest>(path(token), { skipUnauthenticatedRedirect: true }),
  confirm: (token: string, name: string) =>
    api.post<PublicConsentRequest>(`${path(token)}/confirm`, { name, agree: true }),
};
