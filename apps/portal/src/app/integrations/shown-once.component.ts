import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

/** A secret the API shows once (a webhook's signing secret, an API token), with a copy button. */
@Component({
  selector: 'cp-shown-once',
  imports: [ClipboardModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../core/admin-cards.scss',
  template: `
    <div class="card secret" role="status" [attr.data-testid]="testId()">
      <h2>{{ heading() }}</h2>
      <p>{{ note() }}</p>
      <p>
        <code [attr.data-testid]="valueTestId()">{{ value() }}</code>
      </p>
      <div class="actions">
        <button mat-stroked-button type="button" [cdkCopyToClipboard]="value()" (cdkCopyToClipboardCopied)="copied()">
          {{ 'integrations.copy' | transloco }}
        </button>
        <button mat-flat-button type="button" (click)="done.emit()" [attr.data-testid]="doneTestId()">
          {{ 'integrations.done' | transloco }}
        </button>
      </div>
    </div>
  `,
})
export class ShownOnceComponent {
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  readonly heading = input.required<string>();
  readonly note = input.required<string>();
  readonly value = input.required<string>();
  readonly testId = input.required<string>();
  readonly valueTestId = input.required<string>();
  readonly doneTestId = input.required<string>();
  readonly done = output();

  protected copied(): void {
    this.snack.open(this.transloco.translate('integrations.copied'), undefined, { duration: 2000 });
  }
}
