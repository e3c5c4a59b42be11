// `npm run test:e2e`: the browser tests against the built web app (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/web/index.html')) {
  console.error('dist/web is missing: run `npm run build:web` first.');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('Chromium is missing: apt-get install chromium (see .ci/run).');
  process.exit(1);
}
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
