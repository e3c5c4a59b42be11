// Runs the Vitest suite again on the real PostgreSQL server (CI sets TEST_DATABASE_URL).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
console.log(`Vitest on PostgreSQL: ${url.replace(/:[^:@/]*@/, ':***@')}`);
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DB: 'postgres', TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
