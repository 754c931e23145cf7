import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../core/auth.service';

/** The box's frame: its title and a tab per page the role may open. */
@Component({
  selector: 'cp-suggestions-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <!-- staff run the box; members write to it: each is spoken to as who they are -->
          <h1 data-testid="suggestions-heading">
            {{ (auth.isChamber() ? 'suggestions.staffTitle' : 'suggestions.title') | transloco }}
          </h1>
          <p class="cp-subtitle" data-testid="suggestions-lead">
            {{ (auth.isChamber() ? 'suggestions.staffLead' : 'suggestions.lead') | transloco }}
          </p>
        </div>
      </header>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'suggestions.tabs.label' | transloco">
        @if (auth.isChamber()) {
          <a
            mat-tab-link
            routerLink="inbox"
            routerLinkActive
            #inbox="routerLinkActive"
            [active]="inbox.isActive"
            data-testid="tab-inbox"
          >
            {{ 'suggestions.tabs.inbox' | transloco }}
          </a>
        } @else {
          <a
            mat-tab-link
            routerLink="new"
            routerLinkActive
            #create="routerLinkActive"
            [active]="create.isActive"
            data-testid="tab-new"
          >
            {{ 'suggestions.tabs.new' | transloco }}
          </a>
          <a
            mat-tab-link
            routerLink="mine"
            routerLinkActive
            #mine="routerLinkActive"
            [active]="mine.isActive"
            data-testid="tab-mine"
          >
            {{ 'suggestions.tabs.mine' | transloco }}
          </a>
        }
        <a
          mat-tab-link
          routerLink="voices"
          routerLinkActive
          #voices="routerLinkActive"
          [active]="voices.isActive"
          data-testid="tab-voices"
        >
          {{ 'suggestions.tabs.voices' | transloco }}
        </a>
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet />
      </mat-tab-nav-panel>
    </section>
  `,
  styles: `
    .panel {
      display: block;
      padding-top: 20px;
    }
  `,
})
export class SuggestionsLayoutComponent {
  protected readonly auth = inject(AuthService);
}
