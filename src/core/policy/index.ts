export * from './actor.ts';
export * from './decide.ts';
export * from './relation.ts';
