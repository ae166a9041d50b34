import type { InvitationPreview, LoginInput, Session, SetupInput } from '@nahbar/common';
import { api } from '../../app/api.ts';

export const authApi = {
  setup: (input: SetupInput) => api.post<Session>('/setup', input),
  login: (input: LoginInput) => api.post<Session>('/auth/login', input),
  logout: () => api.post<void>('/auth/logout'),
  requestPasswordReset: (email: string) => api.post<void>('/auth/password-reset/request', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    api.post<void>('/auth/password-reset/confirm', { token, password }),
  invitation: (token: string) => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, body: { name?: string; password?: string }) =>
    api.post<Session>(`/invitations/${encodeURIComponent(token)}/accept`, body),
};
