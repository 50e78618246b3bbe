// driftsbok's service worker: the whole site, its search index and the runbook PDFs, readable with
// no network. Generated per build by src/offline/write-offline-app.ts, which puts the build's file
// list in front of this file (const OFFLINE = {...}). Plain browser JavaScript: it runs as written.
//
// One cache per build, named after the site's scope and the build's version. Installing a build
// copies every file whose content hash is unchanged from the cache of the build before it, and
// fetches only what changed; if any fetch fails the new build is not installed and the old one
// keeps serving. Activating deletes the caches of earlier builds of this scope, so a build with
// another model or profile never serves the old one's pages. Nothing from another origin is
// cached or even looked at.
/* global OFFLINE */
'use strict';

const PREFIX = `driftsbok ${OFFLINE.scope} `;
const CURRENT = `${PREFIX}${OFFLINE.version}`;
/** Each cached response carries the content hash it was cached as, so the next build can tell it is unchanged. */
const HASH_HEADER = 'x-driftsbok-hash';
const PROBE = `${OFFLINE.scope}build-info.json`;
/** url → hash of every file this build knows about, precached or not. */
const KNOWN = new Map([...OFFLINE.precache, ...OFFLINE.onVisit]);

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CURRENT) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(OFFLINE.scope)) return;
  // The page asks whether the network answers (and which build it has): never from the cache.
  if (url.pathname === PROBE && url.searchParams.has('probe')) {
    event.respondWith(fetch(request, { cache: 'no-store' }).catch(() => new Response('', { status: 503 })));
    return;
  }
  const key = knownUrl(url.pathname);
  if (key) event.respondWith(fromCache(key, request));
});

/** The site's own name for a path: "/en/guests" and "/en/guests/index.html" are "/en/guests/". */
function knownUrl(pathname) {
  for (const candidate of [pathname, pathname.replace(/index\.html$/, ''), `${pathname}/`]) if (KNOWN.has(candidate)) return candidate;
  return undefined;
}

async function fromCache(key, request) {
  const cache = await caches.open(CURRENT);
  const hit = await cache.match(key);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    // A file past the size budget: kept once it has been read.
    if (response.ok && response.type === 'basic' && !request.headers.has('range')) await cache.put(key, await storable(response.clone(), KNOWN.get(key)));
    return response;
  } catch (error) {
    if (request.mode === 'navigate') {
      const notFound = await cache.match(`${OFFLINE.scope}404.html`);
      if (notFound) return notFound;
    }
    throw error;
  }
}

/**
 * A response as the cache keeps it: marked with its hash, and rebuilt, because one that followed a
 * redirect could not answer a navigation.
 */
async function storable(response, hash) {
  const headers = new Headers(response.headers);
  headers.set(HASH_HEADER, hash);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function install() {
  const cache = await caches.open(CURRENT);
  const earlier = [];
  for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CURRENT) earlier.push(await caches.open(name));
  /** Copies `url` from an earlier build's cache when it holds the same content; false when none does. */
  const copyUnchanged = async (url, hash) => {
    for (const old of earlier) {
      const response = await old.match(url);
      if (response && response.headers.get(HASH_HEADER) === hash) {
        await cache.put(url, response);
        return true;
      }
    }
    return false;
  };
  const work = OFFLINE.precache.slice();
  const worker = async () => {
    for (let next = work.shift(); next; next = work.shift()) {
      const [url, hash] = next;
      const have = await cache.match(url); // an install that was interrupted and started again
      if (have && have.headers.get(HASH_HEADER) === hash) continue;
      if (await copyUnchanged(url, hash)) continue;
      const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`offline: ${url} answered ${response.status}`);
      // A file of another build (the server was updated meanwhile) would mix two builds in one
      // cache: give up this install; the newer build's service worker comes with the next visit.
      const body = await response.clone().arrayBuffer();
      if ((await sha256(body)).slice(0, hash.length) !== hash) throw new Error(`offline: ${url} is not the file this build listed`);
      await cache.put(url, await storable(response, hash));
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  // Files past the budget that an earlier build had already kept, unchanged: keep them too.
  for (const [url, hash] of OFFLINE.onVisit) await copyUnchanged(url, hash);
}
