import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'cp-not-found-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page not-found">
      <p class="code">404</p>
      <h1>{{ 'notFound.title' | transloco }}</h1>
      <p class="cp-muted">{{ 'notFound.body' | transloco }}</p>
      <a mat-flat-button routerLink="/">{{ 'notFound.home' | transloco }}</a>
    </section>
  `,
  styles: `
    .not-found {
      text-align: center;
      padding-top: 72px;
    }
    .code {
      font: var(--mat-sys-display-large);
      color: var(--mat-sys-primary);
      margin: 0;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class NotFoundPage {}
