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
