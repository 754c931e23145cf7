import type { ConsultationKind, LocalizedText, MemberStatus, Ward } from '@chamber/contracts';
import { CONSULTATION_KIND_LABELS, WARD_LABELS } from '@chamber/contracts';

/** Labels that live in the contracts (shared with the CSV export), picked by language. */
export function wardLabel(ward: Ward | null, pick: (t: LocalizedText) => string): string {
  return ward ? pick(WARD_LABELS[ward]) : '—';
}

export function kindLabel(kind: ConsultationKind, pick: (t: LocalizedText) => string): string {
  return pick(CONSULTATION_KIND_LABELS[kind]);
}

export const statusKey = (status: MemberStatus) => `members.status.${status}`;
