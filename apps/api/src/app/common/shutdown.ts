import { Injectable } from '@nestjs/common';
import { Observable, ReplaySubject } from 'rxjs';

/**
 * Raised once when the process starts to stop (SIGTERM/SIGINT, see main.ts): answers that would
 * stay open for ever (Server-Sent Events) end on it, so the HTTP server can drain and close. The
 * portal's EventSource reconnects by itself, to the next instance.
 */
@Injectable()
export class Shutdown {
  private readonly signal = new ReplaySubject<void>(1);
  /** emits once, late subscribers included, when stopping begins */
  readonly stopping$: Observable<void> = this.signal.asObservable();
  private begun = false;

  begin(): void {
    if (this.begun) return;
    this.begun = true;
    this.signal.next();
    this.signal.complete();
  }

  get stopping(): boolean {
    return this.begun;
  }
}
