import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, Directive, input, TemplateRef } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PagedList, PagedQuery, PageOf } from './paged-list';

/** The rows of a `cp-paged-table`: `<ng-template cpPageRows let-page>`, with the page answered. */
@Directive({ selector: 'ng-template[cpPageRows]' })
export class PageRowsDirective {
  constructor(readonly template: TemplateRef<{ $implicit: unknown }>) {}
}

/**
 * A paged list's body: the loading bar, the load error (role alert), the page's rows (its total
 * line and table, from `cpPageRows`) and the Material paginator under them.
 */
@Component({
  selector: 'cp-paged-table',
  imports: [MatPaginatorModule, MatProgressBarModule, NgTemplateOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    @if (list().loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (list().result(); as r) {
      @if (r === 'error') {
        <p class="cp-error-list" role="alert">{{ errorKey() | transloco }}</p>
      } @else {
        @if (rows(); as rows) {
          <ng-container [ngTemplateOutlet]="rows.template" [ngTemplateOutletContext]="{ $implicit: r }" />
        }
        <mat-paginator
          [length]="r.total"
          [pageIndex]="list().query().page - 1"
          [pageSize]="list().query().pageSize"
          [pageSizeOptions]="pageSizeOptions()"
          (page)="list().onPage($event)"
        />
      }
    }
  `,
})
export class PagedTableComponent {
  readonly list = input.required<PagedList<PagedQuery, PageOf<unknown>>>();
  readonly pageSizeOptions = input<readonly number[]>([50, 100, 200]);
  /** the message when the page could not be loaded */
  readonly errorKey = input('common.loadError');
  protected readonly rows = contentChild(PageRowsDirective);
}
