import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Invitation, MemberDetail, MemberPerson } from '@chamber/contracts';
import { isKatakanaName } from '@chamber/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { askToConfirm } from '../core/confirm.dialog';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { MembersDataService } from './members-data.service';
import { readableError, setServerError, showReadableFields } from '../core/http';
import { ScrollRegionDirective } from '../core/scroll-region.directive';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

const PERSON_FIELDS = ['name', 'nameKana', 'email', 'phone', 'role', 'primary'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
const INVITE_FIELDS = ['email', 'name', 'role'] as const;

/** A company's people (contacts), its portal accounts, and invitations to the portal. */
@Component({
  selector: 'cp-member-people',
  imports: [
    FocusInvalidDirective,
    ScrollRegionDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="card" data-testid="member-people">
      <h2>
        {{ 'members.people.title' | transloco }}
        <span class="cp-spacer"></span>
        @if (canEdit() && !editing()) {
          <button mat-stroked-button type="button" (click)="startEdit(null)" data-testid="person-add">
            <mat-icon svgIcon="add" />
            {{ 'members.people.add' | transloco }}
          </button>
        }
      </h2>

      @if (editing()) {
        <form class="sub" [formGroup]="personForm" (ngSubmit)="savePerson()" novalidate data-testid="person-form">
          <div class="form-grid">
            @for (f of personText; track f) {
              <mat-form-field>
                <mat-label>{{ 'members.people.' + f | transloco }}</mat-label>
                <input matInput [formControlName]="f" [attr.data-testid]="'person-' + f" />
                <mat-error>{{ personError(f) }}</mat-error>
              </mat-form-field>
            }
            <mat-checkbox formControlName="primary">{{ 'members.people.primary' | transloco }}</mat-checkbox>
          </div>
          @for (m of personGeneral(); track $index) {
            <p class="field-error" role="alert">{{ m }}</p>
          }
          <div class="actions">
            <button mat-button type="button" (click)="editing.set(null)">{{ 'common.cancel' | transloco }}</button>
            <button mat-flat-button type="submit" data-testid="person-save">
              {{ 'members.form.save' | transloco }}
            </button>
          </div>
        </form>
      }

      <div class="table-wrap">
        <table class="table" data-testid="people-table">
          <thead>
            <tr>
              <th>{{ 'members.people.name' | transloco }}</th>
              <th>{{ 'members.people.role' | transloco }}</th>
              <th>{{ 'members.people.email' | transloco }}</th>
              <th>{{ 'members.people.phone' | transloco }}</th>
              @if (canEdit()) {
                <th></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (p of member().people; track p.id) {
              <tr>
                <td>
                  {{ p.name }}
                  @if (p.primary) {
                    <span class="chip">{{ 'members.people.primary' | transloco }}</span>
                  }
                  <span class="kana">{{ p.nameKana }}</span>
                </td>
                <td>{{ p.role }}</td>
                <td>{{ p.email }}</td>
                <td class="num">{{ p.phone }}</td>
                @if (canEdit()) {
                  <td class="row-actions">
                    <button
                      mat-icon-button
                      type="button"
                      (click)="startEdit(p)"
                      [attr.aria-label]="'members.people.edit' | transloco"
                    >
                      <mat-icon svgIcon="edit" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      (click)="remove(p)"
                      [attr.aria-label]="'members.people.remove' | transloco"
                    >
                      <mat-icon svgIcon="close" />
                    </button>
                  </td>
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="canEdit() ? 5 : 4" class="empty">{{ 'members.people.empty' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      @if (canEdit()) {
        <h3>{{ 'members.people.accounts' | transloco }}</h3>
        <ul class="accounts" data-testid="member-accounts">
          @for (a of member().accounts; track a.id) {
            <li>
              {{ a.displayName || a.email }}
              <span class="cp-muted">{{ a.email }} · {{ 'role.' + a.role | transloco }}</span>
            </li>
          } @empty {
            <li class="cp-muted">{{ 'members.people.noAccounts' | transloco }}</li>
          }
        </ul>

        <h3>{{ 'members.invite.title' | transloco }}</h3>
        <p class="cp-muted">{{ 'members.invite.lead' | transloco }}</p>
        <form class="invite" [formGroup]="inviteForm" (ngSubmit)="invite()" novalidate data-testid="invite-form">
          <mat-form-field>
            <mat-label>{{ 'members.invite.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="email" data-testid="invite-email" />
            <mat-error>{{ inviteErrors()['email'] ?? ('members.errors.email' | transloco) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'members.invite.name' | transloco }}</mat-label>
            <input matInput formControlName="name" />
          </mat-form-field>
          @if (auth.canEnterFigures()) {
            <mat-form-field>
              <mat-label>{{ 'members.invite.role' | transloco }}</mat-label>
              <mat-select formControlName="role">
                <mat-option value="member">{{ 'role.member' | transloco }}</mat-option>
                <mat-option value="member_admin">{{ 'role.member_admin' | transloco }}</mat-option>
              </mat-select>
            </mat-form-field>
          }
          <button mat-flat-button type="submit" [disabled]="inviting()" data-testid="invite-send">
            {{ 'members.invite.send' | transloco }}
          </button>
        </form>
        @for (m of inviteGeneral(); track $index) {
          <p class="field-error" role="alert">{{ m }}</p>
        }
        @if (invitations().length > 0) {
          <ul class="accounts" data-testid="invitations">
            @for (i of invitations(); track i.id) {
              <li>
                {{ i.email }}
                <span class="cp-muted">
                  @if (i.acceptedAt) {
                    {{ 'members.invite.accepted' | transloco }} {{ prefs.formatDate(i.acceptedAt) }}
                  } @else {
                    {{ 'members.invite.pendingUntil' | transloco: { date: prefs.formatDate(i.expiresAt) } }}
                  }
                </span>
                @if (!i.acceptedAt) {
                  <button mat-button type="button" (click)="revoke(i)">
                    {{ 'members.invite.revoke' | transloco }}
                  </button>
                }
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    .sub {
      margin-bottom: 16px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 20px 0 8px;
    }
    .accounts {
      margin: 0;
      padding-left: 20px;
    }
    .accounts li {
      padding: 2px 0;
    }
    .invite {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    .row-actions {
      white-space: nowrap;
      text-align: right;
    }
  `,
})
export class MemberPeopleComponent {
  readonly member = input.required<MemberDetail>();
  readonly canEdit = input(false);
  readonly changed = output<void>();

  private readonly data = inject(MembersDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly snack = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly auth = inject(AuthService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly personText = ['name', 'nameKana', 'role', 'email', 'phone'] as const;
  /** the person being edited; 'new' for a new one */
  protected readonly editing = signal<MemberPerson | 'new' | null>(null);
  protected readonly personErrors = signal<Partial<Record<PersonField, string>>>({});
  protected readonly personGeneral = signal<string[]>([]);
  protected readonly invitations = signal<Invitation[]>([]);
  protected readonly inviting = signal(false);
  protected readonly inviteErrors = signal<Partial<Record<string, string>>>({});
  protected readonly inviteGeneral = signal<string[]>([]);
  private readonly memberId = computed(() => this.member().id);

  protected readonly personForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    nameKana: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', Validators.email],
    phone: [''],
    role: [''],
    primary: [false],
  });

  protected readonly inviteForm = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    name: [''],
    role: this.fb.control<'member' | 'member_admin'>('member'),
  });

  constructor() {
    effect(() => {
      if (this.canEdit()) void this.loadInvitations(this.memberId());
    });
  }

  protected personError(field: PersonField): string {
    const server = this.personErrors()[field];
    if (server) return server;
    const c = this.personForm.controls[field];
    if (c.hasError('required')) return this.transloco.translate('members.errors.required');
    if (c.hasError('katakana')) return this.transloco.translate('members.errors.katakana');
    if (c.hasError('email')) return this.transloco.translate('members.errors.email');
    return '';
  }

  protected startEdit(person: MemberPerson | null): void {
    this.personErrors.set({});
    this.personGeneral.set([]);
    this.personForm.reset();
    if (person) this.personForm.patchValue(person);
    this.editing.set(person ?? 'new');
  }

  protected async savePerson(): Promise<void> {
    const kana = this.personForm.controls.nameKana;
    if (kana.value && !isKatakanaName(kana.value)) kana.setErrors({ katakana: true });
    if (this.personForm.invalid) {
      this.personForm.markAllAsTouched();
      return;
    }
    const v = this.personForm.getRawValue();
    const editing = this.editing();
    try {
      if (editing === 'new' || editing === null) await firstValueFrom(this.data.addPerson(this.memberId(), v));
      else await firstValueFrom(this.data.updatePerson(this.memberId(), editing.id, v));
      this.editing.set(null);
      this.changed.emit();
    } catch (error: unknown) {
      const r = readableError(error, PERSON_FIELDS, this.transloco.translate('members.errors.save'));
      this.personErrors.set(r.fields);
      showReadableFields(r.fields, (field) => this.personForm.controls[field as PersonField]);
      this.personGeneral.set(r.general);
    }
  }

  protected async remove(person: MemberPerson): Promise<void> {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const ok = await askToConfirm(
      this.dialog,
      {
        title: t('members.people.removeTitle'),
        message: t('members.people.confirmRemove', { name: person.name }),
        confirm: t('members.people.remove'),
        cancel: t('common.close'),
        danger: true,
      },
      this.injector,
    );
    if (!ok) return;
    try {
      await firstValueFrom(this.data.removePerson(this.memberId(), person.id));
      this.changed.emit();
    } catch {
      this.snack.open(this.transloco.translate('members.errors.save'), undefined, { duration: 4000 });
    }
  }

  protected async invite(): Promise<void> {
    this.inviteErrors.set({});
    this.inviteGeneral.set([]);
    if (this.inviteForm.invalid) {
      this.inviteForm.markAllAsTouched();
      return;
    }
    const v = this.inviteForm.getRawValue();
    this.inviting.set(true);
    try {
      await firstValueFrom(
        this.data.invite(this.memberId(), {
          email: v.email.trim(),
          name: v.name.trim() || undefined,
          ...(this.auth.canEnterFigures() ? { role: v.role } : {}),
        }),
      );
      this.inviteForm.reset({ email: '', name: '', role: 'member' });
      this.snack.open(this.transloco.translate('members.invite.sent'), undefined, { duration: 4000 });
      await this.loadInvitations(this.memberId());
    } catch (error: unknown) {
      const r = readableError(error, INVITE_FIELDS, this.transloco.translate('members.errors.save'));
      this.inviteErrors.set(r.fields);
      if (r.fields['email']) setServerError(this.inviteForm.controls.email, r.fields['email']);
      this.inviteGeneral.set(r.general);
    } finally {
      this.inviting.set(false);
    }
  }

  protected async revoke(invitation: Invitation): Promise<void> {
    try {
      await firstValueFrom(this.data.revokeInvitation(this.memberId(), invitation.id));
      await this.loadInvitations(this.memberId());
    } catch {
      this.snack.open(this.transloco.translate('members.errors.save'), undefined, { duration: 4000 });
    }
  }

  private async loadInvitations(memberId: string): Promise<void> {
    try {
      this.invitations.set(await firstValueFrom(this.data.invitations(memberId)));
    } catch {
      this.invitations.set([]);
    }
  }
}
