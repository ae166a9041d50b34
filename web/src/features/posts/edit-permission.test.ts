import type { Post } from '@nahbar/common';
import { describe, expect, it } from 'vitest';
import { editBlock } from './edit-permission.ts';

const post = (authorId: string, states: string[]) =>
  ({ authorId, targets: states.map((state) => ({ state })) }) as unknown as Post;
const editor = { draft: true, publish: true };
const contributor = { draft: true, publish: false };
const viewer = { draft: false, publish: false };

describe('editBlock', () => {
  it('lets the editorial team edit any post, planned or not', () => {
    expect(editBlock(post('someone', ['scheduled']), 'me', editor)).toBeNull();
  });
  it('lets a contributor edit an own draft', () => {
    expect(editBlock(post('me', ['draft', 'draft']), 'me', contributor)).toBeNull();
  });
  it('keeps a contributor from someone else’s draft', () => {
    expect(editBlock(post('someone', ['draft']), 'me', contributor)).toBe('notOwn');
  });
  it('keeps a contributor from an own post once a channel is planned', () => {
    expect(editBlock(post('me', ['draft', 'scheduled']), 'me', contributor)).toBe('notDraft');
  });
  it('lets a viewer only read', () => {
    expect(editBlock(post('me', ['draft']), 'me', viewer)).toBe('viewer');
  });
});
