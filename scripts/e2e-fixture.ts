/**
 * `npm run test:e2e` part two: the end-to-end checks that must hold for any infrastructure, not
 * only Saghaugen — outage first, plain words, tables that fit, the content security policy — run
 * again on other models, both languages, each with its own prose: the mini fixture
 * (tests/fixtures/models/mini), then the cluster fixture (tests/fixtures/models/farm, Lia gard),
 * whose built pages must also state the answers computed by hand (e2e/farm.spec.ts). Each is built
 * into a folder of its own (.dist-e2e-mini/, .dist-e2e-farm/; with their PDFs: the outage checks
 * read them) and served, one after the other, on a port of their own (DRIFTSBOK_E2E_FIXTURE_PORT),
 * so they never disturb dist/ or a preview of it.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readSettings } from '../src/settings.ts';

const ROOT = resolve(import.meta.dirname, '..');
const settings = readSettings();
const GENERIC = ['e2e/outage.spec.ts', 'e2e/words.spec.ts', 'e2e/tables.spec.ts', 'e2e/csp.spec.ts'];

interface Fixture {
  name: string;
  out: string;
  specs: string[];
  env?: Record<string, string>;
}

const FIXTURES: Fixture[] = [
  { name: 'mini', out: '.dist-e2e-mini', specs: GENERIC },
  {
    name: 'farm',
    out: '.dist-e2e-farm',
    specs: [...GENERIC, 'e2e/farm.spec.ts'],
    // A fixed build date (the model's documented day), so the runbook's cover date is known.
    env: settings.SOURCE_DATE_EPOCH ? {} : { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 20, 12) / 1000) },
  },
];

// The fixtures are served one after the other, so they share one port.
const port = String(settings.DRIFTSBOK_E2E_FIXTURE_PORT ?? settings.DRIFTSBOK_E2E_PORT + 1);

function run(fixture: Fixture, what: string, args: string[]): void {
  const dir = join(ROOT, 'tests/fixtures/models', fixture.name);
  const env = {
    ...process.env,
    DRIFTSBOK_MODEL_DIR: join(dir, 'model'),
    DRIFTSBOK_CONTENT_DIR: join(dir, 'content'),
    DRIFTSBOK_DIST_DIR: fixture.out,
    DRIFTSBOK_E2E_PORT: port,
    ...fixture.env,
  };
  console.log(`e2e-fixture: ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`e2e-fixture: ${what} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

for (const fixture of FIXTURES) {
  run(fixture, `building the ${fixture.name} fixture into ${fixture.out}/`, ['scripts/build.ts', '--out', fixture.out]);
  run(fixture, `${fixture.specs.join(', ')} on the ${fixture.name} fixture`, [
    'node_modules/@playwright/test/cli.js',
    'test',
    ...fixture.specs,
  ]);
}
