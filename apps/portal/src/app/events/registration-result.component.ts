import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RegisteredParticipant } from './registration-form.component';
import { RegistrationStatusComponent } from './registration-status.component';

/** What the registration did, participant by participant: registered, or waitlisted at position N. */
@Component({
  selector: 'cp-registration-result',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, RegistrationStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="result" role="status" data-testid="registration-result">
      <h3>{{ 'events.result.title' | transloco }}</h3>
      <p class="summary">
        {{ 'events.result.summary' | transloco: { registered: registeredCount(), waitlisted: waitlistedCount() } }}
      </p>
      <ul class="people">
        @for (p of participants(); track $index) {
          <li [attr.data-status]="p.result.status">
            <span class="who">
              <span class="name">{{ p.name }}</span>
              <span class="cp-muted kana">{{ p.nameKana }}</span>
            </span>
            <span class="cp-muted email">{{ p.email }}</span>
            <cp-registration-status [status]="p.result.status" [position]="p.result.waitlistPosition" />
          </li>
        }
      </ul>
      @if (waitlistedCount() > 0) {
        <p class="cp-muted note">{{ 'events.result.waitlistNote' | transloco }}</p>
      }
      <div class="actions">
        <a mat-stroked-button routerLink="/events/mine">{{ 'events.mine.title' | transloco }}</a>
        <button mat-button type="button" (click)="again.emit()" data-testid="register-again">
          {{ 'events.result.again' | transloco }}
        </button>
      </div>
    </div>
  `,
  styles: `
    .result {
      padding: 16px;
      border-radius: 12px;
      background: #f1f8f3;
      border: 1px solid #b7dcc2;
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .summary {
      margin: 0 0 8px;
    }
    .people {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .people li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
      gap: 8px;
      align-items: center;
      padding: 6px 0;
      border-top: 1px solid #d6eadc;
    }
    .who {
      display: flex;
      flex-direction: column;
    }
    .kana,
    .email {
      font: var(--mat-sys-body-small);
      word-break: break-all;
    }
    .note {
      margin: 8px 0 0;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 12px;
      flex-wrap: wrap;
    }
    @media (max-width: 600px) {
      .people li {
        grid-template-columns: 1fr auto;
      }
      .email {
        grid-column: 1;
        grid-row: 2;
      }
    }
  `,
})
export class RegistrationResultComponent {
  readonly participants = input.required<RegisteredParticipant[]>();
  readonly again = output();
  protected readonly registeredCount = computed(
    () => this.participants().filter((p) => p.result.status === 'registered').length,
  );
  protected readonly waitlistedCount = computed(
    () => this.participants().filter((p) => p.result.status === 'waitlisted').length,
  );
}
