import { expect, it } from 'vitest';
import { StageClock } from './stage-clock.ts';

it('says how long the build and each stage took, in the order they ran', () => {
  let t = 0;
  const clock = new StageClock(() => t);
  clock.start('check');
  t += 120;
  clock.start('pages and diagrams');
  t += 11_040;
  clock.stop();
  t += 10; // between stages: counted in the whole, not in a stage
  clock.start('PDFs');
  t += 2_960;
  expect(clock.summary()).toBe('14.1 s: check 0.1 s · pages and diagrams 11.0 s · PDFs 3.0 s');
});
