export * from './rules/roles.ts';
export * from './schemas/audit.ts';
export * from './schemas/auth.ts';
export * from './schemas/common.ts';
export * from './schemas/mail.ts';
export * from './schemas/orgs.ts';
export * from './schemas/tokens.ts';
