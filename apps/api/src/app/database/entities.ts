import { ApiToken } from '../api-tokens/api-token.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { PasswordReset } from '../auth/entities/password-reset.entity';
import { UserAccount } from '../auth/entities/user-account.entity';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { ChamberImage } from '../chamber/entities/chamber-image.entity';
import { ChamberProfileRow } from '../chamber/entities/chamber-profile.entity';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { CheckInSyncResult } from '../events/entities/check-in-sync-result.entity';
import { ChamberEvent } from '../events/entities/event.entity';
import { RegistrationOutcome } from '../events/entities/registration-outcome.entity';
import { Registration } from '../events/entities/registration.entity';
import { ExamApplication } from '../exams/entities/exam-application.entity';
import { ExamSitting } from '../exams/entities/exam-sitting.entity';
import { ExamType } from '../exams/entities/exam-type.entity';
import { OutboxMail } from '../mail/outbox-mail.entity';
import { MemberConsultation } from '../members/entities/member-consultation.entity';
import { MemberFiscalActivity } from '../members/entities/member-fiscal-activity.entity';
import { MemberImport } from '../members/entities/member-import.entity';
import { MemberInvitation } from '../members/entities/member-invitation.entity';
import { MemberPerson } from '../members/entities/member-person.entity';
import { MemberVisit } from '../members/entities/member-visit.entity';
import { Member } from '../members/entities/member.entity';
import { ReminderSent } from '../reminders/reminder-sent.entity';
import { ActionItem } from '../plan/entities/action-item.entity';
import { KpiCounter } from '../plan/entities/kpi-counter.entity';
import { KpiLedgerEntry } from '../plan/entities/kpi-ledger-entry.entity';
import { Kpi } from '../plan/entities/kpi.entity';
import { Pillar } from '../plan/entities/pillar.entity';
import { Plan } from '../plan/entities/plan.entity';
import { Theme } from '../plan/entities/theme.entity';
import { Suggestion } from '../suggestions/entities/suggestion.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';

/** Every entity, listed so that the bundle needs no glob and the schema-drift test sees them all. */
export const ENTITIES = [
  Plan,
  Pillar,
  Theme,
  ActionItem,
  Kpi,
  KpiLedgerEntry,
  KpiCounter,
  Member,
  MemberPerson,
  MemberConsultation,
  MemberVisit,
  MemberFiscalActivity,
  MemberInvitation,
  MemberImport,
  UserAccount,
  AuthSession,
  PasswordReset,
  AuditEntry,
  IdempotencyKey,
  OutboxMail,
  ReminderSent,
  ExamType,
  ExamSitting,
  ExamApplication,
  Suggestion,
  ChamberEvent,
  Registration,
  RegistrationOutcome,
  CheckInSyncResult,
  ChamberProfileRow,
  ChamberImage,
  CalendarFeed,
  WebhookEndpoint,
  WebhookDelivery,
  ApiToken,
];
