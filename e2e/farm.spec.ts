/**
 * The cluster fixture (tests/fixtures/models/farm, Lia gard) built into a site and runbook: its
 * pages, in both languages, state the answers computed by hand in tests/analysis/farm.test.ts — the
 * guests of each node, the cluster's quorum, Ceph's min_size, the scenario matrix, the ranking of
 * weak points, the shared router both internet lines go through, the start order (ha-manager for
 * HA guests, qm start on a named node for the pinned one) and the printed runbook's cover, power
 * table and start order. Runs only when the farm is the build being served (scripts/e2e-fixture.ts
 * builds it into .dist-e2e-farm/ and serves it after the mini fixture); skipped otherwise.
 *
 * The expected texts are written out, as a person reads them, not computed from the analysis.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { DIST, SETTINGS, siteModel } from './helpers/site.ts';

const model = siteModel();
test.skip(model.site.name !== 'Lia gard', 'the farm fixture is not the build being served (scripts/e2e-fixture.ts serves it)');

type Lang = 'nb' | 'en';
const LANGS: Lang[] = ['nb', 'en'];
const root = (lang: Lang) => (lang === 'nb' ? '/' : '/en/');

/** Whitespace collapsed, as a reader sees a line. */
const ws = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The visible words the pages must say, by language (written by hand from the built pages' vocabulary). */
const W = {
  nb: {
    guests: 'Gjester',
    haGuests: 'HA-gjester som kan kjøre her',
    quorum: 'Klyngen har quorum (3 av 3 stemmer).',
    vote: '1 stemme; quorum er 2',
    cephNodes: 'Trenger 2 av 3 noder, 3 oppe.',
    cephMonitors: 'Trenger 2 av 3 monitorer, 3 oppe.',
    fieldProtocol: 'Modbus TCP',
    nodeDown: [
      'ceph-vm: redusert (trenger 2 av 3 noder, 2 oppe) ← pve1',
      'stall (VM 100): redusert (klyngen har quorum (2 av 3 stemmer), og pve2 og pve3 er oppe) ← pve1',
    ],
    twoNodesDown: [
      'Lia-klyngen: nede (klyngen har ikke quorum (1 av 3 stemmer, trenger 2)) ← pve1',
      'ceph-vm: nede (trenger 2 av 3 noder, 1 oppe) ← pve1',
      'pve3 er oppe, men klyngen har stoppet HA-gjestene der.',
    ],
    powerCut: ['Starter: Etter 1 min', 'Starter: Etter 8 t 1 min', 'Starter: Etter 8 t 30 min', 'Aggregat: nede (starter ennå)'],
    matrix: [
      'Funksjon',
      'Én node er nede',
      'To noder er nede',
      'Kjernesvitsjen er nede',
      'Fiberen er nede',
      'Strømbrudd: Straks (t = 0)',
      'Strømbrudd: Aggregat har startet og tar lasten',
      'Strømbrudd: Drivstoffet til Aggregat er brukt opp',
      'Strømbrudd: Batteriet i UPS er tomt',
    ],
    state: { ok: '✓virker', degraded: '!redusert', down: '✗nede' },
    capabilities: { internet: 'Internett', alarms: 'Klimaalarmer fra fjøset', recording: 'Kameraopptak', backups: 'Sikkerhetskopier' },
    spof: [
      'UPS',
      'Kjernesvitsj',
      'Ruter',
      'Lia-klyngen',
      'ceph-vm',
      'Klima-PLS',
      '101 mqtt',
      '100 stall',
      'pve3',
      'pve3-zfs',
      '200 backup',
      '102 cameras',
      'Fiberlinjen',
      'Strømnettet',
      '4G-ruter',
      'Fiberboks (ONT)',
    ],
    blastRadius: { header: 'Andre ting som faller med', first: ['18', '9', '2'] },
    clusterRedundancy:
      'Lia-klyngen trenger 2 av 3 stemmer for quorum (pve1, pve2, pve3), men mister quorum likevel hvis én av disse feiler: Kjernesvitsj, UPS.',
    runsOn: {
      header: 'Kjører på',
      stall: 'pve1 HA i Lia-klyngen: hvilken som helst node; foretrekker pve1',
      mqtt: 'pve2 HA i Lia-klyngen: pve2, pve3',
      backup: 'pve3',
    },
    falseRedundancy:
      'Internett har alternativene 4G-ruter, Fiberboks (ONT), men går ned likevel hvis én av disse feiler: Ruter, Kjernesvitsj, UPS.',
    host: (name: string) => `Vert: ${name}`,
    pdf: {
      cover: 'Driftshåndbok for strømbrudd og feil · Lia gard',
      built: 'Laget',
      power: 'Strøm',
      rows: [
        /Strømnettet\s+strømnett\s+–\s+–\s+Fiberboks \(ONT\), UPS/,
        /Aggregat\s+aggregat\s+8\s*t\s+–\s+UPS\s+Fjøset/,
        /UPS\s+UPS\s+30 min\s+Strømnettet eller\s+pve1, pve2, pve3, Klima-PLS,/,
      ],
      starts: 'starter etter 1 min',
      stoppedByCluster: 'pve3 er oppe, men klyngen har stoppet HA-gjestene der.',
    },
  },
  en: {
    guests: 'Guests',
    haGuests: 'HA guests allowed here',
    quorum: 'The cluster has quorum (3 of 3 votes).',
    vote: '1 vote; quorum is 2',
    cephNodes: 'Needs 2 of 3 nodes, 3 up.',
    cephMonitors: 'Needs 2 of 3 monitors, 3 up.',
    fieldProtocol: 'Modbus TCP',
    nodeDown: [
      'ceph-vm: degraded (needs 2 of 3 nodes, 2 up) ← pve1',
      'stall (VM 100): degraded (the cluster has quorum (2 of 3 votes) and pve2 and pve3 are up) ← pve1',
    ],
    twoNodesDown: [
      'The Lia cluster: down (the cluster has no quorum (1 of 3 votes, needs 2)) ← pve1',
      'ceph-vm: down (needs 2 of 3 nodes, 1 up) ← pve1',
      'pve3 is up, but the cluster stopped the HA guests there.',
    ],
    powerCut: ['Begins: After 1 min', 'Begins: After 8 h 1 min', 'Begins: After 8 h 30 min', 'Generator: down (still starting)'],
    matrix: [
      'Capability',
      'One node is down',
      'Two nodes are down',
      'The core switch is down',
      'The fibre is down',
      'Power cut: At once (t = 0)',
      'Power cut: Generator has started and takes the load',
      'Power cut: Generator has run out of fuel',
      'Power cut: The battery in UPS is empty',
    ],
    state: { ok: '✓works', degraded: '!degraded', down: '✗down' },
    capabilities: { internet: 'Internet', alarms: 'Climate alarms from the barn', recording: 'Camera recording', backups: 'Backups' },
    spof: [
      'UPS',
      'Core switch',
      'Router',
      'The Lia cluster',
      'ceph-vm',
      'Climate PLC',
      '101 mqtt',
      '100 stall',
      'pve3',
      'pve3-zfs',
      '200 backup',
      '102 cameras',
      'The fibre line',
      'Mains grid',
      '4G router',
      'Fibre box (ONT)',
    ],
    blastRadius: { header: 'Other things that fall with it', first: ['18', '9', '2'] },
    clusterRedundancy:
      'The Lia cluster needs 2 of 3 votes for quorum (pve1, pve2, pve3), but loses quorum all the same when one of these fails: Core switch, UPS.',
    runsOn: {
      header: 'Runs on',
      stall: 'pve1 HA in The Lia cluster: any node; prefers pve1',
      mqtt: 'pve2 HA in The Lia cluster: pve2, pve3',
      backup: 'pve3',
    },
    falseRedundancy:
      'Internet has the alternatives 4G router, Fibre box (ONT), but goes down all the same when one of these fails: Router, Core switch, UPS.',
    host: (name: string) => `Host: ${name}`,
    pdf: {
      cover: 'Outage runbook · Lia gard',
      built: 'Built',
      power: 'Power',
      rows: [
        /Mains\s+grid\s+–\s+–\s+Fibre box \(ONT\), UPS/,
        /Generator\s+generator\s+8\s*h\s+–\s+UPS\s+The barn/,
        /UPS\s+UPS\s+30 min\s+Mains grid or\s+pve1, pve2, pve3, Climate/,
      ],
      starts: 'starts after 1 min',
      stoppedByCluster: 'pve3 is up, but the cluster stopped the HA guests there.',
    },
  },
} as const;

/** The main text of a page, whitespace collapsed. */
async function mainText(page: Page): Promise<string> {
  return ws(await page.locator('main').innerText());
}

/** The section under a heading (the entity pages and the start order wrap each in one). */
const section = (page: Page, heading: string) =>
  page.locator('main section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

/** The names in the row headers of a table (guests, weak points), in order. */
async function rowNames(table: Locator): Promise<string[]> {
  return (await table.locator('tbody tr > th[scope="row"] a').allTextContents()).map(ws);
}

for (const lang of LANGS) {
  const w = W[lang];
  const r = root(lang);

  test.describe(`Lia gard (${lang})`, () => {
    test('each node lists the guests that run there today, and the HA guests allowed there', async ({ page }) => {
      // Today: stall on pve1, mqtt on pve2, cameras and the pinned backup on pve3. stall and cameras
      // may run on any node, mqtt only on pve2 and pve3.
      const expected = {
        pve1: { here: ['100 stall'], allowed: ['102 cameras'] },
        pve2: { here: ['101 mqtt'], allowed: ['100 stall', '102 cameras'] },
        pve3: { here: ['102 cameras', '200 backup'], allowed: ['100 stall', '101 mqtt'] },
      };
      for (const [node, { here, allowed }] of Object.entries(expected)) {
        await page.goto(`${r}hosts/${node}/`);
        expect(await rowNames(section(page, w.guests)), `${node}: guests`).toEqual(here);
        expect(await rowNames(section(page, w.haGuests)), `${node}: HA guests`).toEqual(allowed);
      }
      // The PLC is a host too, with its field protocol.
      await page.goto(`${r}hosts/klima-plc/`);
      expect(await mainText(page)).toContain(w.fieldProtocol);
    });

    test('the cluster page: quorum is 2 of 3 votes', async ({ page }) => {
      await page.goto(`${r}clusters/lia/`);
      const text = await mainText(page);
      expect(text).toContain(w.quorum);
      // One row per node, each with one vote of the 2 needed.
      expect(text.split(w.vote).length - 1).toBe(3);
    });

    test('the Ceph page: needs 2 of 3 nodes and 2 of 3 monitors', async ({ page }) => {
      await page.goto(`${r}storage/ceph-vm/`);
      const text = await mainText(page);
      expect(text).toContain(w.cephNodes);
      expect(text).toContain(w.cephMonitors);
    });

    test('the scenario pages explain k of n: one node down, two nodes down, the power cut in time', async ({ page }) => {
      await page.goto(`${r}scenarios/node-down/`);
      let text = await mainText(page);
      for (const line of w.nodeDown) expect(text).toContain(line);
      await page.goto(`${r}scenarios/two-nodes-down/`);
      text = await mainText(page);
      for (const line of w.twoNodesDown) expect(text).toContain(line);
      // The HA guests by ha-manager; backup, pinned to the named node pve3, by qm start.
      for (const command of [
        'ha-manager set vm:100 --state started',
        'ha-manager set ct:101 --state started',
        'ha-manager set vm:102 --state started',
      ])
        expect(text).toContain(command);
      // pve3 stayed up: only cameras, which the cluster stopped, is to be started; backup, pinned there, ran on.
      const pve3 = page.locator('main p', { hasText: w.twoNodesDown[2] }).locator('xpath=following-sibling::div[1]');
      expect((await pve3.locator('tbody tr code').allTextContents()).map(ws)).toEqual(['ha-manager set vm:102 --state started']);
      await page.goto(`${r}scenarios/power-cut/`);
      text = await mainText(page);
      for (const line of w.powerCut) expect(text).toContain(line);
    });

    test('the scenario matrix: which capabilities fall in which scenario and phase', async ({ page }) => {
      await page.goto(`${r}scenario-matrix/`);
      const table = page.locator('main table').first();
      expect((await table.locator('thead th').allTextContents()).map(ws)).toEqual(w.matrix);
      const { ok, degraded: dg, down } = w.state;
      const c = w.capabilities;
      // Columns: one node, two nodes, core switch, fibre, power cut at 0 / generator started / dry / UPS empty.
      const expected = [
        [c.internet, ok, ok, down, dg, dg, dg, dg, down],
        [c.alarms, ok, down, down, ok, ok, ok, ok, down],
        [c.recording, ok, down, down, ok, ok, ok, ok, down],
        [c.backups, ok, ok, down, ok, ok, ok, ok, down],
      ];
      const rows = table.locator('tbody tr');
      await expect(rows).toHaveCount(expected.length);
      for (let i = 0; i < expected.length; i++) {
        const cells = (await rows.nth(i).locator('th, td').allTextContents()).map((s) => s.replace(/\s+/g, ''));
        expect(cells, expected[i]![0]).toEqual(expected[i]!.map((s) => s.replace(/\s+/g, '')));
      }
    });

    test('the weak points: the UPS and the core switch take every capability, ranked first', async ({ page }) => {
      await page.goto(`${r}single-points-of-failure/`);
      const table = page.locator('main table').first();
      expect(await rowNames(table)).toEqual(w.spof);
      const c = w.capabilities;
      for (const i of [0, 1]) {
        const row = ws(await table.locator('tbody tr').nth(i).innerText());
        for (const name of [c.internet, c.alarms, c.recording, c.backups]) expect(row, w.spof[i]).toContain(name);
      }
      // The tie between the UPS and the core switch (both take all four) is broken by what falls with
      // each: the UPS takes 18 other things (the nodes, the PLC, the switch, the router, 4G, the
      // cluster, both pools, the four guests, the four capabilities), the core switch 9.
      expect(ws(await table.locator('thead th').last().innerText())).toBe(w.blastRadius.header);
      expect((await table.locator('tbody td[data-blast-radius]').allTextContents()).slice(0, 3)).toEqual(w.blastRadius.first);
    });

    test('the set-up check: fibre and 4G both go through one router', async ({ page }) => {
      await page.goto(`${r}audits/`);
      const text = await mainText(page);
      expect(text).toContain(w.falseRedundancy);
      // The cluster's nodes are not "alternatives": it needs 2 of 3 votes.
      expect(text).toContain(w.clusterRedundancy);
    });

    test('the start order: ha-manager for HA guests, qm start on its node for the pinned one', async ({ page }) => {
      await page.goto(`${r}start-order/`);
      const expected = {
        pve1: ['ha-manager set vm:100 --state started'],
        pve2: ['ha-manager set ct:101 --state started'],
        pve3: ['ha-manager set vm:102 --state started', 'qm start 200'],
      };
      for (const [node, commands] of Object.entries(expected)) {
        const s = section(page, w.host(node));
        expect((await s.locator('tbody tr code').allTextContents()).map(ws), node).toEqual(commands);
      }
    });
  });

  test.describe(`runbook-${lang}.pdf of Lia gard`, () => {
    const file = join(DIST, `runbook-${lang}.pdf`);
    let layout = '';
    test.beforeAll(() => {
      expect(existsSync(file), `${file} is missing`).toBe(true);
      layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    });

    test('the cover: the title and the date it was made', () => {
      const first = ws(layout.split('\f')[0]);
      expect(first).toContain(w.pdf.cover);
      const built = SETTINGS.SOURCE_DATE_EPOCH
        ? SETTINGS.SOURCE_DATE_EPOCH.toISOString().slice(0, 10)
        : (JSON.parse(readFileSync(join(DIST, 'build-info.json'), 'utf8')) as { built: string }).built.slice(0, 10);
      expect(first).toContain(`${w.pdf.built} ${built}`);
    });

    test('the power table: the UPS holds 30 min on the grid or the generator, which starts after 1 min and runs 8 h', () => {
      const pages = layout.split('\f');
      const power = pages.find((p) => new RegExp(`^\\s*${w.pdf.power}\\s*$`, 'm').test(p) && w.pdf.rows.every((row) => row.test(p)));
      expect(power, 'a page with the power table and its three rows').toBeTruthy();
      expect(ws(power)).toContain(w.pdf.starts);
    });

    test('the start order: ha-manager for HA guests, qm start 200 on pve3', () => {
      expect(layout).toMatch(/1\s+stall\s+ha-manager set vm:100 --state started/);
      expect(layout).toMatch(/1\s+mqtt\s+ha-manager set ct:101 --state started/);
      expect(layout).toMatch(/1\s+cameras\s+ha-manager set vm:102 --state started/);
      expect(layout).toMatch(/2\s+backup\s+qm start 200/);
      expect(ws(layout)).toContain(w.pdf.stoppedByCluster);
    });
  });

  test(`the runbook's guest table says where each guest runs, and where HA may move it (${lang})`, async ({ page }) => {
    // The print page is what the PDF is printed from; its cells read whole, where pdftotext interleaves columns.
    await page.goto(`${r}runbook/print/`);
    const table = page.locator('table').filter({ has: page.getByRole('columnheader', { name: w.runsOn.header, exact: true }) });
    await expect(table).toHaveCount(1);
    const headers = (await table.locator('thead th').allTextContents()).map(ws);
    const column = headers.indexOf(w.runsOn.header);
    const cell = async (name: string) =>
      ws(
        await table
          .locator('tbody tr')
          .filter({ has: page.getByRole('link', { name, exact: true }) })
          .locator('td')
          .nth(column)
          .innerText(),
      );
    expect(await cell('stall')).toBe(w.runsOn.stall);
    expect(await cell('mqtt')).toBe(w.runsOn.mqtt);
    expect(await cell('backup')).toBe(w.runsOn.backup);
  });
}
