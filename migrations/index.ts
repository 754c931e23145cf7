// Every migration, in order. Listed explicitly so that the API bundle carries them.
// New ones: npm run migration:generate -- Name, then add the class here (keep the order).
import { Foundation1795696449104 } from './1795696449104-foundation';
import { MailOutbox1795697554475 } from './1795697554475-mail-outbox';
import { SuggestionBox1795697799962 } from './1795697799962-suggestion-box';
import { ExamsCatalogue1795697880762 } from './1795697880762-exams-catalogue';
import { Members1795697881240 } from './1795697881240-members';
import { EventsRegistrations1795698082754 } from './1795698082754-events-registrations';
import { Reminders1795700851666 } from './1795700851666-reminders';
import { RateLimitCounter1795706647520 } from './1795706647520-rate-limit-counter';
import { RegistrationFunctionMailIntents1796279822497 } from './1796279822497-registration-function-mail-intents';
import { ActivityReadPorts1796282245549 } from './1796282245549-activity-read-ports';
import { ChamberProfile1796284695976 } from './1796284695976-chamber-profile';
import { Calendars1796284705675 } from './1796284705675-calendars';
import { AccountSessions1796306223265 } from './1796306223265-account-sessions';
import { AnonymousSuggestions1796307433484 } from './1796307433484-anonymous-suggestions';
import { MailRelatedIndex1796310000000 } from './1796310000000-mail-related-index';
import { IdempotencyRequestHash1796311105271 } from './1796311105271-idempotency-request-hash';
import { ReportNarratives1796313000000 } from './1796313000000-report-narratives';
import { AuditEntity1796320100000 } from './1796320100000-audit-entity';
import { CheckInSync1796320200000 } from './1796320200000-check-in-sync';
import { MailTemplates1796320300000 } from './1796320300000-mail-templates';
import { Webhooks1796321100000 } from './1796321100000-webhooks';
import { ApiTokens1796321200000 } from './1796321200000-api-tokens';

export const MIGRATIONS = [
  Foundation1795696449104,
  MailOutbox1795697554475,
  SuggestionBox1795697799962,
  ExamsCatalogue1795697880762,
  Members1795697881240,
  EventsRegistrations1795698082754,
  Reminders1795700851666,
  RateLimitCounter1795706647520,
  RegistrationFunctionMailIntents1796279822497,
  ActivityReadPorts1796282245549,
  ChamberProfile1796284695976,
  Calendars1796284705675,
  AccountSessions1796306223265,
  AnonymousSuggestions1796307433484,
  MailRelatedIndex1796310000000,
  IdempotencyRequestHash1796311105271,
  ReportNarratives1796313000000,
  AuditEntity1796320100000,
  CheckInSync1796320200000,
  MailTemplates1796320300000,
  Webhooks1796321100000,
  ApiTokens1796321200000,
];
