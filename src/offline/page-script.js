// On every page (deferred, under a kilobyte as served): registers the service worker that keeps the
// site for offline use, points the app manifest at the page's language, and says under the page
// when this copy was built, with a notice at the top when the network does not answer (this is
// then a saved copy, maybe old) or when the server has a newer build. Its words and the build's
// date come from build-info.json, which the service worker keeps with the pages.
// src/offline/write-offline-app.ts serves it without comments and indentation.
(() => {
  const d = document;
  const base = new URL('.', d.currentScript.src);
  const lang = d.documentElement.lang;
  const sw = navigator.serviceWorker;
  if (sw) sw.register(new URL('sw.js', base), { scope: base.pathname, updateViaCache: 'none' }).catch(() => {});
  const info = (query) =>
    fetch(new URL(`build-info.json${query}`, base), { cache: 'no-store' }).then(
      (r) => (r.ok ? r.json() : null),
      () => null,
    );
  Promise.all([info(''), info('?probe')]).then(([copy, server]) => {
    if (!copy) return;
    const words = copy.words[lang] || copy.words[copy.root];
    if (lang !== copy.root && copy.words[lang]) {
      const link = d.querySelector('link[rel=manifest]');
      if (link) link.href = new URL(`${lang}/manifest.webmanifest`, base).href;
    }
    const date = new Date(copy.built).toLocaleDateString(words.locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const say = (kind, text) => {
      const p = d.createElement('p');
      p.className = `driftsbok-${kind}`;
      p.textContent = text.replace('{date}', date).replace('{revision}', copy.revision);
      return p;
    };
    const main = d.querySelector('main') || d.body;
    main.append(say('built', words.built + (sw && sw.controller ? ` ${words.saved}` : '')));
    if (!server) main.prepend(say('notice', words.offline));
    else if (server.id !== copy.id) main.prepend(say('notice', words.newer));
  });
})();
