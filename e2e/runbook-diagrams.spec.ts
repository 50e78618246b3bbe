/**
 * The failure diagrams in the printed runbooks are legible: no word on a page that carries a diagram
 * prints below 7 pt (measured with `pdftotext -bbox`), and every scenario keeps at least its first
 * phase's diagram on paper. Reads dist/ after `npm run build`, both languages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { loadModel } from '../src/model/load-model.ts';
import { SETTINGS } from './helpers/site.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { localized, type Lang } from '../src/model/entities.ts';
import { MIN_PRINT_PT } from '../src/runbook/print-fit.ts';

const loaded = loadModel(SETTINGS.DRIFTSBOK_MODEL_DIR);
if (!loaded.ok) throw new Error('the model does not load');
const model = loaded.model;
const analysis = analyze(model);

/**
 * pdftotext's word box is the font's ascent + descent: 1.164 × the size for DejaVu Sans, which the
 * runbook and (through fontconfig's system-ui) the diagrams use; the runbook's 10 pt body text
 * measures 11.6 pt high. A little slack for rounding.
 */
const BOX_PER_PT = 1.164;
const minHeight = MIN_PRINT_PT * BOX_PER_PT - 0.05;

interface Word {
  text: string;
  height: number;
}

function pdfWords(file: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[3]!,
        height: Number(m[2]) - Number(m[1]),
      })),
    );
}

const flat = (s: string) => s.replace(/-/g, '').replace(/\s+/g, ' ').trim();
const LEGEND: Record<Lang, string> = { nb: 'Forklaring', en: 'Legend' };

for (const lang of ['nb', 'en'] as Lang[]) {
  const file = join('dist', `runbook-${lang}.pdf`);
  test.describe(`runbook-${lang}.pdf diagrams`, () => {
    test.skip(!existsSync(file), 'run npm run build first');
    const pages = existsSync(file) ? pdfWords(file) : [];
    const diagramPages = pages.map((words, i) => ({ words, number: i + 1 })).filter((p) => p.words.some((w) => w.text === LEGEND[lang]));

    test('no word on a page with a diagram prints below 7 pt', () => {
      expect(diagramPages.length).toBeGreaterThanOrEqual(model.scenarios.length);
      const small = diagramPages.flatMap((p) =>
        p.words.filter((w) => w.height < minHeight).map((w) => `p.${p.number} "${w.text}" ${(w.height / BOX_PER_PT).toFixed(1)} pt`),
      );
      expect(small).toEqual([]);
    });

    test("every scenario keeps its first phase's diagram in print", () => {
      const text = flat(pages.map((words) => words.map((w) => w.text).join(' ')).join(' '));
      for (const scenario of analysis.scenarios) {
        const phase = scenario.phases[0]!;
        const entity = model.scenarios.find((s) => s.id === scenario.id)!;
        const caption = `${localized(entity.title, lang)}: ${localized(phase.title, lang)}`;
        // The caption sits under the drawing; a diagram left out of print takes its caption along.
        expect(text, caption).toContain(flat(caption));
      }
    });
  });
}
