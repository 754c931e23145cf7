import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../core/auth.service';

/** The staff pages of the members feature, as tabs. */
@Component({
  selector: 'cp-members-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'members.tabs.label' | transloco" class="tabs">
      <a
        mat-tab-link
        routerLink="/members"
        [routerLinkActiveOptions]="{ exact: true }"
        routerLinkActive
        #list="routerLinkActive"
        [active]="list.isActive"
        data-testid="members-tab-list"
        >{{ 'members.tabs.list' | transloco }}</a
      >
      <a
        mat-tab-link
        routerLink="/members/consultations"
        routerLinkActive
        #log="routerLinkActive"
        [active]="log.isActive"
        data-testid="members-tab-log"
        >{{ 'members.tabs.log' | transloco }}</a
      >
      <a
        mat-tab-link
        routerLink="/members/inactive"
        routerLinkActive
        #inactive="routerLinkActive"
        [active]="inactive.isActive"
        data-testid="members-tab-inactive"
        >{{ 'members.tabs.inactive' | transloco }}</a
      >
      @if (auth.canEnterFigures()) {
        <a
          mat-tab-link
          routerLink="/members/import"
          routerLinkActive
          #imp="routerLinkActive"
          [active]="imp.isActive"
          data-testid="members-tab-import"
          >{{ 'members.tabs.import' | transloco }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel />
  `,
  styles: `
    .tabs {
      margin-bottom: 16px;
    }
  `,
})
export class MembersTabsComponent {
  protected readonly auth = inject(AuthService);
}
