/**
 * Reading a snapshot folder written by scripts/proxmox-snapshot.sh. Only `cluster-resources.json`
 * is required (exactly what `pvesh get /cluster/resources --output-format json` prints); the other
 * answers are used when present. Guest configs mirror their API paths:
 * `nodes/<node>/<qemu|lxc>/<vmid>/config.json`. `snapshot.json` says when it was taken.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENDPOINTS, MAX_ANSWER_BYTES, ProxmoxReadError, type EndpointName, type RawAnswers, type RawGuestConfig } from './answers.ts';

function readLimited(file: string, endpoint: string): string {
  const size = statSync(file).size;
  if (size > MAX_ANSWER_BYTES) {
    throw new ProxmoxReadError(
      file,
      `the answer is too large (${size} bytes; the limit is ${MAX_ANSWER_BYTES})`,
      `this is not what ${endpoint} answers for a small site; check that the file is the output of \`pvesh get ${endpoint} --output-format json\``,
    );
  }
  return readFileSync(file, 'utf8');
}

export function readSnapshotDir(dir: string): RawAnswers {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ProxmoxReadError(
      dir,
      'snapshot folder not found',
      'give the folder scripts/proxmox-snapshot.sh wrote, e.g. --snapshot model/observed',
    );
  }
  const resourcesFile = join(dir, ENDPOINTS.resources.file);
  if (!existsSync(resourcesFile)) {
    throw new ProxmoxReadError(
      dir,
      `no ${ENDPOINTS.resources.file} in the snapshot folder`,
      'on the Proxmox host: pvesh get /cluster/resources --output-format json > cluster-resources.json',
    );
  }
  const optional = (name: Exclude<EndpointName, 'resources'>) => {
    const file = join(dir, ENDPOINTS[name].file);
    return existsSync(file) ? { where: file, text: readLimited(file, ENDPOINTS[name].path) } : undefined;
  };
  const configs: RawGuestConfig[] = [];
  const nodesDir = join(dir, 'nodes');
  if (existsSync(nodesDir)) {
    for (const node of readdirSync(nodesDir).sort()) {
      for (const kind of ['qemu', 'lxc'] as const) {
        const kindDir = join(nodesDir, node, kind);
        if (!existsSync(kindDir)) continue;
        for (const vmid of readdirSync(kindDir).sort((a, b) => Number(a) - Number(b))) {
          const file = join(kindDir, vmid, 'config.json');
          if (!/^\d+$/.test(vmid) || !existsSync(file)) continue;
          configs.push({ node, kind, vmid: Number(vmid), where: file, text: readLimited(file, `/nodes/${node}/${kind}/${vmid}/config`) });
        }
      }
    }
  }
  let takenAt: string | undefined;
  const metaFile = join(dir, 'snapshot.json');
  if (existsSync(metaFile)) {
    try {
      const meta = JSON.parse(readLimited(metaFile, 'snapshot.json')) as { takenAt?: unknown };
      if (typeof meta.takenAt === 'string' && !Number.isNaN(Date.parse(meta.takenAt))) takenAt = meta.takenAt;
    } catch {
      throw new ProxmoxReadError(
        metaFile,
        'not valid JSON',
        'it should be {"takenAt": "2026-01-31T12:00:00Z"}; scripts/proxmox-snapshot.sh writes it',
      );
    }
  }
  const present = <T>(value: T | undefined) => value;
  return {
    resources: { where: resourcesFile, text: readLimited(resourcesFile, ENDPOINTS.resources.path) },
    ...Object.fromEntries(
      (['status', 'storage', 'ha', 'haGroups', 'haRules', 'version', 'permissions'] as const).flatMap((name) => {
        const answer = present(optional(name));
        return answer ? [[name, answer]] : [];
      }),
    ),
    configs,
    ...(takenAt ? { takenAt } : {}),
    source: { kind: 'snapshot', where: dir },
  };
}
