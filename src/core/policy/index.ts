export * from './actor.ts';
export * from './decide.ts';
