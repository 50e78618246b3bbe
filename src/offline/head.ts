/**
 * What every page's <head> carries for the offline app: the manifest (the page script points it at
 * the page's language), the icon iOS uses on the home screen, and the page script, deferred. All
 * three are files of the site, so a Content-Security-Policy of 'self' allows them. Pure.
 */
export interface HeadEntry {
  tag: 'link' | 'meta' | 'script';
  attrs: Record<string, string | boolean>;
}

export function offlineHead(base: string): HeadEntry[] {
  return [
    { tag: 'link', attrs: { rel: 'manifest', href: `${base}manifest.webmanifest` } },
    { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon.png` } },
    { tag: 'meta', attrs: { name: 'theme-color', content: '#1a4fb0' } },
    { tag: 'script', attrs: { src: `${base}offline.js`, defer: true } },
  ];
}
