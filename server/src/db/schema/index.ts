export * from './accounts.ts';
export * from './approvals.ts';
export * from './inbox.ts';
export * from './notifications.ts';
export * from './orgs.ts';
export * from './people.ts';
export * from './planning.ts';
export * from './publishing.ts';
