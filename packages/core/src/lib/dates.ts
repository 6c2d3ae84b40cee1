/** NumericDates (seconds since 1970) in messages, safe for hostile values. */

/** An ISO date for a NumericDate; a value outside the Date range is shown as the number it is. */
export function isoOfSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? `${seconds} (seconds since 1970)` : d.toISOString();
}
