import { inject, signal, type Signal, type WritableSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { PageEvent } from '@angular/material/paginator';
import { ActivatedRoute, Router, type Params } from '@angular/router';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
  tap,
  type Observable,
} from 'rxjs';

/** What a paged list asks for: its filters, and the page (from 1) and its size. */
export interface PagedQuery {
  page: number;
  pageSize: number;
}

/** One page of rows and how many there are in all. */
export interface PageOf<T> {
  items: T[];
  total: number;
}

export interface PagedListOptions<Q extends PagedQuery, P extends PageOf<unknown>> {
  /** the first query (e.g. read from the URL with `queryParamsOf`) */
  initial: Q;
  fetch: (query: Q) => Observable<P>;
  /** wait this long after a change (typing in a filter) before asking; none when 0 */
  debounceMs?: number;
  /** the URL's query parameters for a query (null drops one): filters and page stay in the URL */
  urlParams?: (query: Q) => Params;
}

/**
 * The state of a paged list page (in a field initialiser: it injects): the query, `loading` while a
 * page is asked for, and `result` (null before the first answer, 'error' when it failed). A new
 * query cancels the one in flight; the same query twice asks once.
 */
export class PagedList<Q extends PagedQuery, P extends PageOf<unknown>> {
  readonly query: WritableSignal<Q>;
  readonly loading = signal(false);
  readonly result: Signal<P | 'error' | null>;

  constructor(options: PagedListOptions<Q, P>) {
    const router = options.urlParams ? inject(Router) : null;
    const route = options.urlParams ? inject(ActivatedRoute) : null;
    this.query = signal(options.initial);
    const debounce = options.debounceMs ?? 0;
    const queries = toObservable(this.query);
    this.result = toSignal(
      (debounce > 0 ? queries.pipe(debounceTime(debounce)) : queries).pipe(
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap((q) => {
          this.loading.set(true);
          if (router && route && options.urlParams)
            void router.navigate([], { relativeTo: route, queryParams: options.urlParams(q), replaceUrl: true });
        }),
        switchMap((q) =>
          options.fetch(q).pipe(
            map((page): P | 'error' => page),
            catchError(() => of('error' as const)),
          ),
        ),
        tap(() => this.loading.set(false)),
        startWith(null),
      ),
      { initialValue: null },
    );
  }

  /** Changes some filters (a filter change also sets `page: 1` where the caller says so). */
  patch(change: Partial<Q>): void {
    this.query.update((q) => ({ ...q, ...change }));
  }

  /** The Material paginator's move. */
  onPage(event: PageEvent): void {
    this.patch({ page: event.pageIndex + 1, pageSize: event.pageSize } as Partial<Q>);
  }
}
