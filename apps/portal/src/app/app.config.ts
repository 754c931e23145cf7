import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideEnvironmentInitializer,
  provideZoneChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { TranslocoService, provideTransloco } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { appRoutes } from './app.routes';
import { apiInterceptor } from './core/api.interceptor';
import { AppUpdates } from './core/app-updates';
import { AuthService } from './core/auth.service';
import { registerIcons } from './core/icons';
import { LanguageService } from './core/language.service';
import { TranslatedPaginatorIntl } from './core/paginator-intl';
import { TranslatedTitleStrategy } from './core/title.strategy';
import { TranslocoHttpLoader } from './core/transloco-loader';

/** Before the first render: the remembered language's strings and the session (from the cookie). */
async function startup(): Promise<void> {
  registerIcons();
  const lang = inject(LanguageService).init();
  const transloco = inject(TranslocoService);
  const auth = inject(AuthService);
  await Promise.all([
    firstValueFrom(transloco.load(lang)).catch((error: unknown) => console.error('translations', error)),
    auth.restore(),
  ]);
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // ngx-charts still schedules some of its work through NgZone, so the app keeps zone.js.
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([apiInterceptor])),
    provideAnimationsAsync(),
    provideTransloco({
      config: {
        availableLangs: ['ja', 'en'],
        defaultLang: 'ja',
        fallbackLang: 'ja',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslocoHttpLoader,
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
    provideAppInitializer(startup),
    // the installable app that opens offline: Angular's worker (ngsw-config.json) in built portals
    // only. Registered at once: the dashboard's event stream keeps the app from ever being stable.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerImmediately' }),
    provideEnvironmentInitializer(() => inject(AppUpdates).start()),
  ],
};
