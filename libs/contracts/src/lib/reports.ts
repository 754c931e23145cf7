import type { LocalizedText } from './common';
import type { KpiKind, KpiReading, KpiStatus } from './plan';

/** One KPI as the annual report shows it: the same reading GET /api/kpis gives for that year. */
export interface AnnualReportKpi {
  id: string;
  code: string;
  label: LocalizedText;
  kind: KpiKind;
  unit: string;
  target: number | null;
  value: number | null;
  attainment: number | null;
  status: KpiStatus;
}

/** The year's activity behind an action item, read from the ledger's counters of that year. */
export interface AnnualReportActivity {
  eventsHeld: number;
  attendees: number;
  consultations: number;
  examinees: number;
}

/** Staff's words on an action item for a year (評価, 課題, 次年度の取組). */
export interface ReportNarrative {
  evaluation: string;
  issues: string;
  nextSteps: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface AnnualReportItem {
  code: string;
  title: LocalizedText;
  division: string;
  themeCode: string;
  kpis: AnnualReportKpi[];
  activity: AnnualReportActivity;
  narrative: ReportNarrative;
}

export interface AnnualReportPillar {
  code: string;
  name: LocalizedText;
  items: AnnualReportItem[];
}

/** GET /api/reports/annual?fiscalYear= */
export interface AnnualReport {
  fiscalYear: number;
  plan: { id: string; name: LocalizedText; startFiscalYear: number; endFiscalYear: number };
  summary: Record<KpiStatus, number>;
  pillars: AnnualReportPillar[];
}

/** PUT /api/reports/annual/:fiscalYear/items/:code/narrative */
export interface UpdateNarrativeRequest {
  evaluation?: string;
  issues?: string;
  nextSteps?: string;
}

/** GET /api/kpis/:id/history */
export interface KpiHistory {
  kpi: KpiReading;
  years: { fiscalYear: number; value: number | null; attainment: number | null }[];
  /** a linear projection to the plan's last year at the pace so far (null when nothing is recorded) */
  projection: {
    fiscalYear: number;
    value: number | null;
    attainment: number | null;
    willMeetTarget: boolean | null;
  };
}
