import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageToggleComponent } from '../core/language-toggle.component';

/** The frame of the pages anyone may open without an account (students, the public): small, phone first. */
@Component({
  selector: 'cp-public-shell',
  imports: [RouterLink, RouterOutlet, TranslocoPipe, LanguageToggleComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <a class="brand" routerLink="/public/events">
        <span class="logo" aria-hidden="true">商</span>
        <span class="name">{{ 'app.title' | transloco }}</span>
      </a>
      <cp-language-toggle />
    </header>
    <main class="main">
      <router-outlet />
    </main>
    <footer class="foot cp-muted">
      {{ 'events.public.footer' | transloco }}
      <a routerLink="/login">{{ 'events.public.staffLogin' | transloco }}</a>
    </footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      background: var(--mat-sys-surface-container-lowest);
    }
    .bar {
      position: sticky;
      top: 0;
      z-index: 5;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 8px 12px;
      background: var(--mat-sys-surface);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 8px;
      color: inherit;
      text-decoration: none;
      min-width: 0;
    }
    .logo {
      display: grid;
      place-items: center;
      width: 30px;
      height: 30px;
      flex: none;
      border-radius: 8px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 700;
    }
    .name {
      font: var(--mat-sys-title-small);
      font-weight: 700;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .main {
      flex: 1 1 auto;
      width: 100%;
      max-width: 640px;
      margin: 0 auto;
      padding: 16px 14px 32px;
    }
    .foot {
      padding: 16px;
      text-align: center;
      font: var(--mat-sys-body-small);
    }
    .foot a {
      margin-left: 8px;
    }
  `,
})
export class PublicShellComponent {}
