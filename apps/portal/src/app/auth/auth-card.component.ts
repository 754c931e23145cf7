import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AUTH_CARD_STYLES } from './auth-card.styles';

/** The card of a small signed-out password page: its title, the page's content, the way back to sign-in. */
@Component({
  selector: 'cp-auth-card',
  imports: [MatCardModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <mat-card class="card" appearance="outlined">
        <mat-card-content>
          <h1>{{ heading() }}</h1>
          <ng-content />
          <p>
            <a routerLink="/login">{{ 'password.backToLogin' | transloco }}</a>
          </p>
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: AUTH_CARD_STYLES,
})
export class AuthCardComponent {
  readonly heading = input.required<string>();
}
