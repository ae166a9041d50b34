import type {
  ApiToken,
  AuditPage,
  CreatedApiToken,
  Invitation,
  Member,
  Organisation,
  OrganisationInput,
  OutboxMail,
  Role,
  User,
} from '@nahbar/common';
import { api } from '../../app/api.ts';

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;

/** Query keys: org data starts with ['org', orgId] so switching organisation never mixes data. */
export const keys = {
  organisation: (orgId: string) => ['org', orgId, 'details'] as const,
  members: (orgId: string) => ['org', orgId, 'members'] as const,
  invitations: (orgId: string) => ['org', orgId, 'invitations'] as const,
  audit: (orgId: string, action: string) => ['org', orgId, 'audit', action] as const,
  outbox: (orgId: string) => ['org', orgId, 'outbox'] as const,
  tokens: ['tokens'] as const,
};

export const settingsApi = {
  organisation: (orgId: string) => api.get<Organisation>(org(orgId)),
  createOrganisation: (input: OrganisationInput) => api.post<Organisation>('/orgs', input),
  updateOrganisation: (orgId: string, input: Partial<OrganisationInput>) => api.patch<Organisation>(org(orgId), input),
  members: (orgId: string) => api.get<Member[]>(`${org(orgId)}/members`),
  updateMemberRoles: (orgId: string, userId: string, roles: Role[]) =>
    api.patch<Member>(`${org(orgId)}/members/${encodeURIComponent(userId)}`, { roles }),
  removeMember: (orgId: string, userId: string) => api.delete(`${org(orgId)}/members/${encodeURIComponent(userId)}`),
  invitations: (orgId: string) => api.get<Invitation[]>(`${org(orgId)}/invitations`),
  invite: (orgId: string, input: { email: string; roles: Role[]; language?: string }) =>
    api.post<Invitation>(`${org(orgId)}/invitations`, input),
  revokeInvitation: (orgId: string, id: string) => api.delete(`${org(orgId)}/invitations/${encodeURIComponent(id)}`),
  audit: (orgId: string, params: { before?: string; action?: string }) => {
    const search = new URLSearchParams({ limit: '50' });
    if (params.before) search.set('before', params.before);
    if (params.action) search.set('action', params.action);
    return api.get<AuditPage>(`${org(orgId)}/audit?${search}`);
  },
  outbox: (orgId: string) => api.get<OutboxMail[]>(`${org(orgId)}/outbox`),
  tokens: () => api.get<ApiToken[]>('/tokens'),
  createToken: (input: { name: string; expiresInDays?: number }) => api.post<CreatedApiToken>('/tokens', input),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
  updateMe: (input: { name?: string; language?: string }) => api.patch<User>('/me', input),
  changePassword: (input: { currentPassword: string; newPassword: string }) => api.post<void>('/me/password', input),
  totpSetup: () => api.post<{ secret: string; otpauthUrl: string; qrDataUrl: string }>('/auth/totp/setup'),
  totpEnable: (code: string) => api.post<void>('/auth/totp/enable', { code }),
  totpDisable: (input: { password: string; code: string }) => api.post<void>('/auth/totp/disable', input),
};
