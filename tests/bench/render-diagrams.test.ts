/**
 * The bench's "diagrams alone" measurement renders exactly the site's diagrams, from the cache the
 * environment names, and a second run finds them all there (so the bench must empty it per run).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderDiagramsAlone } from '../../src/bench/render-diagrams.ts';
import { siteDiagrams } from '../../src/diagrams/all.ts';
import { createSiteData } from '../../src/site/data.ts';
import { entityHref } from '../../src/site/urls.ts';

const modelDir = resolve('tests/fixtures/models/mini/model');
const cache = mkdtempSync(join(tmpdir(), 'driftsbok-alone-cache-'));
const env = { ...process.env, DRIFTSBOK_DIAGRAM_CACHE: cache };

afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('renderDiagramsAlone', () => {
  it('renders every diagram of the site into an empty cache, then none the second time', async () => {
    const saved = process.env.DRIFTSBOK_DIAGRAM_CACHE;
    process.env.DRIFTSBOK_DIAGRAM_CACHE = cache; // render.ts reads the cache folder from process.env
    try {
      const data = createSiteData({ ...env, DRIFTSBOK_MODEL_DIR: modelDir });
      const expected = siteDiagrams(data.model, data.analysis, data.model.site.locales, entityHref).length;
      const first = await renderDiagramsAlone(modelDir, env);
      expect(first.diagrams).toBe(expected);
      expect(first.rendered).toBe(expected);
      expect(readdirSync(cache).filter((f) => f.endsWith('.svg'))).toHaveLength(expected);
      expect(first.ms).toBeGreaterThan(0);
      const second = await renderDiagramsAlone(modelDir, env);
      expect(second).toMatchObject({ diagrams: expected, rendered: 0 });
      expect(second.stats.cached).toBe(expected);
    } finally {
      if (saved === undefined) delete process.env.DRIFTSBOK_DIAGRAM_CACHE;
      else process.env.DRIFTSBOK_DIAGRAM_CACHE = saved;
    }
  }, 120_000);
});
