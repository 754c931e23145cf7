export * from './lib/fiscal-year';
export * from './lib/kpi-attainment';
export * from './lib/corporate-number';
export * from './lib/kana';
export * from './lib/waitlist';
export * from './lib/suggestion-stats';
