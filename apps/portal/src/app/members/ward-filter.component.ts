import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { WARDS } from '@chamber/contracts';
import type { Ward } from '@chamber/contracts';
import { LanguageService } from '../core/language.service';
import { wardLabel } from './member-labels';

/** The ward filter of the members lists: every ward of Sagamihara, or all ('' ). */
@Component({
  selector: 'cp-ward-filter',
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // the field lays out as a field of the page's .cp-filters row
  styles: ':host { display: contents; }',
  template: `
    <mat-form-field>
      <mat-label>{{ 'members.fields.ward' | transloco }}</mat-label>
      <mat-select [value]="value()" (selectionChange)="changed.emit($event.value)">
        <mat-option value="">{{ 'members.list.all' | transloco }}</mat-option>
        @for (w of wards; track w) {
          <mat-option [value]="w">{{ name(w) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class WardFilterComponent {
  private readonly language = inject(LanguageService);
  readonly value = input<Ward | ''>('');
  readonly changed = output<Ward | ''>();
  protected readonly wards = WARDS;

  protected name(w: Ward): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }
}
