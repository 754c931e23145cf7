import type { KpiStatus } from '@chamber/contracts';

/** Status colours for SVG fills (CSS variables do not reach chart attributes); the same as styles.scss. */
export const STATUS_COLORS: Record<KpiStatus, string> = {
  met: '#1b7f3b',
  on_track: '#0a62c9',
  behind: '#c2410c',
  not_started: '#9ca3af',
  no_target: '#7c5aa6',
};
