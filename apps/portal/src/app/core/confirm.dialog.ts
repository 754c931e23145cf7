import { ChangeDetectionStrategy, Component, type Injector, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

export interface ConfirmData {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
}

/** "Are you sure?" with already translated strings; closes with true when confirmed. */
@Component({
  selector: 'cp-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="message">{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="confirm-no">{{ data.cancel }}</button>
      <button
        mat-flat-button
        type="button"
        [class.danger]="data.danger"
        [mat-dialog-close]="true"
        cdkFocusInitial
        data-testid="confirm-yes"
      >
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      white-space: pre-line;
      margin: 0;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}

/**
 * Asks in the portal's own dialog (the browser's confirm() has OK/Cancel in the browser's language,
 * not the portal's); true when confirmed. Pass the caller's injector when it provides a scope.
 */
export function askToConfirm(dialog: MatDialog, data: ConfirmData, injector?: Injector): Promise<boolean> {
  return firstValueFrom(
    dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector }).afterClosed(),
  ).then((ok) => ok === true);
}
