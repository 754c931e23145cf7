import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MemberActivity, MemberDetail, Ward } from '@chamber/contracts';
import { tokyoDate } from '@chamber/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { MemberActivityComponent } from './member-activity.component';
import { statusKey, wardLabel } from './member-labels';
import { MemberLogComponent } from './member-log.component';
import { MemberPeopleComponent } from './member-people.component';
import { MembersDataService } from './members-data.service';
import { readableError } from '../core/http';

/**
 * A company on one page: profile, people and portal accounts, and for the chamber its consultations,
 * visits, registrations and attendance, exam applications and signed suggestions.
 */
@Component({
  selector: 'cp-member-detail-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    MemberActivityComponent,
    MemberLogComponent,
    MemberPeopleComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="cp-page">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (error(); as e) {
        <p class="cp-error-list" role="alert">{{ e }}</p>
      }
      @if (member(); as m) {
        <header class="cp-page-header">
          <div>
            @if (auth.isChamber()) {
              <a routerLink="/members" class="back">{{ 'members.detail.back' | transloco }}</a>
            }
            <h1 data-testid="member-name">{{ m.name }}</h1>
            <p class="cp-subtitle">
              {{ m.nameKana }}
              <span class="chip" [class]="m.status">{{ statusKey(m.status) | transloco }}</span>
              @if (m.founder) {
                <span class="chip">{{ 'members.fields.founder' | transloco }}</span>
              }
            </p>
          </div>
          <div class="actions">
            @if (canEdit()) {
              <a mat-stroked-button [routerLink]="['/members', m.id, 'edit']" data-testid="member-edit">
                <mat-icon svgIcon="edit" />
                {{ 'members.detail.edit' | transloco }}
              </a>
            }
            @if (auth.canEnterFigures() && m.status !== 'left') {
              <button mat-stroked-button type="button" (click)="leaving.set(!leaving())" data-testid="member-leave">
                {{ 'members.detail.recordLeaving' | transloco }}
              </button>
            }
          </div>
        </header>

        @if (leaving()) {
          <form class="card leave" (ngSubmit)="recordLeaving()" data-testid="leave-form">
            <mat-form-field>
              <mat-label>{{ 'members.fields.leftOn' | transloco }}</mat-label>
              <input matInput type="date" name="leftOn" [(ngModel)]="leftOn" required />
              @if (leaveError()) {
                <mat-hint class="field-error">{{ leaveError() }}</mat-hint>
              }
            </mat-form-field>
            <p class="cp-muted">{{ 'members.detail.leavingHint' | transloco }}</p>
            <div class="actions">
              <button mat-button type="button" (click)="leaving.set(false)">{{ 'common.cancel' | transloco }}</button>
              <button mat-flat-button type="submit">{{ 'members.detail.confirmLeaving' | transloco }}</button>
            </div>
          </form>
        }

        <section class="card" data-testid="member-profile">
          <h2>{{ 'members.detail.profile' | transloco }}</h2>
          <dl class="facts">
            <dt>{{ 'members.fields.corporateNumber' | transloco }}</dt>
            <dd>{{ m.corporateNumber ?? '—' }}</dd>
            <dt>{{ 'members.fields.representative' | transloco }}</dt>
            <dd>
              {{ m.representative || '—' }}
              @if (m.representativeKana) {
                <span class="cp-muted">({{ m.representativeKana }})</span>
              }
            </dd>
            <dt>{{ 'members.fields.address' | transloco }}</dt>
            <dd>
              @if (m.postalCode) {
                〒{{ m.postalCode }}
              }
              {{ m.address || '—' }}
            </dd>
            <dt>{{ 'members.fields.ward' | transloco }}</dt>
            <dd>{{ ward(m.ward) }}</dd>
            <dt>{{ 'members.fields.industry' | transloco }}</dt>
            <dd>{{ m.industry || '—' }}</dd>
            <dt>{{ 'members.fields.employees' | transloco }}</dt>
            <dd>{{ m.employees ?? '—' }}</dd>
            <dt>{{ 'members.fields.phone' | transloco }}</dt>
            <dd>{{ m.phone || '—' }}</dd>
            <dt>{{ 'members.fields.email' | transloco }}</dt>
            <dd>{{ m.email || '—' }}</dd>
            <dt>{{ 'members.fields.website' | transloco }}</dt>
            <dd>{{ m.website || '—' }}</dd>
            <dt>{{ 'members.fields.joinedOn' | transloco }}</dt>
            <dd>{{ m.joinedOn ? prefs.formatDate(m.joinedOn) : '—' }}</dd>
            @if (m.leftOn) {
              <dt>{{ 'members.fields.leftOn' | transloco }}</dt>
              <dd>{{ prefs.formatDate(m.leftOn) }}</dd>
            }
            @if (auth.isChamber() && m.notes) {
              <dt>{{ 'members.fields.notes' | transloco }}</dt>
              <dd class="notes">{{ m.notes }}</dd>
            }
          </dl>
        </section>

        <cp-member-people [member]="m" [canEdit]="canEdit()" (changed)="reload()" />

        @if (auth.isChamber()) {
          @if (activity(); as a) {
            <cp-member-log
              [memberId]="m.id"
              [consultations]="a.consultations"
              [visits]="a.visits"
              [canWrite]="auth.canEnterFigures()"
              (changed)="reloadActivity()"
            />
            <cp-member-activity [activity]="a" />
          }
        }
      }
    </section>
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 4px;
      font: var(--mat-sys-label-large);
    }
    .cp-subtitle {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .leave {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .notes {
      white-space: pre-wrap;
    }
  `,
})
export class MemberDetailPage {
  /** the route's :id */
  readonly id = input.required<string>();

  private readonly data = inject(MembersDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly snack = inject(MatSnackBar);
  private readonly language = inject(LanguageService);
  protected readonly auth = inject(AuthService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly statusKey = statusKey;
  protected readonly member = signal<MemberDetail | null>(null);
  protected readonly activity = signal<MemberActivity | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly leaving = signal(false);
  protected readonly leaveError = signal<string | null>(null);
  protected leftOn = tokyoDate(new Date());

  protected readonly canEdit = computed(() => {
    const user = this.auth.user();
    if (!user) return false;
    if (this.auth.canEnterFigures()) return true;
    return user.role === 'member_admin' && user.memberId === this.id();
  });

  constructor() {
    effect(() => {
      const id = this.id();
      void this.load(id);
    });
  }

  protected ward(w: Ward | null): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }

  protected reload(): void {
    void this.load(this.id());
  }

  protected reloadActivity(): void {
    if (this.auth.isChamber())
      void firstValueFrom(this.data.activity(this.id())).then(
        (a) => this.activity.set(a),
        () => undefined,
      );
  }

  protected async recordLeaving(): Promise<void> {
    this.leaveError.set(null);
    try {
      await firstValueFrom(this.data.update(this.id(), { leftOn: this.leftOn }));
      this.leaving.set(false);
      this.snack.open(this.transloco.translate('members.detail.leftSaved'), undefined, { duration: 3000 });
      this.reload();
    } catch (error: unknown) {
      const r = readableError(error, ['leftOn'], this.transloco.translate('members.errors.save'));
      this.leaveError.set(r.fields['leftOn'] ?? r.general.join(' '));
    }
  }

  private async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [m, a] = await Promise.all([
        firstValueFrom(this.data.get(id)),
        this.auth.isChamber() ? firstValueFrom(this.data.activity(id)) : Promise.resolve(null),
      ]);
      this.member.set(m);
      this.activity.set(a);
    } catch (error: unknown) {
      this.error.set(readableError(error, [], this.transloco.translate('members.errors.load')).general.join(' '));
    } finally {
      this.loading.set(false);
    }
  }
}
