/**
 * Drift on the built site. The Saghaugen model ships without a Proxmox snapshot (model/observed/),
 * so every page for a Proxmox entity must say it was never compared, instead of passing for current;
 * the Avvik/Drift page exists in both languages, and the printed runbook's cover says the same.
 */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { entityHref, pagePath } from '../src/site/urls.ts';

test.skip(existsSync('model/observed/cluster-resources.json'), 'a snapshot is committed: these pages say when it was compared instead');

for (const [lang, never, title] of [
  ['nb', 'Aldri sammenlignet med Proxmox.', 'Avvik mellom modellen og Proxmox'],
  ['en', 'Never compared with Proxmox.', 'Drift between the model and Proxmox'],
] as const) {
  test(`pages for Proxmox entities say they were never compared (${lang})`, async ({ page }) => {
    for (const key of ['host:pve-core', 'guest:frigate', 'storage:local-lvm']) {
      await page.goto(entityHref(key, lang));
      const section = page.locator('section.drift-status');
      await expect(section, key).toHaveAttribute('data-drift', 'never');
      await expect(section, key).toContainText(never);
    }
    // Entities Proxmox knows nothing about say nothing about it: a system, and a host that is not a
    // Proxmox node (a Raspberry Pi), which also has no guests table.
    for (const key of ['system:knx', 'host:lorawan-gateway']) {
      await page.goto(entityHref(key, lang));
      await expect(page.locator('section.drift-status'), key).toHaveCount(0);
    }
    await expect(page.locator('#guests')).toHaveCount(0);
  });

  test(`the drift page and the runbook cover (${lang})`, async ({ page }) => {
    await page.goto(pagePath('drift', lang));
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.locator('[data-drift="never"]')).toContainText(never);
    await expect(page.locator('nav[aria-label] a[href$="/drift/"]').first()).toBeVisible();
    await page.goto(pagePath('runbook/print', lang));
    await expect(page.locator('[data-drift-cover]')).toHaveText(
      lang === 'nb' ? 'Modellen er aldri sammenlignet med Proxmox.' : 'The model has never been compared with Proxmox.',
    );
  });
}
