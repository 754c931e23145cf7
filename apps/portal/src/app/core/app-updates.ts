import { DestroyRef, Injectable, inject } from '@angular/core';
import { NavigationStart, Router } from '@angular/router';
import { SwUpdate } from '@angular/service-worker';
import { filter } from 'rxjs';

/** How often an open portal asks the server whether a new build is out (also when shown again). */
const CHECK_EVERY_MS = 15 * 60_000;

/**
 * A new build after a deploy: Angular's service worker (ngsw-worker.js) fetches it in the
 * background and says VERSION_READY. The page is not reloaded under the user's hands (a staff
 * member may be mid-check-in, a form half filled); the next move to another page of the portal
 * loads that page afresh instead, on the new build. A worker that lost its files (unrecoverable)
 * reloads at once.
 */
@Injectable({ providedIn: 'root' })
export class AppUpdates {
  private readonly updates = inject(SwUpdate);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private stale = false;

  start(): void {
    if (!this.updates.isEnabled) return;
    const ready = this.updates.versionUpdates
      .pipe(filter((event) => event.type === 'VERSION_READY'))
      .subscribe(() => (this.stale = true));
    const broken = this.updates.unrecoverable.subscribe(() => document.location.reload());
    const moves = this.router.events
      .pipe(filter((event): event is NavigationStart => event instanceof NavigationStart))
      .subscribe((event) => {
        if (!this.stale) return;
        // a full load of the address asked for: the worker hands it the new build
        this.stale = false;
        document.location.assign(event.url);
      });
    const check = () => void this.updates.checkForUpdate().catch(() => undefined);
    const timer = setInterval(check, CHECK_EVERY_MS);
    const onShown = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onShown);
    this.destroyRef.onDestroy(() => {
      ready.unsubscribe();
      broken.unsubscribe();
      moves.unsubscribe();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShown);
    });
  }
}
