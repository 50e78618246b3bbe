/**
 * Secrets never belong in the model: the site and the printed runbook are shared. A model holding
 * something that looks like a private key, an API token or a password is refused. Pure.
 * The patterns are deliberately specific (prefix + length) so prose such as "passwordless SSH"
 * or "disk-usage" passes.
 */

export const SECRET_HINT =
  'secrets never belong in the model (it is published and printed): remove the value and keep it in a password manager';

interface SecretPattern {
  pattern: RegExp;
  what: string;
}

const SECRET_PATTERNS: SecretPattern[] = [
  { pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/, what: 'a private key' },
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/, what: 'a GitHub token' },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, what: 'a GitLab token' },
  { pattern: /(?<![A-Za-z0-9-])sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/, what: 'an API key (sk-…)' },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  { pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key' },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
  {
    pattern: /\b(?:password|passwd|passord|passphrase|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)\s*[:=]\s*["']?[^\s"'<>]{4,}/i,
    what: 'a password or token',
  },
  { pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]{3,}@/i, what: 'a password in a URL' },
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

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
