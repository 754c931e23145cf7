import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from './auth.service';
import { DisplayPrefsService } from './display-prefs.service';
import { LanguageToggleComponent } from './language-toggle.component';

/** The signed-in frame: toolbar with navigation, language switch and the user menu. */
@Component({
  selector: 'cp-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatSlideToggleModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    LanguageToggleComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar class="bar">
      <a class="brand" routerLink="/">
        <span class="logo" aria-hidden="true">商</span>
        <span class="brand-text">
          <span class="brand-name">{{ 'app.title' | transloco }}</span>
          <span class="brand-sub">{{ 'app.subtitle' | transloco }}</span>
        </span>
      </a>

      @if (auth.signedIn()) {
        <nav class="nav" [attr.aria-label]="'nav.label' | transloco">
          @if (auth.isChamber()) {
            <a
              mat-button
              routerLink="/dashboard"
              routerLinkActive="active"
              data-testid="nav-dashboard"
              [attr.aria-label]="'nav.dashboard' | transloco"
            >
              <mat-icon svgIcon="dashboard" />
              <span class="nav-text">{{ 'nav.dashboard' | transloco }}</span>
            </a>
          }
          <a
            mat-button
            [routerLink]="auth.isChamber() ? '/members' : '/members/mine'"
            routerLinkActive="active"
            data-testid="nav-members"
            [attr.aria-label]="(auth.isChamber() ? 'nav.members' : 'nav.ourCompany') | transloco"
          >
            <mat-icon svgIcon="home" />
            <span class="nav-text">{{ (auth.isChamber() ? 'nav.members' : 'nav.ourCompany') | transloco }}</span>
          </a>
          <a
            mat-button
            routerLink="/events"
            routerLinkActive="active"
            data-testid="nav-events"
            [attr.aria-label]="'nav.events' | transloco"
          >
            <mat-icon svgIcon="calendar" />
            <span class="nav-text">{{ 'nav.events' | transloco }}</span>
          </a>
          <a
            mat-button
            routerLink="/plan"
            routerLinkActive="active"
            data-testid="nav-plan"
            [attr.aria-label]="'nav.plan' | transloco"
          >
            <mat-icon svgIcon="plan" />
            <span class="nav-text">{{ 'nav.plan' | transloco }}</span>
          </a>
          <a
            mat-button
            routerLink="/suggestions"
            routerLinkActive="active"
            data-testid="nav-suggestions"
            [attr.aria-label]="'nav.suggestions' | transloco"
          >
            <mat-icon svgIcon="edit" />
            <span class="nav-text">{{ 'nav.suggestions' | transloco }}</span>
          </a>
        </nav>
      }
      <!-- the exam calendar is public: its link shows signed in or not -->
      <nav class="nav" [attr.aria-label]="'nav.exams' | transloco">
        <a
          mat-button
          routerLink="/exams"
          routerLinkActive="active"
          data-testid="nav-exams"
          [attr.aria-label]="'nav.exams' | transloco"
        >
          <mat-icon svgIcon="exam" />
          <span class="nav-text">{{ 'nav.exams' | transloco }}</span>
        </a>
      </nav>

      <span class="cp-spacer"></span>
      <cp-language-toggle class="lang" />

      @if (auth.user(); as user) {
        <button
          mat-icon-button
          class="account"
          [matMenuTriggerFor]="accountMenu"
          [attr.aria-label]="'account.menu' | transloco"
          data-testid="account-menu"
        >
          <mat-icon svgIcon="account" />
        </button>
        <mat-menu #accountMenu="matMenu" xPosition="before" class="cp-account-menu">
          <div class="who" (click)="$event.stopPropagation()" role="presentation">
            <div class="email">{{ user.displayName || user.email }}</div>
            <div class="cp-muted">{{ 'role.' + user.role | transloco }}</div>
            <div class="cp-muted today">{{ prefs.formatDate(now) }}</div>
          </div>
          <mat-divider />
          <div class="option" (click)="$event.stopPropagation()" role="presentation">
            <mat-slide-toggle
              [checked]="prefs.wareki()"
              (change)="prefs.setWareki($event.checked)"
              data-testid="wareki-toggle"
            >
              {{ 'account.wareki' | transloco }}
            </mat-slide-toggle>
          </div>
          <mat-divider />
          <button mat-menu-item (click)="signOut()" data-testid="sign-out">
            <mat-icon svgIcon="logout" />
            <span>{{ 'account.signOut' | transloco }}</span>
          </button>
        </mat-menu>
      } @else {
        <a mat-stroked-button routerLink="/login" class="sign-in">{{ 'login.submit' | transloco }}</a>
      }
    </mat-toolbar>

    <main class="content">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .bar {
      position: sticky;
      top: 0;
      z-index: 10;
      gap: 8px;
      background: var(--mat-sys-surface);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 0 16px;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      color: inherit;
      text-decoration: none;
      margin-right: 16px;
      min-width: 0;
    }
    .logo {
      display: grid;
      place-items: center;
      width: 34px;
      height: 34px;
      flex: none;
      border-radius: 9px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 700;
      font-size: 19px;
    }
    .brand-text {
      display: flex;
      flex-direction: column;
      line-height: 1.2;
    }
    .brand-name {
      font: var(--mat-sys-title-medium);
      font-weight: 700;
    }
    .brand-sub {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .nav {
      display: flex;
      gap: 4px;
    }
    .nav a.active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .nav mat-icon {
      margin-right: 4px;
    }
    .content {
      flex: 1 1 auto;
    }
    .who {
      padding: 12px 16px;
      min-width: 220px;
    }
    .email {
      font: var(--mat-sys-title-small);
      word-break: break-all;
    }
    .today {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
    .option {
      padding: 12px 16px;
    }
    @media (max-width: 840px) {
      .brand-sub {
        display: none;
      }
    }
    @media (max-width: 640px) {
      .bar {
        padding: 0 8px;
        gap: 4px;
      }
      .brand {
        margin-right: 4px;
      }
      .brand-text {
        display: none;
      }
      .nav-text {
        display: none;
      }
      .nav mat-icon {
        margin-right: 0;
      }
      .nav a {
        min-width: 40px;
        padding: 0 8px;
      }
    }
  `,
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  protected readonly prefs = inject(DisplayPrefsService);
  protected readonly now = new Date();

  protected signOut(): void {
    void this.auth.logout();
  }
}
