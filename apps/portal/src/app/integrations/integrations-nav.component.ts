import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The two integrations pages, side by side. */
@Component({
  selector: 'cp-integrations-nav',
  imports: [MatButtonModule, RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    nav {
      display: flex;
      gap: 8px;
      margin-bottom: 16px;
    }
    .active {
      font-weight: 600;
      text-decoration: underline;
    }
  `,
  template: `
    <nav [attr.aria-label]="'integrations.nav.label' | transloco">
      <a mat-button routerLink="/integrations/webhooks" routerLinkActive="active" data-testid="integrations-webhooks">
        {{ 'integrations.nav.webhooks' | transloco }}
      </a>
      <a mat-button routerLink="/integrations/api-tokens" routerLinkActive="active" data-testid="integrations-tokens">
        {{ 'integrations.nav.apiTokens' | transloco }}
      </a>
    </nav>
  `,
})
export class IntegrationsNavComponent {}
