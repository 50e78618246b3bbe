/**
 * `npm run test:e2e` part two: the end-to-end checks that must hold for any infrastructure, not
 * only Saghaugen — outage first, plain words, tables that fit, the content security policy — run
 * again on a second model (tests/fixtures/models/mini, its own prose), both languages. Builds the
 * fixture into .dist-e2e-mini/ (with its PDFs: the outage checks read them) and serves it on a port
 * of its own, so it never disturbs dist/ or a preview of it.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readSettings } from '../src/settings.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'tests/fixtures/models/mini');
const OUT = '.dist-e2e-mini';
const SPECS = ['e2e/outage.spec.ts', 'e2e/words.spec.ts', 'e2e/tables.spec.ts', 'e2e/csp.spec.ts'];

const settings = readSettings();
const env = {
  ...process.env,
  DRIFTSBOK_MODEL_DIR: join(FIXTURE, 'model'),
  DRIFTSBOK_CONTENT_DIR: join(FIXTURE, 'content'),
  DRIFTSBOK_DIST_DIR: OUT,
  DRIFTSBOK_E2E_PORT: String(settings.DRIFTSBOK_E2E_FIXTURE_PORT ?? settings.DRIFTSBOK_E2E_PORT + 1),
};

function run(what: string, args: string[]): void {
  console.log(`e2e-fixture: ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`e2e-fixture: ${what} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

run(`building the mini fixture into ${OUT}/`, ['scripts/build.ts', '--out', OUT]);
run(`${SPECS.join(', ')} on the mini fixture`, ['node_modules/@playwright/test/cli.js', 'test', ...SPECS]);
