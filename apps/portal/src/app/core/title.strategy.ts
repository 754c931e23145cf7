import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { type Observable, Subject, catchError, forkJoin, map, of, switchMap } from 'rxjs';

/** Feature scopes whose files hold their own route titles (`events.titles.list` lives in events/{lang}.json). */
const SCOPES = new Set(['events', 'exams', 'members', 'settings', 'suggestions']);

/**
 * Route titles are translation keys; the document title follows the language at once, without a
 * reload: on a switch the new language's root file and the title's feature scope are loaded before
 * the title is set (the page's own pipes may load the scope later, or never emit for the title).
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private key: string | undefined;
  private readonly refresh = new Subject<void>();

  constructor() {
    super();
    this.transloco.langChanges$.subscribe(() => this.refresh.next());
    this.refresh.pipe(switchMap(() => this.loaded())).subscribe(() => this.apply());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key = this.buildTitle(snapshot);
    this.refresh.next();
  }

  /** The active language's root file and the title's scope, loaded (errors only mean fallbacks). */
  private loaded(): Observable<void> {
    const lang = this.transloco.getActiveLang();
    const scope = this.key?.split('.')[0];
    const files = [lang, ...(scope && SCOPES.has(scope) ? [`${scope}/${lang}`] : [])];
    return forkJoin(files.map((file) => this.transloco.load(file).pipe(catchError(() => of(null))))).pipe(
      map(() => undefined),
    );
  }

  private apply(): void {
    const app = this.transloco.translate('app.title');
    this.title.setTitle(this.key ? `${this.transloco.translate(this.key)} | ${app}` : app);
  }
}
