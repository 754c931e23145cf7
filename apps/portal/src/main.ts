import { isDevMode } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { registerOfflineShell } from './app/core/offline-shell';

bootstrapApplication(AppComponent, appConfig)
  .then(() => registerOfflineShell(!isDevMode()))
  .catch((err: unknown) => console.error(err));
