/**
 * The site from an imported model with a committed snapshot (model/observed/): it builds, entity
 * pages say when they were compared and show their differences, the Avvik/Drift page lists them
 * (hostile names literally), and the runbook cover prints the comparison date. One Astro build.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/proxmox/import-command.ts';
import { SAGHAUGEN } from './helpers.ts';
import { runBuild } from '../helpers/run-build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.dist-test-drift-site');
const scratch = mkdtempSync(join(tmpdir(), 'driftsbok-drift-site-'));
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('drift on a built site', () => {
  it('an imported model with a snapshot builds, and its pages show the comparison', { timeout: 600_000 }, async () => {
    const model = join(scratch, 'model');
    const content = join(scratch, 'content');
    mkdirSync(content);
    expect(
      await runImport(
        ['--snapshot', SAGHAUGEN, '--out', model],
        {},
        () => {},
        () => {},
        '2026-12-01',
      ),
    ).toBe(0);
    // The snapshot taken later: frigate stopped, a guest nobody documented, with a hostile name.
    const observed = join(model, 'observed');
    cpSync(SAGHAUGEN, observed, { recursive: true });
    const resources = JSON.parse(readFileSync(join(observed, 'cluster-resources.json'), 'utf8'));
    for (const r of resources) if (r.vmid === 105) r.status = 'stopped';
    resources.push({
      id: 'lxc/120',
      type: 'lxc',
      vmid: 120,
      node: 'pve-core',
      name: '<img src=x onerror=alert(1)>',
      status: 'running',
      template: 0,
    });
    writeFileSync(join(observed, 'cluster-resources.json'), JSON.stringify(resources));
    writeFileSync(join(observed, 'snapshot.json'), '{"takenAt":"2026-12-01T06:00:00Z"}');

    const buildEnv = { DRIFTSBOK_MODEL_DIR: model, DRIFTSBOK_CONTENT_DIR: content, DRIFTSBOK_DIAGRAM_CACHE: join(scratch, 'diagrams') };
    const result = await runBuild(OUT, buildEnv, ['--no-pdf']);
    expect(result.code, result.output).toBe(0);

    // Tags without their attributes (Astro adds scoping attributes), so the text reads as written.
    const raw = (path: string) => readFileSync(join(OUT, path, 'index.html'), 'utf8');
    const page = (path: string) => raw(path).replace(/<(\w+)\s[^>]*>/g, '<$1>');
    const frigate = page('guests/frigate');
    expect(raw('guests/frigate')).toMatch(/<section[^>]*data-drift="differs"/);
    expect(frigate).toContain('Sist sammenlignet med Proxmox 1. desember 2026 kl. 06:00 UTC.');
    expect(frigate).toContain('LXC 105 (frigate) er stoppet i Proxmox, men ifølge modellen skal den være i gang.');
    // The YAML to change is in the fix line, in code; the message itself is words.
    expect(frigate).toContain('<code>status: stopped</code>');
    expect(raw('en/guests/emqx')).toMatch(/<section[^>]*data-drift="same"/);
    expect(page('en/guests/emqx')).toContain('Last compared with Proxmox 1 December 2026, 06:00 UTC. No drift.');
    const drift = page('en/drift');
    expect(drift).toContain('2 drift, 0 unknown, 0 not documented.');
    expect(drift).toContain('LXC 120 (&lt;img src=x onerror=alert(1)&gt;) is in Proxmox (on pve-core) but not in the model.');
    expect(drift).not.toContain('<img src=x');
    expect(page('runbook/print')).toContain('Modellen ble sist sammenlignet med Proxmox 1. desember 2026 kl. 06:00 UTC.');

    // The public profile: the host's IP differs now, which the full drift page shows; the public
    // build (whose output scan refuses any internal address) leaves that finding out and says so.
    const status = JSON.parse(readFileSync(join(observed, 'cluster-status.json'), 'utf8'));
    for (const n of status) if (n.type === 'node') n.ip = '10.12.0.206';
    writeFileSync(join(observed, 'cluster-status.json'), JSON.stringify(status));
    const pub = await runBuild(OUT, { ...buildEnv, DRIFTSBOK_PROFILE: 'public' }, ['--no-pdf']);
    expect(pub.code, pub.output).toBe(0);
    const publicDrift = page('en/drift');
    expect(publicDrift).not.toContain('10.12.0.20');
    expect(publicDrift).toContain('2 drift, 0 unknown, 0 not documented.');
    expect(publicDrift).toContain('Findings left out of the public edition of the site (they concern sensitive facts): 1.');
  });
});
