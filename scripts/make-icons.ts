/**
 * `npx tsx scripts/make-icons.ts`: draws the offline app's icons (public/icons/*.png) from
 * public/favicon.svg in Chromium. Run it after changing the favicon; the PNGs are committed, so a
 * build never needs to draw them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../src/browser/chromium.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const svg = readFileSync(join(ROOT, 'public/favicon.svg'), 'utf8');
const out = join(ROOT, 'public/icons');
mkdirSync(out, { recursive: true });

// [file, size, fraction of the square the drawing fills]: a maskable icon keeps its drawing inside
// the middle 80 %, because launchers cut the corners off; iOS rounds the corners itself.
const ICONS: Array<[string, number, number]> = [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['icon-maskable-512.png', 512, 0.7],
  ['apple-touch-icon.png', 180, 0.86],
];

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const [file, size, fill] of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const drawn = Math.round(size * fill);
    const background = fill < 1 ? 'background:#1a4fb0;' : '';
    await page.setContent(
      `<html><body style="margin:0;${background}width:${size}px;height:${size}px;display:grid;place-items:center">` +
        `<div style="width:${drawn}px;height:${drawn}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`,
    );
    await page.screenshot({ path: join(out, file), omitBackground: fill === 1 });
  }
} finally {
  await browser.close();
}
console.log(`icons: ${ICONS.map(([f]) => f).join(', ')} in public/icons/`);
