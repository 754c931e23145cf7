import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { TranslocoPipe } from '@jsverse/transloco';
import { ChamberService } from './chamber.service';

/**
 * 個人情報の取扱い: how a public form's personal data is used, with the consent box the form
 * requires (a Validators.requiredTrue control). Names the chamber and its contact from GET /api/chamber.
 */
@Component({
  selector: 'cp-privacy-consent',
  imports: [ReactiveFormsModule, MatCheckboxModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="privacy" data-testid="privacy-notice" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">{{ 'privacy.heading' | transloco }}</h3>
      <p>{{ 'privacy.controller' | transloco: { chamber: chamberName() } }}</p>
      <ul>
        <li>{{ 'privacy.purpose' | transloco: { purpose: (purposeKey() | transloco) } }}</li>
        <li>{{ 'privacy.thirdParty' | transloco }}</li>
        <li>{{ 'privacy.retention' | transloco }}</li>
        <li>{{ 'privacy.rights' | transloco }}</li>
      </ul>
      @if (contact(); as c) {
        <p class="contact" data-testid="privacy-contact">{{ 'privacy.contact' | transloco: { contact: c } }}</p>
      }
      <mat-checkbox [formControl]="control()" data-testid="privacy-consent" [required]="true">
        {{ 'privacy.consent' | transloco }}
      </mat-checkbox>
      @if (invalid()) {
        <p class="error" role="alert" data-testid="privacy-consent-error">{{ 'privacy.required' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .privacy {
      padding: 12px 14px;
      border-radius: 10px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-small);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 6px;
    }
    p,
    ul {
      margin: 0 0 6px;
    }
    ul {
      padding-left: 20px;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 2px 0 0;
    }
  `,
})
export class PrivacyConsentComponent implements OnInit {
  private readonly chamber = inject(ChamberService);
  private readonly destroyRef = inject(DestroyRef);

  /** the form's consent control (false until ticked; required true) */
  readonly control = input.required<FormControl<boolean>>();
  /** what this form's data is for: a translation key (`privacy.purposes.event`) */
  readonly purposeKey = input('privacy.purposes.event');

  protected readonly chamberName = computed(() => this.chamber.name() || '—');
  protected readonly contact = computed(() => {
    const p = this.chamber.profile();
    return p ? [p.phone, p.email].filter(Boolean).join(' / ') : '';
  });
  /** shown once the form was submitted (touched) without the box ticked */
  protected readonly invalid = signal(false);

  ngOnInit(): void {
    void this.chamber.load();
    const control = this.control();
    // value, status and touched changes (a refused submit marks every control touched)
    control.events.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.invalid.set(control.invalid && control.touched);
    });
  }
}
