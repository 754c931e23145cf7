/* Chamber Portal service worker: the portal opens with no network after one online visit.
 *
 * - The app's own files (index.html for every page address, scripts, styles, fonts, translations,
 *   icons) are fetched from the network first, as without a worker, and kept in a cache; with no
 *   network the kept copy answers. Nothing is fetched ahead of time, so a page opens offline once
 *   it has been opened online (its lazy chunk is then in the cache).
 * - /api is never touched: every API call, file download and the KPI event stream go to the
 *   network as if there were no worker, and no API answer is ever cached here. (The check-in page
 *   keeps its roster and queue in IndexedDB itself.)
 * - Other origins and non-GET requests pass through.
 */
const CACHE = 'cp-shell-v1';
const INDEX = '/index.html';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('cp-shell-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.headers.get('accept')?.includes('text/event-stream')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, INDEX));
    return;
  }
  event.respondWith(networkFirst(request, url.pathname + url.search));
});

// The page sends what it loaded before this worker controlled it (the first visit's scripts and
// styles), so that they too are kept. Only the app's own files; /api is refused here as well.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(keep(data.urls));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const raw of urls.slice(0, 200)) {
    let url;
    try {
      url = new URL(raw, self.location.origin);
    } catch {
      continue;
    }
    if (url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) continue;
    const key = url.pathname === '/' ? INDEX : url.pathname + url.search;
    if (await cache.match(key)) continue;
    try {
      const response = await fetch(key === INDEX ? INDEX : url.href, { credentials: 'same-origin' });
      if (response.ok && response.type === 'basic') await cache.put(key, response);
    } catch {
      // offline meanwhile: kept on a later visit
    }
  }
}

/** The network's answer (a good one is kept under `key`); with no network, the kept copy. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}
