/**
 * Secrets never belong in the model: the site and the printed runbook are shared. A model holding
 * something that looks like a private key, an API token or a password is refused. Pure.
 * The patterns are deliberately specific (prefix + length) so prose such as "passwordless SSH"
 * or "disk-usage" passes.
 */

export const SECRET_HINT =
  'secrets never belong in the model (it is published and printed): remove the value and keep it in a password manager';

interface SecretPattern {
  /** A stable id, used by the allow-list (src/site/secret-scan.ts) to name what it allows. */
  rule: string;
  pattern: RegExp;
  what: string;
}

/** Words after "the password is" / "passordet er" that describe a password rather than give one. */
const NOT_A_PASSWORD = String.raw`(?!(?:stored|kept|saved|in|on|at|the|a|an|not|never|set|changed|written|unknown|documented|required|needed|missing|same|managed|rotated|lagret|i|på|hos|ikke|aldri|satt|endret|skrevet|ukjent|dokumentert|påkrevd|samme|byttet)\b)`;

const SECRET_PATTERNS: SecretPattern[] = [
  { rule: 'private-key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/, what: 'a private key' },
  { rule: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/, what: 'a GitHub token' },
  { rule: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, what: 'a GitLab token' },
  { rule: 'api-key', pattern: /(?<![A-Za-z0-9-])sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/, what: 'an API key (sk-…)' },
  { rule: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  { rule: 'aws-key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key' },
  { rule: 'google-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
  // Proxmox: `Authorization: PVEAPIToken=user@pam!id=uuid`, also written without the secret part's prefix.
  { rule: 'pve-api-token', pattern: /\bPVEAPIToken\s*=\s*\S+/i, what: 'a Proxmox API token' },
  { rule: 'pve-api-token', pattern: /\b[\w.-]+@(?:pam|pve)![\w.-]+[=:]\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i, what: 'a Proxmox API token' },
  // A JSON Web Token (Home Assistant long-lived tokens are JWTs): three base64url parts, the first a JSON header.
  { rule: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, what: 'a JSON Web Token' },
  { rule: 'bearer', pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/i, what: 'an Authorization: Bearer token' },
  { rule: 'tailscale-key', pattern: /\btskey-[A-Za-z0-9_-]{16,}/, what: 'a Tailscale key' },
  {
    rule: 'wifi-psk',
    pattern: new RegExp(
      String.raw`\b(?:wpa2?[-_ ]?psk|psk|pre-?shared[- ]key|wi-?fi[- ]?(?:password|passord|key|nøkkel|psk)|wlan[- ]?(?:password|passord|key|nøkkel)|ssid\s+\S+\s+(?:password|passord))\b\s*(?:[:=]|\bis\b|\ber\b)\s*["'\x60]?${NOT_A_PASSWORD}[^\s"'\x60<>]{8,}`,
      'iu',
    ),
    what: 'a Wi-Fi password',
  },
  {
    rule: 'password-phrase',
    pattern: new RegExp(
      String.raw`\b(?:(?:root|admin|the|my|our|its)\s+)?(?:password|passphrase|passcode|pin code)(?:\s+(?:for|to|of|on)(?:\s+\S+){1,3}?)?\s+(?:is|was)\s*:?\s*["'\x60]?${NOT_A_PASSWORD}[^\s"'\x60<>]{4,}`,
      'iu',
    ),
    what: 'a password',
  },
  {
    rule: 'password-phrase',
    pattern: new RegExp(
      String.raw`\b(?:root-?|admin-?)?(?:passord(?:et)?|passfrase(?:n)?|pin-?kode(?:n)?)(?:\s+(?:til|for|på)(?:\s+\S+){1,3}?)?\s+(?:er|var)\s*:?\s*["'\x60]?${NOT_A_PASSWORD}[^\s"'\x60<>]{4,}`,
      'iu',
    ),
    what: 'a password',
  },
  {
    rule: 'password',
    pattern: /\b(?:password|passwd|passord|passphrase|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)\s*[:=]\s*["']?[^\s"'<>]{4,}/i,
    what: 'a password or token',
  },
  { rule: 'url-password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]{3,}@/i, what: 'a password in a URL' },
];

/** Keys that name a secret. A non-empty value under one of them is refused. */
const SECRET_KEY = /^(?:password|passwd|passord|passphrase|pwd|secret|secrets|api[_-]?key|apikey|token|access[_-]?token|auth[_-]?token|private[_-]?key|client[_-]?secret)$/i;

export interface SecretMatch {
  what: string;
  message: string;
}

/** What secret a text looks like it holds, or null. The secret itself is never echoed. */
export function detectSecret(text: string): SecretMatch | null {
  for (const { pattern, what } of SECRET_PATTERNS) {
    if (pattern.test(text)) return { what, message: `looks like ${what}` };
  }
  return null;
}

export interface SecretFinding {
  rule: string;
  what: string;
  /** Where in the text the match starts, and the matched text (for allow-lists; never printed). */
  index: number;
  match: string;
}

/** Every place in a (long) text that looks like a secret, in order; overlapping matches once. */
export function findSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const { rule, pattern, what } of SECRET_PATTERNS) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(global)) {
      const index = m.index;
      if (found.some((f) => index < f.index + f.match.length && f.index < index + m[0].length)) continue;
      found.push({ rule, what, index, match: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
