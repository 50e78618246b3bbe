/**
 * One word and one mark per state, wherever a state is shown: a reader meets "! redusert" in the
 * runbook's table, in the diagram beside it and on the scenario page, never "◐ delvis" in one of them.
 */
import { describe, expect, it } from 'vitest';
import { STATE_MARK, stateLabel } from '../../src/analysis/explain.ts';
import { t } from '../../src/i18n/ui.ts';
import { STATE_MARK as PAGE_MARK } from '../../src/site/scenario-view.ts';

const STATES = ['ok', 'degraded', 'down'] as const;

describe('state words and marks', () => {
  it('are the same on pages, in diagrams and in explanations, in both languages', () => {
    for (const state of STATES) {
      for (const lang of ['nb', 'en'] as const) {
        expect(t(lang, `state.${state}`)).toBe(stateLabel(state, lang));
      }
      expect(PAGE_MARK[state]).toBe(STATE_MARK[state]);
    }
  });

  it('tell the three states apart without colour', () => {
    expect(new Set(STATES.map((s) => STATE_MARK[s])).size).toBe(3);
    for (const lang of ['nb', 'en'] as const) expect(new Set(STATES.map((s) => stateLabel(s, lang))).size).toBe(3);
  });
});
