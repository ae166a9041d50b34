import { describe, expect, it } from 'vitest';
import { can, canChangeRoles, PERMISSIONS, type Permission, ROLES, type Role } from './roles.ts';

describe('can', () => {
  const table: [Role[], Permission, boolean][] = [
    [['viewer'], 'org.read', true],
    [['viewer'], 'members.read', true],
    [['viewer'], 'members.manage', false],
    [['viewer'], 'audit.read', false],
    [['editor'], 'org.manage', false],
    [['editor'], 'members.manage', false],
    [['contributor'], 'outbox.read', false],
    [['privacy_officer'], 'audit.read', false],
    [['admin'], 'org.manage', true],
    [['admin'], 'members.manage', true],
    [['admin'], 'audit.read', true],
    [['admin'], 'outbox.read', true],
    [['owner'], 'members.manage', true],
    [['owner'], 'audit.read', true],
    // Several roles: the strongest one decides.
    [['viewer', 'admin'], 'members.manage', true],
    [['editor', 'approver'], 'members.manage', false],
    // No roles at all: nothing, not even reading.
    [[], 'org.read', false],
    [[], 'members.read', false],
  ];
  it.each(table)('%j may %s → %s', (roles, permission, expected) => {
    expect(can(roles, permission)).toBe(expected);
  });

  it('lets every role read the organisation and its members', () => {
    for (const role of ROLES) {
      expect(can([role], 'org.read')).toBe(true);
      expect(can([role], 'members.read')).toBe(true);
    }
  });

  it('gives management permissions to owners and admins only', () => {
    const managing: Permission[] = [
      'org.manage',
      'members.manage',
      'audit.read',
      'outbox.read',
      'channels.manage',
      'inbox.settings',
    ];
    for (const role of ROLES) {
      for (const permission of managing) {
        expect(can([role], permission), `${role} ${permission}`).toBe(role === 'owner' || role === 'admin');
      }
    }
  });
});

describe('posts', () => {
  it('lets contributors draft only, editors publish, privacy officers take down, viewers read', () => {
    expect(can(['contributor'], 'posts.draft')).toBe(true);
    expect(can(['contributor'], 'posts.publish')).toBe(false);
    expect(can(['contributor'], 'media.upload')).toBe(true);
    expect(can(['editor'], 'posts.publish')).toBe(true);
    expect(can(['editor'], 'channels.manage')).toBe(false);
    expect(can(['privacy_officer'], 'posts.takedown')).toBe(true);
    expect(can(['privacy_officer'], 'posts.publish')).toBe(false);
    expect(can(['approver'], 'posts.publish')).toBe(false);
    for (const permission of ['posts.draft', 'posts.publish', 'posts.takedown', 'media.upload'] as Permission[]) {
      expect(can(['viewer'], permission), permission).toBe(false);
    }
    expect(can(['viewer'], 'posts.read')).toBe(true);
  });
});

describe('canChangeRoles', () => {
  const table: [string, Role[], Role[], Role[], boolean][] = [
    ['admin makes a viewer an editor', ['admin'], ['viewer'], ['editor'], true],
    ['admin makes an editor an admin', ['admin'], ['editor'], ['admin'], true],
    ['admin grants owner', ['admin'], ['editor'], ['editor', 'owner'], false],
    ['admin takes owner away', ['admin'], ['owner'], ['admin'], false],
    ['admin removes an owner (after: none)', ['admin'], ['owner'], [], false],
    ['admin removes an editor', ['admin'], ['editor'], [], true],
    ['admin changes an owner’s other roles, owner kept', ['admin'], ['owner', 'editor'], ['owner'], true],
    ['owner grants owner', ['owner'], ['admin'], ['owner'], true],
    ['owner takes owner away', ['owner'], ['owner'], ['admin'], true],
    ['editor changes anything', ['editor'], ['viewer'], ['contributor'], false],
    ['viewer invites a viewer', ['viewer'], [], ['viewer'], false],
    ['approver + privacy officer invite', ['approver', 'privacy_officer'], [], ['viewer'], false],
    ['admin invites an owner', ['admin'], [], ['owner'], false],
    ['owner invites an owner', ['owner'], [], ['owner'], true],
    ['admin invites an admin', ['admin'], [], ['admin'], true],
  ];
  it.each(table)('%s → %s', (_name, actor, before, after, expected) => {
    expect(canChangeRoles(actor, before, after)).toBe(expected);
  });
});
