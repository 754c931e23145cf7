import type { KpiStatus } from '@chamber/contracts';
import { TOKYO_TIME_ZONE, tokyoAt } from '@chamber/domain';

/** How the report names a KPI's status in Japanese (the dashboard's words). */
export const STATUS_JA: Record<KpiStatus, string> = {
  met: '達成',
  on_track: '順調',
  behind: '遅れ',
  not_started: '未着手',
  no_target: '目標なし',
};

/**
 * A fiscal year in 和暦 as reports write it: 令和2年度. FY2019 began on 1 April 2019 under 平成 but is
 * called 令和元年度, as the government names it: the era is the one in force from 1 May (the day 令和
 * began), which gives the right era for every fiscal year since 1989 (平成元年度 began 8 January).
 */
export function japaneseFiscalYear(fiscalYear: number): string {
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    timeZone: TOKYO_TIME_ZONE,
  }).formatToParts(tokyoAt(`${fiscalYear}-05-01`, '12:00'));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? String(fiscalYear);
  return `${era}${year === '1' ? '元' : year}年度`;
}

/** 令和2年度（FY2020） */
export function fiscalYearTitle(fiscalYear: number): string {
  return `${japaneseFiscalYear(fiscalYear)}（FY${fiscalYear}）`;
}
