import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/bench/options.ts';

const DEFAULTS = {
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

describe('parseArgs (npm run bench)', () => {
  it('has the documented defaults', () => {
    expect(parseArgs([])).toEqual(DEFAULTS);
  });

  it('reads every option, with a value after a space or an equals sign', () => {
    expect(parseArgs(['--quick'])).toEqual({ ...DEFAULTS, scales: [1, 10] });
    expect(parseArgs(['--scales', '1, 3,10'])).toEqual({ ...DEFAULTS, scales: [1, 3, 10] });
    expect(parseArgs(['--scales=0.5'])).toEqual({ ...DEFAULTS, scales: [0.5] });
    expect(parseArgs(['--keep', '--no-plain', '--no-warm', '--no-alone', '--no-rehype', '--no-pdf'])).toEqual({
      ...DEFAULTS,
      keep: true,
      plain: false,
      warm: false,
      aloneMaxScale: 0,
      rehypeMaxScale: 0,
      pdf: false,
    });
    expect(parseArgs(['--pdf-max-scale', '100', '--timeout=15'])).toEqual({ ...DEFAULTS, pdfMaxScale: 100, timeoutMin: 15 });
    expect(parseArgs(['--timeout', '0'])).toEqual(DEFAULTS);
  });

  it('says help for --help and -h', () => {
    expect(parseArgs(['--help'])).toBe('help');
    expect(parseArgs(['--quick', '-h'])).toBe('help');
  });

  it('refuses what it cannot run with, saying why', () => {
    const refused = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refused(['--bogus'])).toBe('unknown option --bogus (try --help)');
    expect(refused(['--scales', 'x'])).toBe('--scales needs a comma-separated list of positive numbers, e.g. --scales 1,10,100 (got "x")');
    expect(refused(['--scales'])).toBe('--scales needs a comma-separated list of positive numbers, e.g. --scales 1,10,100 (got "")');
    expect(refused(['--scales=1,-10'])).toMatch(/got "1,-10"/);
    expect(refused(['--pdf-max-scale', '0'])).toBe('--pdf-max-scale needs a positive scale, e.g. --pdf-max-scale 100');
    expect(refused(['--timeout', '-1'])).toBe('--timeout needs minutes per build, e.g. --timeout 15');
    // The first bad option stops it, like the command line did.
    expect(refused(['--bogus', '--scales', 'x'])).toMatch(/^unknown option --bogus/);
  });
});
