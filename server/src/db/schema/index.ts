export * from './accounts.ts';
export * from './inbox.ts';
export * from './orgs.ts';
export * from './publishing.ts';
