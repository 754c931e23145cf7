import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';

export type CsvEncoding = 'utf8' | 'sjis';

/** A list's CSV download: a button opening a menu of the two encodings (UTF-8, Shift_JIS for Excel). */
@Component({
  selector: 'cp-csv-menu',
  imports: [MatButtonModule, MatMenuModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="exportMenu" [attr.data-testid]="testId()">
      {{ label() }}
    </button>
    <mat-menu #exportMenu="matMenu">
      <a mat-menu-item [href]="url()('utf8')" download [attr.data-testid]="utf8TestId()">{{ utf8Label() }}</a>
      <a mat-menu-item [href]="url()('sjis')" download>{{ sjisLabel() }}</a>
    </mat-menu>
  `,
})
export class CsvMenuComponent {
  readonly label = input.required<string>();
  readonly utf8Label = input.required<string>();
  readonly sjisLabel = input.required<string>();
  /** the download address of the list as filtered now */
  readonly url = input.required<(encoding: CsvEncoding) => string>();
  readonly testId = input.required<string>();
  readonly utf8TestId = input<string | null>(null);
}
