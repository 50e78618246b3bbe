import { describe, expect, it } from 'vitest';
import { resolveChromiumExecutable, ChromiumNotFoundError } from './chromium.ts';

describe('resolveChromiumExecutable', () => {
  it('refuses a CHROMIUM_PATH that does not exist, saying how to fix it', () => {
    expect(() => resolveChromiumExecutable({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(ChromiumNotFoundError);
    expect(() => resolveChromiumExecutable({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(/apt-get install chromium/);
  });
  it('takes CHROMIUM_PATH when it exists', () => {
    expect(resolveChromiumExecutable({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});
