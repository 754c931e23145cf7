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
