import type { LocalizedText } from './common';

export const KPI_KINDS = [
  'cumulative',
  'per_fiscal_year',
  'ratio',
  'growth_vs_baseline',
  'level',
  'milestone',
] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

export const KPI_STATUSES = ['met', 'on_track', 'behind', 'not_started', 'no_target'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface PlanSummary {
  id: string;
  name: LocalizedText;
  startFiscalYear: number;
  endFiscalYear: number;
  continuedFromId: string | null;
}

export interface ContinuePlanRequest {
  startFiscalYear: number;
  endFiscalYear?: number;
}

export interface KpiDefinition {
  id: string;
  code: string;
  label: LocalizedText;
  kind: KpiKind;
  target: number | null;
  unit: string;
  measureNote: LocalizedText;
}

export interface ActionItemView {
  code: string;
  title: LocalizedText;
  /** the responsible division as written in the source (Japanese) */
  division: string;
  divisionLabel: LocalizedText;
  plan2019: LocalizedText;
  plan2020: LocalizedText | null;
  target2021: LocalizedText;
  kpis: KpiDefinition[];
}

/** PATCH /api/plans/:id/items/:code: an action item's title or division (both languages). */
export interface UpdateActionItemRequest {
  title?: LocalizedText;
  division?: LocalizedText;
}

/** The answer of PATCH /api/plans/:id/items/:code. */
export interface ActionItemEdit {
  code: string;
  title: LocalizedText;
  division: string;
  divisionLabel: LocalizedText;
}

export interface ThemeView {
  code: string;
  name: LocalizedText;
  actionItems: ActionItemView[];
}

export interface PillarView {
  code: string;
  name: LocalizedText;
  themes: ThemeView[];
}

export interface PlanView extends PlanSummary {
  fiscalYear: number;
  pillars: PillarView[];
}

export interface KpiReading {
  id: string;
  code: string;
  actionItemCode: string;
  pillarCode: string;
  division: string;
  label: LocalizedText;
  kind: KpiKind;
  target: number | null;
  unit: string;
  fiscalYear: number;
  value: number | null;
  numerator: number;
  denominator: number | null;
  attainment: number | null;
  status: KpiStatus;
  /** for milestones: the status the value stands for */
  milestone?: MilestoneStatus;
}

/** The `kpi` event of GET /api/kpis/stream. */
export interface KpiEvent {
  kpiId: string;
  code: string;
  actionItemCode: string;
  fiscalYear: number;
  value: number | null;
  attainment: number | null;
  status: KpiStatus;
  numerator: number;
  denominator: number | null;
}

export interface ManualEntryRequest {
  fiscalYear: number;
  /** add to the figure */
  delta?: number;
  /** set the figure (a number, or a milestone status) */
  value?: number | MilestoneStatus;
  /** ratio KPIs: which side of the ratio the entry is for (default numerator) */
  part?: 'numerator' | 'denominator';
  note: string;
}

export interface ManualEntryResponse {
  id: string;
  kpiId: string;
  fiscalYear: number;
  actionItemCode: string;
  measure: string;
  delta: number;
  note: string;
  authorId: string;
  createdAt: string;
  kpi: KpiReading;
}

/** A raw counter of GET /api/kpis/counters, with the sum of its ledger rows (always equal). */
export interface KpiCounterView {
  actionItemCode: string;
  measure: string;
  fiscalYear: number;
  value: number;
  ledgerSum: number;
}
