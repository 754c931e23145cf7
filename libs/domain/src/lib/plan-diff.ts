/**
 * What changed from one plan to the next (a continued plan edited for its new period): action
 * items and KPIs matched by code, compared by what a board reads — titles, divisions, labels,
 * kinds, units and targets. Pure: the portal shows it beside the editor, tests pin it.
 */

export interface DiffText {
  ja: string;
  en: string;
}

export interface DiffKpi {
  code: string;
  label: DiffText;
  kind: string;
  unit: string;
  target: number | null;
}

export interface DiffItem {
  code: string;
  title: DiffText;
  division: string;
  kpis: readonly DiffKpi[];
}

export type PlanChange =
  | { type: 'item_added'; itemCode: string; title: DiffText }
  | { type: 'item_removed'; itemCode: string; title: DiffText }
  | { type: 'item_retitled'; itemCode: string; before: DiffText; after: DiffText }
  | { type: 'item_division'; itemCode: string; before: string; after: string }
  | { type: 'kpi_added'; itemCode: string; kpiCode: string; label: DiffText; target: number | null }
  | { type: 'kpi_removed'; itemCode: string; kpiCode: string; label: DiffText }
  | { type: 'kpi_relabelled'; itemCode: string; kpiCode: string; before: DiffText; after: DiffText }
  | { type: 'kpi_kind'; itemCode: string; kpiCode: string; before: string; after: string }
  | { type: 'kpi_unit'; itemCode: string; kpiCode: string; before: string; after: string }
  | { type: 'kpi_target'; itemCode: string; kpiCode: string; before: number | null; after: number | null };

export type PlanChangeType = PlanChange['type'];

const sameText = (a: DiffText, b: DiffText) => a.ja === b.ja && a.en === b.en;

/** Two targets are the same when both are absent or they agree to a millionth (targets may be fractions). */
function sameTarget(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-6;
}

/**
 * The changes from `previous` to `next`, in the order of the next plan (what was removed comes
 * after what it followed in the previous one). A KPI that moved to another item counts as removed
 * from the one and added to the other.
 */
export function diffPlans(previous: readonly DiffItem[], next: readonly DiffItem[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const before = new Map(previous.map((i) => [i.code, i]));
  const after = new Map(next.map((i) => [i.code, i]));

  for (const item of next) {
    const old = before.get(item.code);
    if (!old) {
      changes.push({ type: 'item_added', itemCode: item.code, title: item.title });
      for (const k of item.kpis)
        changes.push({ type: 'kpi_added', itemCode: item.code, kpiCode: k.code, label: k.label, target: k.target });
      continue;
    }
    if (!sameText(old.title, item.title))
      changes.push({ type: 'item_retitled', itemCode: item.code, before: old.title, after: item.title });
    if (old.division !== item.division)
      changes.push({ type: 'item_division', itemCode: item.code, before: old.division, after: item.division });
    changes.push(...diffKpis(item.code, old.kpis, item.kpis));
  }
  for (const old of previous) {
    if (after.has(old.code)) continue;
    changes.push({ type: 'item_removed', itemCode: old.code, title: old.title });
    for (const k of old.kpis)
      changes.push({ type: 'kpi_removed', itemCode: old.code, kpiCode: k.code, label: k.label });
  }
  return changes;
}

function diffKpis(itemCode: string, previous: readonly DiffKpi[], next: readonly DiffKpi[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const before = new Map(previous.map((k) => [k.code, k]));
  const kept = new Set(next.map((k) => k.code));
  for (const k of next) {
    const old = before.get(k.code);
    if (!old) {
      changes.push({ type: 'kpi_added', itemCode, kpiCode: k.code, label: k.label, target: k.target });
      continue;
    }
    const kpiCode = k.code;
    if (!sameText(old.label, k.label))
      changes.push({ type: 'kpi_relabelled', itemCode, kpiCode, before: old.label, after: k.label });
    if (old.kind !== k.kind) changes.push({ type: 'kpi_kind', itemCode, kpiCode, before: old.kind, after: k.kind });
    if (old.unit !== k.unit) changes.push({ type: 'kpi_unit', itemCode, kpiCode, before: old.unit, after: k.unit });
    if (!sameTarget(old.target, k.target))
      changes.push({ type: 'kpi_target', itemCode, kpiCode, before: old.target, after: k.target });
  }
  for (const old of previous)
    if (!kept.has(old.code)) changes.push({ type: 'kpi_removed', itemCode, kpiCode: old.code, label: old.label });
  return changes;
}

/** How many changes of each type: the headline of the list. */
export function countChanges(changes: readonly PlanChange[]): Partial<Record<PlanChangeType, number>> {
  const counts: Partial<Record<PlanChangeType, number>> = {};
  for (const c of changes) counts[c.type] = (counts[c.type] ?? 0) + 1;
  return counts;
}
