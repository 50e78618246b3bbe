import { describe, expect, it } from 'vitest';
import { detectSecret, isSecretKey } from './secrets.ts';

describe('detectSecret', () => {
  it.each([
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', 'a private key'],
    ['-----BEGIN RSA PRIVATE KEY-----', 'a private key'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'a GitHub token'],
    ['export OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx', 'an API key (sk-…)'],
    ['xoxb-1234567890-abcdefghij', 'a Slack token'],
    ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key'],
    ['password: hunter22', 'a password or token'],
    ['mysql --password=s3cr3t!', 'a password or token'],
    ['passord: fjøsnisse', 'a password or token'],
    ['https://admin:geheim@10.12.0.1/', 'a password in a URL'],
  ])('refuses %j', (text, what) => {
    expect(detectSecret(text)?.what).toBe(what);
  });

  it.each([
    'Passwordless SSH konfigurert for General AI',
    'ronny (passwordless sudo)',
    'SSH keys: general-ai@saghaugen.no (ed25519)',
    'disk-usage is 34.0 %',
    'task-runner and risk-assessment',
    'password manager',
    'https://example.org/path',
    'token-based auth is used',
  ])('accepts %j', (text) => {
    expect(detectSecret(text)).toBeNull();
  });

  it('never echoes the secret', () => {
    expect(detectSecret('password: hunter22')!.message).not.toContain('hunter22');
  });
});

describe('isSecretKey', () => {
  it('knows secret-looking keys', () => {
    expect(['password', 'apiKey', 'api_key', 'token', 'client_secret', 'passord'].every(isSecretKey)).toBe(true);
    expect(['name', 'user', 'tokens-used', 'passwordless'].some(isSecretKey)).toBe(false);
  });
});
