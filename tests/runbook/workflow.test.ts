/**
 * The publishing workflow: valid YAML, the triggers and jobs issue 6 asks for, and the same commands
 * as package.json's scripts and the README's test command (which .ci/run runs too).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';

const source = readFileSync('.github/workflows/publish.yml', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
const workflow = parse(source) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const runs = Object.values(workflow.jobs)
  .flatMap((j) => j.steps.map((s) => s.run ?? ''))
  .join('\n');
const npmCommands = [...runs.matchAll(/^\s*(npm (?:run [\w:-]+|test|ci)\b[^\n]*)/gm)].map((m) => m[1]!.trim());

describe('the publish workflow', () => {
  it('parses without errors or warnings', () => {
    const doc = parseDocument(source);
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('runs on pushes to main touching the model, prose, code or config, and by hand', () => {
    const push = workflow.on.push as { branches: string[]; paths: string[] };
    expect(push.branches).toEqual(['main']);
    for (const path of ['model/**', 'content/**', 'src/**', 'scripts/**', 'astro.config.mjs', 'package.json', 'package-lock.json']) {
      expect(push.paths).toContain(path);
    }
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('uses Node 24 and installs Chromium and pdftotext the way a runner can', () => {
    const setupNode = workflow.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setupNode?.with?.['node-version'])).toBe('24');
    expect(runs).toMatch(/apt-get install[^\n]*poppler-utils/);
    expect(runs).toMatch(/npx playwright install --with-deps chromium/);
    expect(runs).toContain('CHROMIUM_PATH=');
  });

  it('runs npm ci, the model check and the README test command, all of which exist in package.json', () => {
    expect(npmCommands[0]).toMatch(/^npm ci\b/);
    expect(npmCommands).toContain('npm run check');
    expect(npmCommands).toContain('npm test');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toMatch(/^npm test\b/m);
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
    for (const command of npmCommands) {
      const script = command.match(/^npm run ([\w:-]+)/)?.[1] ?? (command.startsWith('npm test') ? 'test' : undefined);
      if (script) expect(pkg.scripts, command).toHaveProperty(script);
    }
    // npm test builds the site and both PDFs (scripts/build.ts calls buildRunbookPdfs).
    expect(pkg.scripts.test).toContain('npm run build');
  });

  it('uploads the site for Pages and the PDFs as an artifact, after the tests', () => {
    const steps = workflow.jobs.build!.steps;
    const test = steps.findIndex((s) => s.run?.trim() === 'npm test');
    const pages = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    const pdfs = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(test).toBeGreaterThan(0);
    expect(pages).toBeGreaterThan(test);
    expect(pdfs).toBeGreaterThan(test);
    expect(steps[pages]!.with?.path).toBe('dist');
    expect(String(steps[pdfs]!.with?.path)).toContain('dist/runbook-nb.pdf');
    expect(String(steps[pdfs]!.with?.path)).toContain('dist/runbook-en.pdf');
    expect(steps[pdfs]!.with?.['if-no-files-found']).toBe('error');
    // No step may be made to run after a failure.
    for (const step of steps) expect((step as { if?: string }).if ?? '').not.toMatch(/always\(\)|failure\(\)/);
    expect(steps.some((s) => (s as { 'continue-on-error'?: boolean })['continue-on-error'])).toBe(false);
  });

  it('publishes a build for the path Pages serves the site under, made after the tests', () => {
    const steps = workflow.jobs.build!.steps;
    const test = steps.findIndex((s) => s.run?.trim() === 'npm test');
    const build = steps.findIndex((s) => s.run?.trim() === 'npm run build');
    const pages = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(build).toBeGreaterThan(test);
    expect(build).toBeLessThan(pages);
    expect(steps[build]!.env?.DRIFTSBOK_BASE).toBe('${{ steps.pages.outputs.base_path }}');
    expect(steps[build]!.env?.DRIFTSBOK_PUBLIC_URL).toBe('${{ steps.pages.outputs.base_url }}');
    expect(steps.find((s) => s.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/);
  });

  it('publishes only the public profile: the build that feeds Pages and every uploaded artifact is public', () => {
    const job = workflow.jobs.build! as Job & { env?: Record<string, string> };
    const steps = job.steps;
    const profileAt = (step: Step) =>
      step.env?.DRIFTSBOK_PROFILE ??
      job.env?.DRIFTSBOK_PROFILE ??
      (workflow as { env?: Record<string, string> }).env?.DRIFTSBOK_PROFILE ??
      'full';
    const uploads = steps.map((s, i) => [s, i] as const).filter(([s]) => /^actions\/upload-(pages-)?artifact@/.test(s.uses ?? ''));
    expect(uploads.length).toBeGreaterThan(0);
    for (const [upload, at] of uploads) {
      // The last step before the upload that writes dist/ is the build whose output is uploaded.
      const builds = steps
        .slice(0, at)
        .map((s, i) => [s, i] as const)
        .filter(([s]) => /\bnpm (?:run build|test)\b/.test(s.run ?? ''));
      const [feeding] = builds.at(-1)!;
      expect(feeding.run?.trim(), `${upload.name} uploads the output of`).toBe('npm run build');
      expect(profileAt(feeding), `${upload.name} uploads the output of a build with DRIFTSBOK_PROFILE`).toBe('public');
      // Nothing is kept longer than needed.
      if (upload.uses?.startsWith('actions/upload-artifact@')) expect(Number(upload.with?.['retention-days'])).toBeLessThanOrEqual(7);
    }
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toMatch(/publishes the public profile/i);
  });

  it('restores the caches only on an exact key: no restore-keys from earlier runs', () => {
    for (const step of workflow.jobs.build!.steps.filter((s) => s.uses?.startsWith('actions/cache'))) {
      expect(step.with ?? {}).not.toHaveProperty('restore-keys');
    }
  });

  it('keeps the diagram and PDF caches between runs, restored before the build', () => {
    const steps = workflow.jobs.build!.steps;
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    const test = steps.findIndex((s) => s.run?.trim() === 'npm test');
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(test);
    const paths = String(steps[cache]!.with?.path);
    expect(paths).toContain('.cache/diagrams');
    expect(paths).toContain('.cache/runbook-pdf');
    expect(String(steps[cache]!.with?.key)).toMatch(/hashFiles\(.*model/);
  });

  it('deploys to Pages only from a job that needs the build', () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    // Only the deploy job may write to Pages.
    expect((workflow as { permissions?: Record<string, string> }).permissions).toEqual({ contents: 'read' });
  });

  it('writes only counts and kinds of drift to the public job log and summary, never the report', () => {
    const step = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .find((s) => /npm run drift/.test(s.run ?? ''))!;
    expect(step, 'a drift step').toBeDefined();
    // The report names hosts, guests and addresses: it is read as JSON and only counted.
    expect(step.run).toMatch(/npm run drift --silent -- --snapshot model\/observed [^\n]*--json > "\$RUNNER_TEMP\/drift\.json"/);
    expect(step.run).not.toMatch(/cat "\$RUNNER_TEMP\/drift/);
    expect(step.run).toMatch(/r\.counts\.drift/);
    expect(step.run).not.toMatch(/\.(?:model|observed|message|file)\b/);
  });
});
