/**
 * `npm run drift` end to end, in-process: snapshot folders, and the live API against a local HTTPS
 * server with a self-signed certificate made here (openssl), the token header checked, pinning
 * honoured, and every failure an exit 2 with nothing on standard output.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrift } from '../../src/proxmox/drift-command.ts';
import { runImport } from '../../src/proxmox/import-command.ts';
import { ENDPOINTS } from '../../src/proxmox/answers.ts';
import { readSnapshotDir } from '../../src/proxmox/snapshot-dir.ts';
import { CLUSTER, CLUSTER_MODEL, SAGHAUGEN, pve9Snapshot } from './helpers.ts';

async function drift(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDrift(
    argv,
    env,
    (t) => out.push(t),
    (t) => err.push(t),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run drift -- --snapshot', () => {
  it('exit 0 with no drift (Saghaugen, the model in model/)', async () => {
    const r = await drift(['--snapshot', SAGHAUGEN]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('No drift: the model matches Proxmox.');
  });
  it('exit 1 with drift, and --json gives an object with findings', async () => {
    const r = await drift(['--snapshot', CLUSTER, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.counts.drift).toBeGreaterThan(0);
    expect(json.findings[0]).toHaveProperty('type');
  });
  it('exit 2 for a bad snapshot, an unknown option or a broken model, with nothing on standard output', async () => {
    for (const argv of [
      ['--snapshot', '/nonexistent'],
      ['--snapshot', CLUSTER, '--colour'],
      ['--snapshot', CLUSTER, '--model', '/nonexistent'],
      ['--snapshot', CLUSTER, '--api', 'https://x'],
      ['--snapshot', CLUSTER, '--lang', 'de'],
    ]) {
      const r = await drift(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).not.toBe('');
    }
  });
});

describe('npm run drift -- --api (local HTTPS server)', () => {
  let server: Server;
  let url: string;
  let dir: string;
  let fingerprint: string;
  const seen: { path: string; auth: string | undefined }[] = [];
  /** What the server answers per path; a function for special cases. */
  let answer: (path: string) => { status: number; body?: string; message?: string } | 'hang';
  const TOKEN = 'driftsbok@pve!drift=0b4c3a2e-1111-2222-3333-444455556666';

  const snapshotAnswers = (_fixture: 'cluster') => {
    const raw = readSnapshotDir(CLUSTER);
    const byPath = new Map<string, string>();
    byPath.set(ENDPOINTS.resources.path, raw.resources.text);
    for (const name of ['status', 'storage', 'ha', 'haGroups', 'haRules', 'version'] as const)
      if (raw[name]) byPath.set(ENDPOINTS[name].path, raw[name]!.text);
    for (const c of raw.configs) byPath.set(`/nodes/${c.node}/${c.kind}/${c.vmid}/config`, c.text);
    return (path: string) => {
      const text = byPath.get(path);
      return text === undefined ? { status: 403, body: '{"data":null}' } : { status: 200, body: `{"data":${text}}` };
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'driftsbok-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(join(dir, 'cert.pem'));
    fingerprint = new X509Certificate(cert).fingerprint256;
    writeFileSync(join(dir, 'other.pem'), cert); // the right CA
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
      const path = (req.url ?? '').replace(/^\/api2\/json/, '');
      seen.push({ path, auth: req.headers.authorization });
      const a = answer(path);
      if (a === 'hang') return; // never answers
      if (a.message) res.writeHead(a.status, a.message, { 'content-type': 'application/json' });
      else res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(a.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const env = { PROXMOX_API_TOKEN: TOKEN };

  it('with the pinned fingerprint: sends the token header on every request and compares (exit 0)', async () => {
    answer = snapshotAnswers('cluster');
    seen.length = 0;
    const r = await drift(['--api', url, '--fingerprint', fingerprint, '--model', CLUSTER_MODEL], env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Source: API ${url} (taken `);
    expect(seen.map((s) => s.path)).toEqual(
      expect.arrayContaining(['/cluster/resources', '/cluster/status', '/version', '/nodes/pve2/lxc/101/config']),
    );
    expect(new Set(seen.map((s) => s.auth))).toEqual(new Set([`PVEAPIToken=${TOKEN}`]));
  });

  it('with the CA file (exit 1 on drift seen through the API)', async () => {
    const base = snapshotAnswers('cluster');
    answer = (path) => {
      const a = base(path);
      if (path !== '/cluster/resources') return a;
      const data = JSON.parse(a.body!).data.map((x: { vmid?: number }) => (x.vmid === 101 ? { ...x, status: 'stopped' } : x));
      return { status: 200, body: JSON.stringify({ data }) };
    };
    const r = await drift(['--api', url, '--ca', join(dir, 'other.pem'), '--model', CLUSTER_MODEL, '--json'], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: { type: string; vmid: number }) => `${f.type} ${f.vmid}`)).toEqual(['status-changed 101']);
  });

  it('HA groups and rules: read when served; 404/501 or PVE 9\'s "migrated to rules" 500 leaves one out, any other 500 fails', async () => {
    const base = snapshotAnswers('cluster');
    const rules = readFileSync(join(pve9Snapshot(), 'ha-rules.json'), 'utf8');
    const quiet = () => {};
    const importVia = async (serve: typeof answer) => {
      answer = serve;
      seen.length = 0;
      const out = mkdtempSync(join(tmpdir(), 'driftsbok-import-ha-'));
      const code = await runImport(['--api', url, '--fingerprint', fingerprint, '--out', out], env, quiet, quiet, '2026-12-01');
      return { code, guests: code === 0 ? readFileSync(join(out, 'guests.yaml'), 'utf8') : '' };
    };
    // PVE 8: groups, and a 404 for the rules it does not have.
    const pve8 = await importVia((path) => (path === '/cluster/ha/rules' ? { status: 404 } : base(path)));
    expect(pve8.code).toBe(0);
    expect(seen.map((s) => s.path)).toEqual(expect.arrayContaining(['/cluster/ha/groups', '/cluster/ha/rules']));
    expect(pve8.guests).toContain('ha: {cluster: fjellet, group: [pve1, pve2], preferred: pve1}');
    // PVE 9: rules, and the groups' index refused once they are migrated.
    const pve9 = await importVia((path) =>
      path === '/cluster/ha/groups'
        ? { status: 500, message: 'cannot index groups: ha groups have been migrated to rules' }
        : path === '/cluster/ha/rules'
          ? { status: 200, body: `{"data":${rules}}` }
          : base(path),
    );
    expect(pve9.code).toBe(0);
    expect(pve9.guests).toContain('ha: {cluster: fjellet, preferred: pve2}');
    // A release without either (501 for the rules, as pveproxy answers an unknown method).
    const neither = await importVia((path) =>
      path === '/cluster/ha/groups' ? { status: 403 } : path === '/cluster/ha/rules' ? { status: 501 } : base(path),
    );
    expect(neither.code).toBe(0);
    expect(neither.guests).toContain('# HA group pair in Proxmox: its nodes were not in the answers');
    // Any other failure of the server is still a failure.
    expect((await importVia((path) => (path === '/cluster/ha/rules' ? { status: 500 } : base(path)))).code).toBe(2);
  });

  it('a wrong fingerprint fails clearly, before the token is sent', async () => {
    answer = snapshotAnswers('cluster');
    seen.length = 0;
    const wrong = createHash('sha256').update('another certificate').digest('hex');
    const r = await drift(['--api', url, '--fingerprint', wrong, '--model', CLUSTER_MODEL], env);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      `the certificate's SHA-256 fingerprint is ${fingerprint}, not the pinned ${wrong.toUpperCase().match(/../g)!.join(':')}; nothing was sent`,
    );
    expect(seen).toEqual([]);
  });

  it('without --ca or --fingerprint a self-signed certificate is refused, never ignored', async () => {
    answer = snapshotAnswers('cluster');
    seen.length = 0;
    const r = await drift(['--api', url, '--model', CLUSTER_MODEL], env);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/the certificate is not trusted \((SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)\)/);
    expect(r.err).toContain('--fingerprint');
    expect(seen).toEqual([]);
  });

  it.each([
    [401, '401 Unauthorized for token driftsbok@pve!drift'],
    [403, '403 Forbidden for token driftsbok@pve!drift'],
    [500, 'the API answered 500'],
  ])('%i is exit 2 with no partial output, and the secret is never printed', async (status, message) => {
    answer = (path) => (path === '/cluster/resources' ? { status } : snapshotAnswers('cluster')(path));
    const r = await drift(['--api', url, '--fingerprint', fingerprint, '--model', CLUSTER_MODEL], env);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
    expect(r.err).toContain('nothing was compared.');
    expect(r.err).not.toContain('0b4c3a2e');
  });

  it('a 500 on a later request still leaves nothing half-done', async () => {
    answer = (path) => (path.endsWith('/config') ? { status: 500 } : snapshotAnswers('cluster')(path));
    const r = await drift(['--api', url, '--fingerprint', fingerprint, '--model', CLUSTER_MODEL], env);
    expect(r).toMatchObject({ code: 2, out: '' });
  });

  it('a timeout is exit 2', async () => {
    answer = (path) => (path === '/cluster/resources' ? 'hang' : snapshotAnswers('cluster')(path));
    const r = await drift(['--api', url, '--fingerprint', fingerprint, '--timeout', '0.5', '--model', CLUSTER_MODEL], env);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('no answer within 0.5 s');
  });

  it('a 50 MB answer is refused while it streams in: exit 2', async () => {
    const big = '{"data":[' + ' '.repeat(50 * 1024 * 1024) + ']}';
    answer = (path) => (path === '/cluster/resources' ? { status: 200, body: big } : snapshotAnswers('cluster')(path));
    const r = await drift(['--api', url, '--fingerprint', fingerprint, '--model', CLUSTER_MODEL], env);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('the answer is too large (over 16777216 bytes)');
  });

  it('npm run import -- --api writes the same model as from the snapshot, and nothing on failure', async () => {
    answer = snapshotAnswers('cluster');
    const viaApi = mkdtempSync(join(tmpdir(), 'driftsbok-import-api-'));
    const viaSnapshot = mkdtempSync(join(tmpdir(), 'driftsbok-import-snap-'));
    const quiet = () => {};
    expect(await runImport(['--api', url, '--fingerprint', fingerprint, '--out', viaApi], env, quiet, quiet, '2026-12-01')).toBe(0);
    expect(await runImport(['--snapshot', CLUSTER, '--out', viaSnapshot], {}, quiet, quiet, '2026-12-01')).toBe(0);
    const files = (dir: string) =>
      Object.fromEntries(
        readdirSync(dir)
          .sort()
          .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
      );
    // Read from the API, the answers were taken now: that is the site's documented date.
    const today = new Date().toISOString().slice(0, 10);
    expect(files(viaApi)).toEqual({
      ...files(viaSnapshot),
      'site.yaml': files(viaSnapshot)['site.yaml']!.replace('documented: 2026-11-30', `documented: ${today}`),
    });
    answer = () => ({ status: 401 });
    const failed = join(mkdtempSync(join(tmpdir(), 'driftsbok-import-fail-')), 'model');
    expect(await runImport(['--api', url, '--fingerprint', fingerprint, '--out', failed], env, quiet, quiet)).toBe(2);
    expect(existsSync(failed)).toBe(false);
  });

  it('no token, or a malformed one: exit 2 before connecting', async () => {
    seen.length = 0;
    expect((await drift(['--api', url, '--fingerprint', fingerprint, '--model', CLUSTER_MODEL], {})).err).toContain(
      'PROXMOX_API_TOKEN: is not set',
    );
    expect(
      (await drift(['--api', url, '--fingerprint', fingerprint, '--model', CLUSTER_MODEL], { PROXMOX_API_TOKEN: 'root:secret' })).err,
    ).toContain('is not an API token of the form user@realm!tokenid=secret');
    expect(seen).toEqual([]);
  });
});
