import { describe, expect, it } from 'vitest';
import { approverRolesMissing, replyApprovalSettings } from './reply-approval-values.ts';

describe('reply approval settings', () => {
  it('asks for a role only when approval is switched on', () => {
    expect(approverRolesMissing('always', [])).toBe(true);
    expect(approverRolesMissing('sensitive', [])).toBe(true);
    expect(approverRolesMissing('off', [])).toBe(false);
    expect(approverRolesMissing('always', ['approver'])).toBe(false);
  });

  it('saves the ticked roles in a stable order', () => {
    expect(replyApprovalSettings('always', ['privacy_officer', 'approver'], ['admin'])).toEqual({
      replyApproval: 'always',
      replyApproverRoles: ['approver', 'privacy_officer'],
    });
  });

  it('keeps the saved roles, or Leitung, when approval is switched off with none ticked', () => {
    expect(replyApprovalSettings('off', [], ['admin', 'editor'])).toEqual({
      replyApproval: 'off',
      replyApproverRoles: ['admin', 'editor'],
    });
    expect(replyApprovalSettings('off', [], [])).toEqual({ replyApproval: 'off', replyApproverRoles: ['approver'] });
  });
});
