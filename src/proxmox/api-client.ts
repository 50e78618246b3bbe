/**
 * Reading the live Proxmox API (`https://host:8006/api2/json/…`) with an API token, TLS always
 * verified: against a CA file (`--ca`, e.g. /etc/pve/pve-root-ca.pem), against a pinned SHA-256
 * certificate fingerprint (`--fingerprint`, as the Proxmox GUI shows it), or against the system's
 * CAs. Certificate errors are never ignored: with a pin, the connection is checked against the pin
 * before a single byte of the request (and so the token) is sent.
 *
 * Returns the same raw answers a snapshot folder gives, so both go through one parser.
 */
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { IncomingMessage } from 'node:http';
import {
  ENDPOINTS,
  MAX_ANSWER_BYTES,
  ProxmoxReadError,
  parseAnswerJson,
  type EndpointName,
  type RawAnswers,
  type RawGuestConfig,
} from './answers.ts';

export interface ApiOptions {
  /** https://host:8006 */
  url: string;
  /** `user@realm!tokenid=secret` */
  token: string;
  /** PEM text of the CA that signed the host's certificate. */
  ca?: string;
  /** SHA-256 fingerprint of the host's certificate, hex with or without colons. */
  fingerprint?: string;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  /** When the answers are taken (for the report); defaults to now. */
  now?: () => Date;
}

export const TOKEN_PATTERN = /^[^\s@!]+@[^\s@!]+![A-Za-z0-9][A-Za-z0-9._-]*=\S+$/;

export function normaliseFingerprint(text: string): string {
  const hex = text
    .replace(/^sha256[:/=]?/i, '')
    .replace(/[:\s]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new ProxmoxReadError(
      '--fingerprint',
      `"${text}" is not a SHA-256 fingerprint (64 hex digits, colons allowed)`,
      'copy it from the Proxmox GUI: node → System → Certificates → pveproxy-ssl.pem → Fingerprint',
    );
  }
  return hex.match(/../g)!.join(':');
}

/** Only the token's id, never its secret, may appear in messages. */
function tokenId(token: string): string {
  return token.split('=')[0]!;
}

interface Target {
  host: string;
  port: number;
  base: string;
  origin: string;
}

function parseUrl(url: string): Target {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProxmoxReadError('--api', `"${url}" is not a URL`, 'write it as https://host:8006');
  }
  if (parsed.protocol !== 'https:')
    throw new ProxmoxReadError('--api', `"${url}" is not https`, 'the Proxmox API is only reached over https: https://host:8006');
  const base = parsed.pathname.replace(/\/+$/, '').replace(/\/api2\/json$/, '');
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || 443),
    base: `${base}/api2/json`,
    origin: parsed.origin,
  };
}

/** A TLS connection whose certificate matches the pin; destroyed before use otherwise. */
function pinnedSocket(target: Target, pin: string, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // rejectUnauthorized is off only because the pin replaces the CA check; the certificate is
    // compared with the pin below and the socket destroyed on any mismatch, before any request.
    const socket = tlsConnect({
      host: target.host,
      port: target.port,
      servername: /^[\d.:]+$/.test(target.host) ? undefined : target.host,
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new ProxmoxReadError(
          target.origin,
          `no TLS answer within ${timeoutMs / 1000} s`,
          'check the address and port (8006), and that this machine can reach the host',
        ),
      );
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const seen = socket.getPeerCertificate().fingerprint256?.toUpperCase();
      if (seen !== pin) {
        socket.destroy();
        reject(
          new ProxmoxReadError(
            target.origin,
            `the certificate's SHA-256 fingerprint is ${seen ?? 'missing'}, not the pinned ${pin}; nothing was sent`,
            'if the host got a new certificate, check the new fingerprint in the Proxmox GUI (System → Certificates) and pin that; otherwise someone may be in between',
          ),
        );
        return;
      }
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new ProxmoxReadError(
          target.origin,
          `cannot connect (${(error as NodeJS.ErrnoException).code ?? error.message})`,
          'check the address and port (8006)',
        ),
      );
    });
  });
}

const TLS_HINT =
  "pin the certificate with --fingerprint (Proxmox GUI: System → Certificates), or give the host's CA with --ca (/etc/pve/pve-root-ca.pem on the host)";

async function get(
  target: Target,
  path: string,
  options: ApiOptions,
  pin: string | undefined,
): Promise<{ status: number; message: string; text: string; where: string }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const where = `${target.origin}${target.base}${path}`;
  const socket = pin ? await pinnedSocket(target, pin, timeoutMs) : undefined;
  return new Promise((resolve, reject) => {
    // One deadline for the whole request (connect, headers and body), whatever socket it runs on.
    const timer = setTimeout(() => {
      req.destroy();
      fail(`no answer within ${timeoutMs / 1000} s`, 'the host is slow or unreachable; try again, or give more time with --timeout');
    }, timeoutMs);
    const fail = (problem: string, hint: string) => {
      clearTimeout(timer);
      reject(new ProxmoxReadError(where, problem, hint));
    };
    const req = httpsRequest(
      {
        host: target.host,
        port: target.port,
        path: `${target.base}${path}`,
        method: 'GET',
        headers: { Authorization: `PVEAPIToken=${options.token}`, Accept: 'application/json' },
        ...(socket ? { createConnection: () => socket } : { agent: false, ...(options.ca ? { ca: options.ca } : {}) }),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            req.destroy();
            fail(
              `the answer is too large (over ${MAX_ANSWER_BYTES} bytes)`,
              'this is not what Proxmox answers for a small site; check the URL',
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, message: res.statusMessage ?? '', text: Buffer.concat(chunks).toString('utf8'), where });
        });
        res.on('error', (error) => fail(`the answer broke off (${error.message})`, 'try again'));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) fail(`the certificate is not trusted (${code})`, TLS_HINT);
      else fail(`cannot connect (${code || error.message})`, 'check the address and port (8006), and that this machine can reach the host');
    });
    req.end();
  });
}

function statusError(where: string, status: number, token: string): ProxmoxReadError {
  if (status === 401)
    return new ProxmoxReadError(
      where,
      `401 Unauthorized for token ${tokenId(token)}`,
      'check PROXMOX_API_TOKEN (user@realm!tokenid=secret) and that the token exists and has not expired',
    );
  if (status === 403)
    return new ProxmoxReadError(
      where,
      `403 Forbidden for token ${tokenId(token)}`,
      'give the token the PVEAuditor role on / (Datacenter → Permissions), and untick "Privilege Separation" or give the role to the token itself',
    );
  return new ProxmoxReadError(
    where,
    `the API answered ${status}`,
    status >= 500
      ? 'the Proxmox API had a problem; try again, and see journalctl -u pveproxy on the host'
      : 'check the URL: https://host:8006',
  );
}

/** Reads every endpoint driftsbok uses; throws ProxmoxReadError (and returns nothing) on failure. */
export async function readApi(options: ApiOptions): Promise<RawAnswers> {
  if (!TOKEN_PATTERN.test(options.token)) {
    throw new ProxmoxReadError(
      'PROXMOX_API_TOKEN',
      'is not an API token of the form user@realm!tokenid=secret',
      'create one in Datacenter → Permissions → API Tokens and export PROXMOX_API_TOKEN="user@pve!driftsbok=…"',
    );
  }
  const target = parseUrl(options.url);
  const pin = options.fingerprint ? normaliseFingerprint(options.fingerprint) : undefined;
  const fetchOne = async (path: string, required: boolean, release?: 'may-lack') => {
    const answer = await get(target, path, options, pin);
    if (answer.status === 200) return { where: answer.where, text: answer.text };
    // A token may lack the right to read an optional endpoint: leave it out, the rest still counts.
    if (answer.status === 403 && !required) return undefined;
    // HA groups exist up to PVE 8 (PVE 9 answers 500 "… migrated to rules"), HA rules from PVE 9
    // on (PVE 8 answers 501 "not implemented" or 404): a release without one is no failure.
    if (
      release === 'may-lack' &&
      (answer.status === 404 ||
        answer.status === 501 ||
        (answer.status === 500 && /migrated|no such|not implemented/i.test(answer.message)))
    )
      return undefined;
    throw statusError(answer.where, answer.status, options.token);
  };
  const resources = (await fetchOne(ENDPOINTS.resources.path, true))!;
  const optional: Partial<Record<EndpointName, { where: string; text: string }>> = {};
  for (const name of ['status', 'storage', 'ha', 'haGroups', 'haRules', 'version', 'permissions'] as const) {
    const answer = await fetchOne(ENDPOINTS[name].path, false, name === 'haGroups' || name === 'haRules' ? 'may-lack' : undefined);
    if (answer) optional[name] = answer;
  }
  // Guest configs, for onboot, startup order and IPs: only for guests the answer lists.
  const listed = parseAnswerJson(resources.where, resources.text, ENDPOINTS.resources.path);
  const guests = Array.isArray(listed)
    ? listed.filter(
        (r): r is { type: 'qemu' | 'lxc'; node: string; vmid: number } =>
          !!r && (r.type === 'qemu' || r.type === 'lxc') && typeof r.node === 'string' && Number.isInteger(r.vmid),
      )
    : [];
  const configs: RawGuestConfig[] = [];
  for (const g of guests) {
    if (!/^[A-Za-z0-9.-]+$/.test(g.node)) continue;
    const answer = await fetchOne(`/nodes/${g.node}/${g.type}/${g.vmid}/config`, false);
    if (answer) configs.push({ node: g.node, kind: g.type, vmid: g.vmid, where: answer.where, text: answer.text });
  }
  return {
    resources,
    ...optional,
    configs,
    takenAt: (options.now ?? (() => new Date()))()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    source: { kind: 'api', where: target.origin },
  };
}
