/**
 * `npm run bench`'s command line (scripts/bench.ts says what each option does): parsed into
 * Options, 'help' for --help, or a UsageError saying what is wrong with it.
 */

export interface Options {
  scales: number[];
  keep: boolean;
  plain: boolean;
  /** Render the diagrams alone (no Astro) up to this scale, to show the floor under a cold build. */
  aloneMaxScale: number;
  warm: boolean;
  pdf: boolean;
  /**
   * Scales above this build without the runbook PDFs: a 100× model's runbook (500 scenarios, ~1 200
   * diagrams per language) is thousands of pages, and printing it took over 10 minutes and over
   * 20 GB of memory on a 2-core, 24 GB machine before it was stopped.
   */
  pdfMaxScale: number;
  /** Per build, in minutes; 0 = none. */
  timeoutMin: number;
  /** The rehype-mermaid comparison up to this scale (0 = none, --no-rehype). */
  rehypeMaxScale: number;
}

export function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = {
    scales: [1, 10, 100],
    keep: false,
    plain: true,
    aloneMaxScale: 10,
    warm: true,
    pdf: true,
    pdfMaxScale: 10,
    timeoutMin: 0,
    rehypeMaxScale: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--quick') options.scales = [1, 10];
    else if (flag === '--scales') {
      const value = inline ?? argv[++i];
      const scales = (value ?? '').split(',').map((s) => Number(s.trim()));
      if (!scales.length || scales.some((s) => !Number.isFinite(s) || s <= 0)) {
        fail(`--scales needs a comma-separated list of positive numbers, e.g. --scales 1,10,100 (got "${value ?? ''}")`);
      }
      options.scales = scales;
    } else if (flag === '--keep') options.keep = true;
    else if (flag === '--no-plain') options.plain = false;
    else if (flag === '--no-warm') options.warm = false;
    else if (flag === '--no-alone') options.aloneMaxScale = 0;
    else if (flag === '--no-rehype') options.rehypeMaxScale = 0;
    else if (flag === '--no-pdf') options.pdf = false;
    else if (flag === '--pdf-max-scale') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value <= 0) fail('--pdf-max-scale needs a positive scale, e.g. --pdf-max-scale 100');
      options.pdfMaxScale = value;
    } else if (flag === '--timeout') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value < 0) fail('--timeout needs minutes per build, e.g. --timeout 15');
      options.timeoutMin = value;
    } else if (flag === '--help' || flag === '-h') return 'help';
    else fail(`unknown option ${arg} (try --help)`);
  }
  return options;
}

/** A command line the bench cannot run with; scripts/bench.ts prints `bench: <message>` and exits 2. */
export class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}
