import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Language } from '@chamber/contracts';
import { LanguageService } from './language.service';

/** 日本語 / English switch; each label is written in its own language so anyone can find theirs. */
@Component({
  selector: 'cp-language-toggle',
  imports: [MatButtonToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      class="toggle"
      hideSingleSelectionIndicator
      [value]="language.lang()"
      (change)="select($event.value)"
      [attr.aria-label]="'language.label' | transloco"
    >
      <mat-button-toggle value="ja" lang="ja" data-testid="lang-ja">日本語</mat-button-toggle>
      <mat-button-toggle value="en" lang="en" data-testid="lang-en">English</mat-button-toggle>
    </mat-button-toggle-group>
  `,
  styles: `
    .toggle {
      --mat-button-toggle-height: 32px;
      --mat-standard-button-toggle-height: 32px;
      font-size: 13px;
      background: var(--mat-sys-surface);
    }
  `,
})
export class LanguageToggleComponent {
  protected readonly language = inject(LanguageService);

  protected select(value: Language): void {
    this.language.set(value);
  }
}
