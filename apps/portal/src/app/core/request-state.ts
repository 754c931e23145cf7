import { signal, type WritableSignal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

/**
 * The state of a page (or form) that sends one request at a time: `busy` while one runs, `errors`
 * to show when it failed. `run` wraps each request: it sets both, and turns a failure into lines
 * with `errorsOf` (which may also put field messages on the form).
 */
export class RequestState {
  readonly busy = signal(false);
  readonly errors = signal<string[]>([]);

  constructor(private readonly errorsOf: (error: unknown) => string[]) {}

  async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.errors.set([]);
    try {
      await task();
    } catch (error: unknown) {
      this.errors.set(this.errorsOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/**
 * Sends a form's request once: when the form is invalid its faults are shown instead, and while
 * `busy` a second press does nothing.
 */
export async function submitForm(
  form: AbstractControl,
  busy: WritableSignal<boolean>,
  task: () => Promise<void>,
): Promise<void> {
  if (form.invalid || busy()) {
    form.markAllAsTouched();
    return;
  }
  busy.set(true);
  try {
    await task();
  } finally {
    busy.set(false);
  }
}
