/**
 * Running the bench's commands: each in its own process group (a timeout or Ctrl-C ends the whole
 * tree: node → astro → Chromium, and nothing else), its output logged and kept, its wall time and
 * the machine's busy core-seconds meanwhile measured; the environment every build gets; progress lines.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface RunResult {
  ms: number;
  /** Core-seconds the whole machine was busy meanwhile (Linux /proc/stat), the build and its browser included. */
  cpuSeconds?: number;
  code: number;
  output: string;
  log: string;
  timedOut: boolean;
}

const children = new Set<ReturnType<typeof spawn>>();

/** Ends a child and everything it started (node → astro → Chromium): its process group. */
function killGroup(child: ReturnType<typeof spawn>, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string, timeoutMs = 0): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const out = createWriteStream(log);
    let output = '';
    let timedOut = false;
    const start = performance.now();
    const busyBefore = busyCoreSeconds();
    // Its own process group, so a timeout or Ctrl-C ends the whole tree and nothing else.
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            killGroup(child, 'SIGTERM');
            setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
          }, timeoutMs)
        : undefined;
    const collect = (chunk: Buffer) => {
      out.write(chunk);
      output += chunk.toString('utf8');
      // Keep memory bounded on a 20 000-page build: the lines we parse are near the end.
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      children.delete(child);
      out.end();
      const busyAfter = busyCoreSeconds();
      const cpuSeconds = busyBefore !== undefined && busyAfter !== undefined ? busyAfter - busyBefore : undefined;
      resolvePromise({
        ms: performance.now() - start,
        ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
        code: timedOut ? 124 : (code ?? 1),
        output,
        log,
        timedOut,
      });
    });
  });
}

/**
 * Core-seconds of CPU the machine has been busy since boot (Linux: /proc/stat, user + nice + system
 * + irq + softirq + steal); undefined elsewhere. A build's delta says how much work it was, Chromium
 * included: on 2 cores a build cannot take less wall time than half its core-seconds.
 */
export function busyCoreSeconds(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
  } catch {
    return undefined;
  }
}

export function cleanupChildren() {
  for (const child of children) killGroup(child, 'SIGTERM');
}

export function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1764028800',
    DRIFTSBOK_REVISION: process.env.DRIFTSBOK_REVISION ?? 'bench',
    ASTRO_TELEMETRY_DISABLED: '1',
    // The 100× build holds ~20 000 pages; give every build (project and plain alike) the same heap.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=6144'].filter(Boolean).join(' '),
  };
}

/** Astro's command-line entry in a project's node_modules. */
export function astroBin(project: string): string {
  return join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
}

export function status(line: string) {
  const now = new Date().toISOString().slice(11, 19);
  console.log(`[${now}] ${line}`);
}
