/**
 * The portal as an installable app that opens with no network: registers the service worker
 * (apps/portal/src/sw.js; production builds only) and hands it the files this page loaded before
 * the worker controlled it, so that the next visit can open offline.
 */
export function registerOfflineShell(enabled: boolean): void {
  if (!enabled || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(
    () => keepLoadedFiles(),
    (error: unknown) => console.warn('service worker', error),
  );
}

/** Asks the worker to keep the page (index.html) and every same-origin file loaded so far. */
export function keepLoadedFiles(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => {
    const urls = [
      '/',
      ...performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.startsWith(location.origin)),
    ];
    registration.active?.postMessage({ type: 'keep', urls });
  });
}

/** The IndexedDB of the offline check-in page (events/check-in-store.ts). */
export const CHECK_IN_DB = 'chamber-check-in';

/**
 * On signing out: the rosters (names of participants) and the answers kept for the check-in page
 * leave the device. The queue stays: those check-ins were made and still have to reach the server
 * at the next sign-in.
 */
export function forgetOfflineRosters(): void {
  if (typeof indexedDB === 'undefined') return;
  const req = indexedDB.open(CHECK_IN_DB);
  req.onsuccess = () => {
    const db = req.result;
    const stores = ['rosters', 'results'].filter((s) => db.objectStoreNames.contains(s));
    if (!stores.length) {
      db.close();
      return;
    }
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) tx.objectStore(s).clear();
    tx.oncomplete = () => db.close();
    tx.onerror = () => db.close();
  };
}
