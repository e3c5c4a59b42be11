export * from './area.ts';
export * from './common.ts';
export * from './group.ts';
export * from './organization.ts';
export * from './person.ts';
export * from './plan.ts';
export * from './screening.ts';
export * from './user.ts';
