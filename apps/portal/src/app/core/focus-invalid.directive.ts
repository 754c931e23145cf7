import { DestroyRef, Directive, ElementRef, inject } from '@angular/core';
import { FormGroupDirective } from '@angular/forms';
import { Subscription, merge, timer } from 'rxjs';
import { filter, take } from 'rxjs/operators';

const FOCUSABLE = 'input:not([type="hidden"]), textarea, select, [tabindex]:not([tabindex="-1"]), button';

/**
 * After a refused submit, focus goes to the first field at fault (WCAG 3.3.1): at once when the form
 * itself refuses, or when the API's answer marks a field (a control's `server` error) before the user
 * types again. Applies to every `form[formGroup]` of a component that imports it.
 */
@Directive({
  selector: 'form[formGroup]',
  host: { '(submit)': 'submitted()' },
})
export class FocusInvalidDirective {
  private readonly form = inject(FormGroupDirective);
  private readonly host = inject<ElementRef<HTMLFormElement>>(ElementRef);
  private waiting: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.waiting?.unsubscribe());
  }

  protected submitted(): void {
    this.waiting?.unsubscribe();
    this.waiting = null;
    // the component's (ngSubmit) handler runs first: let it mark the fields, then look
    setTimeout(() => {
      if (this.form.invalid) {
        this.focusFirstInvalid();
        return;
      }
      const group = this.form.control;
      // the API may refuse a field: focus it when that answer arrives, unless the user types first
      this.waiting = group.statusChanges
        .pipe(
          filter((status) => status === 'INVALID'),
          take(1),
        )
        .subscribe(() => setTimeout(() => this.focusFirstInvalid()));
      const stop = merge(group.valueChanges, timer(60_000))
        .pipe(take(1))
        .subscribe(() => this.waiting?.unsubscribe());
      this.waiting.add(stop);
    });
  }

  /** Focuses the first invalid control (its inner input for Material widgets); true when it did. */
  focusFirstInvalid(): boolean {
    // the first invalid element holding no other: a control (groups and arrays hold their invalid controls;
    // a `[formControl]` binding leaves no attribute to select by)
    const field = Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('.ng-invalid')).find(
      (el) => el.querySelector('.ng-invalid') === null,
    );
    if (!field) return false;
    const target = field.matches(FOCUSABLE) ? field : (field.querySelector<HTMLElement>(FOCUSABLE) ?? field);
    target.focus();
    return document.activeElement === target;
  }
}
