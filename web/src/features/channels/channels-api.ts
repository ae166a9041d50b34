import type { Channel, ConnectChannelInput } from '@nahbar/common';
import { api } from '../../app/api.ts';

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;
const channel = (orgId: string, id: string) => `${org(orgId)}/channels/${encodeURIComponent(id)}`;

export const channelKeys = {
  list: (orgId: string) => ['org', orgId, 'channels'] as const,
};

export const channelsApi = {
  list: (orgId: string) => api.get<Channel[]>(`${org(orgId)}/channels`),
  connect: (orgId: string, input: ConnectChannelInput) => api.post<Channel>(`${org(orgId)}/channels`, input),
  startMastodon: (orgId: string, input: { instanceUrl: string; channelId?: string }) =>
    api.post<{ authorizeUrl: string }>(`${org(orgId)}/channels/mastodon/start`, input),
  update: (
    orgId: string,
    id: string,
    input: { name?: string; targetIntervalDays?: number; inboxPollMinutes?: number | null },
  ) => api.patch<Channel>(channel(orgId, id), input),
  verify: (orgId: string, id: string) => api.post<Channel>(`${channel(orgId, id)}/verify`),
  reconnect: (orgId: string, id: string, appPassword: string) =>
    api.post<Channel>(`${channel(orgId, id)}/reconnect`, { appPassword }),
  disconnect: (orgId: string, id: string) => api.delete(channel(orgId, id)),
};
