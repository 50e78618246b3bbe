/**
 * Runs `npm run build` the way a person does, from a test: Node's own TypeScript support, no
 * loader, and the environment without what vitest adds to it.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The environment without what vitest adds to it (its own flags, and Vite's BASE_URL, MODE, DEV,
 * PROD and SSR): a build here should see what `npm run build` sees. With DEV=1 and PROD="" in it,
 * Astro compiled its modules differently, which hid a real bug in the incremental build.
 */
export function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^VITEST/.test(key) || ['TEST', 'NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key)) delete clean[key];
  }
  return clean;
}

/**
 * scripts/build.ts into `out`, asynchronously (a test can serve or browse meanwhile), with no time
 * limit: on a busy machine a build takes as long as it takes.
 */
export function runBuild(out: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--out', out, ...args], {
      cwd: ROOT,
      env: {
        ...outsideVitest(process.env),
        SOURCE_DATE_EPOCH: '1767225600',
        DRIFTSBOK_REVISION: 'test',
        DRIFTSBOK_PROFILE: 'full',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}
