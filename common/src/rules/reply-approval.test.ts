import { describe, expect, it } from 'vitest';
import { replyNeedsApproval, replyRefusal } from './reply-approval.ts';

describe('which answers need approval', () => {
  it.each([
    ['off', ['hostile', 'crisis'], false],
    ['always', [], true],
    ['always', ['praise'], true],
    ['sensitive', [], false],
    ['sensitive', ['question', 'praise'], false],
    ['sensitive', ['question', 'criticism'], true],
    ['sensitive', ['hostile'], true],
    ['sensitive', ['crisis'], true],
    ['sensitive', ['counselling'], true],
  ] as const)('%s with %j → %s', (mode, classes, expected) => {
    expect(replyNeedsApproval(mode, classes)).toBe(expected);
  });
});

describe('who decides on an answer', () => {
  const pending = { state: 'pending_approval', authorId: 'erik' };
  const leitung = { userId: 'lea', roles: ['approver'] as const };

  it('an approver decides a colleague’s answer while it waits', () => {
    expect(replyRefusal(pending, leitung, ['approver'])).toBeNull();
  });

  it('four eyes: the author never approves their own answer, whatever their roles', () => {
    expect(replyRefusal(pending, { userId: 'erik', roles: ['owner', 'approver'] }, ['approver', 'owner'])).toBe(
      'own_reply',
    );
  });

  it('someone without an approving role does not decide', () => {
    expect(replyRefusal(pending, { userId: 'ed', roles: ['editor'] }, ['approver'])).toBe('not_approver');
  });

  it('a decided or sent answer is decided no more', () => {
    for (const state of ['sent', 'rejected', 'sending', 'failed']) {
      expect(replyRefusal({ ...pending, state }, leitung, ['approver'])).toBe('not_pending');
    }
  });

  it('an answer whose author left (erased account) can still be decided', () => {
    expect(replyRefusal({ ...pending, authorId: null }, leitung, ['approver'])).toBeNull();
  });
});
