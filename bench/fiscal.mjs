// The fiscal year of an instant in Asia/Tokyo (UTC+9, April start), for the benchmark scripts.
export function currentFiscalYearOf(d) {
  const t = new Date(d.getTime() + 9 * 3600 * 1000);
  return t.getUTCMonth() >= 3 ? t.getUTCFullYear() : t.getUTCFullYear() - 1;
}
