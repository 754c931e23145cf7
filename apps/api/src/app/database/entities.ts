import { AuditEntry } from '../audit/audit-entry.entity';
import { UserAccount } from '../auth/entities/user-account.entity';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { OutboxMail } from '../mail/outbox-mail.entity';
import { Member } from '../members/entities/member.entity';
import { ActionItem } from '../plan/entities/action-item.entity';
import { KpiCounter } from '../plan/entities/kpi-counter.entity';
import { KpiLedgerEntry } from '../plan/entities/kpi-ledger-entry.entity';
import { Kpi } from '../plan/entities/kpi.entity';
import { Pillar } from '../plan/entities/pillar.entity';
import { Plan } from '../plan/entities/plan.entity';
import { Theme } from '../plan/entities/theme.entity';
import { SuggestionAuthor } from '../suggestions/entities/suggestion-author.entity';
import { Suggestion } from '../suggestions/entities/suggestion.entity';

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
  UserAccount,
  AuditEntry,
  IdempotencyKey,
  OutboxMail,
  Suggestion,
  SuggestionAuthor,
];
