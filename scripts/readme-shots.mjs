// `npm run screenshots`: the screenshots spec, writing the README's picture (docs/screenshot-units.png) too.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['playwright', 'test', 'test/e2e/screenshots.spec.ts'], { stdio: 'inherit', env: { ...process.env, FRONTDESK_README_SHOTS: '1' }, shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
