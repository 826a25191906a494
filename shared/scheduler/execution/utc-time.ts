/**
 * A UTC date as the contract writes it (docs/classic-scheduler.md#a3): `YYYY-MM-DDTHH:mm:ssZ`,
 * with seven fraction digits only when there is a sub-second part.
 */
export function utcTime(at: Date): string {
  const iso = at.toISOString();
  const ms = at.getUTCMilliseconds();
  return ms === 0 ? iso.replace(/\.\d{3}Z$/, 'Z') : iso.replace(/\.(\d{3})Z$/, '.$10000Z');
}
