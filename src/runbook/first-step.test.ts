import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { firstStep } from './first-step.ts';

describe('firstStep', () => {
  it('takes the bold lead-in and the rest of the first item', () => {
    expect(firstStep('Intro.\n\n1. **Is it the host?** No lights on\n   the server.\n2. **Next:** more.')).toEqual({
      lead: 'Is it the host?',
      text: 'No lights on the server.',
    });
  });

  it('removes Markdown marks and names entity links', () => {
    expect(
      firstStep('1. Restart `pct start 109` on [[host:pve-core]], see [the docs](https://x) or [[guest:a|A]] *now*.', (k) => `<${k}>`),
    ).toEqual({
      text: 'Restart pct start 109 on <host:pve-core>, see the docs or A now.',
    });
  });

  it("names a link to a withheld entity as the public profile says, never by the author's own label", () => {
    const withheld = (k: string) => (k === 'guest:vpn' ? '(withheld)' : undefined);
    expect(firstStep('1. Check [[guest:vpn|the WireGuard box]] and [[guest:a|A]].', (k) => `<${k}>`, withheld)).toEqual({
      text: 'Check (withheld) and A.',
    });
  });

  it('has nothing to say about a text without a numbered list', () => {
    expect(firstStep('Just a paragraph.\n\n- a bullet')).toBeUndefined();
  });

  it("finds a lead-in in every procedure of the project's content", () => {
    for (const lang of ['nb', 'en']) {
      for (const file of readdirSync(`content/runbook/${lang}`)) {
        const step = firstStep(readFileSync(`content/runbook/${lang}/${file}`, 'utf8'));
        expect(step?.lead, `${lang}/${file}`).toBeTruthy();
        expect(step?.text.length, `${lang}/${file}`).toBeGreaterThan(10);
      }
    }
  });
});
