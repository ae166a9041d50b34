import type {
  CreatePostInput,
  Media,
  Post,
  PostTarget,
  PostTemplate,
  PostVersion,
  TargetState,
  UpdatePostInput,
} from '@nahbar/common';
import { api } from '../../app/api.ts';
import { uploadMedia } from '../media/media-api.ts';

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;
const target = (orgId: string, id: string) => `${org(orgId)}/targets/${encodeURIComponent(id)}`;
const post = (orgId: string, id: string) => `${org(orgId)}/posts/${encodeURIComponent(id)}`;
const template = (orgId: string, id: string) => `${org(orgId)}/templates/${encodeURIComponent(id)}`;

export type When = CreatePostInput['when'];
export type PostFilters = { tag?: string; state?: TargetState; q?: string; authorId?: string };
/** One page of the list, newest first; `nextCursor` is null on the last page. */
export type PostPage = { posts: Post[]; nextCursor: string | null };
export type TagCount = { tag: string; count: number };
export type TemplateInput = { name: string; text: string; tags: string[]; channelIds: string[] };

export const postKeys = {
  all: (orgId: string) => ['org', orgId, 'posts'] as const,
  /** Every list (each filter combination) sits under this prefix, so target actions update all of them. */
  lists: (orgId: string) => ['org', orgId, 'posts', 'list'] as const,
  list: (orgId: string, filters: PostFilters = {}) => ['org', orgId, 'posts', 'list', filters] as const,
  detail: (orgId: string, id: string) => ['org', orgId, 'post', id] as const,
  versions: (orgId: string, id: string) => ['org', orgId, 'post', id, 'versions'] as const,
  tags: (orgId: string) => ['org', orgId, 'post-tags'] as const,
  templates: (orgId: string) => ['org', orgId, 'post-templates'] as const,
};

const PAGE_SIZE = 50;

function query(filters: PostFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  // The cursor belongs to the filters it came with: the page after it is of the same list.
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const postsApi = {
  /** Newest first, 50 at a time; the server names the next page's cursor in the x-next-cursor header. */
  list: async (orgId: string, filters: PostFilters = {}, cursor: string | null = null): Promise<PostPage> => {
    let nextCursor: string | null = null;
    const posts = await api.get<Post[]>(`${org(orgId)}/posts?${query(filters, cursor)}`, {
      onHeaders: (headers) => {
        nextCursor = headers.get('x-next-cursor');
      },
    });
    return { posts, nextCursor };
  },
  get: (orgId: string, id: string) => api.get<Post>(post(orgId, id)),
  create: (orgId: string, input: CreatePostInput) => api.post<Post>(`${org(orgId)}/posts`, input),
  update: (orgId: string, id: string, input: UpdatePostInput) => api.patch<Post>(post(orgId, id), input),
  schedulePost: (orgId: string, id: string, when: When) => api.post<Post>(`${post(orgId, id)}/schedule`, { when }),
  remove: (orgId: string, id: string) => api.delete(post(orgId, id)),
  versions: (orgId: string, id: string) => api.get<PostVersion[]>(`${post(orgId, id)}/versions`),
  restore: (orgId: string, id: string, version: number, baseVersion: number) =>
    api.post<Post>(`${post(orgId, id)}/versions/${version}/restore`, { baseVersion }),
  tags: (orgId: string) => api.get<TagCount[]>(`${org(orgId)}/posts/tags`),
  schedule: (orgId: string, id: string, when: When) => api.post<PostTarget>(`${target(orgId, id)}/schedule`, { when }),
  cancel: (orgId: string, id: string) => api.post<PostTarget>(`${target(orgId, id)}/cancel`),
  takedown: (orgId: string, id: string) => api.post<PostTarget>(`${target(orgId, id)}/takedown`),
  upload: (orgId: string, file: File, onProgress?: (fraction: number) => void): Promise<Media> =>
    uploadMedia(orgId, file, onProgress ?? (() => {})),
};

export const templatesApi = {
  list: (orgId: string) => api.get<PostTemplate[]>(`${org(orgId)}/templates`),
  create: (orgId: string, input: TemplateInput) => api.post<PostTemplate>(`${org(orgId)}/templates`, input),
  update: (orgId: string, id: string, input: Partial<TemplateInput>) =>
    api.patch<PostTemplate>(template(orgId, id), input),
  remove: (orgId: string, id: string) => api.delete(template(orgId, id)),
};
