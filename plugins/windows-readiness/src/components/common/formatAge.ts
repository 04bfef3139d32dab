const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/**
 * How long ago an instant was, in words: "just now", "5 minutes ago",
 * "3 hours ago", "2 days ago". `now` is explicit so that output is reproducible.
 */
export function formatAge(
  then: string | Date | undefined,
  now: Date | number,
): string {
  if (then === undefined) return 'at an unknown time';
  const at = typeof then === 'string' ? Date.parse(then) : then.getTime();
  if (Number.isNaN(at)) return 'at an unknown time';
  const ms = (typeof now === 'number' ? now : now.getTime()) - at;
  // A little clock skew between browser and backend is not "in the future".
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return plural(Math.floor(ms / HOUR), 'hour');
  if (ms < 60 * DAY) return plural(Math.floor(ms / DAY), 'day');
  if (ms < 365 * DAY) return plural(Math.floor(ms / (30 * DAY)), 'month');
  return plural(Math.floor(ms / (365 * DAY)), 'year');
}

/** "Collected 5 minutes ago", or "Never collected" without an instant. */
export function formatCollected(
  collectedAt: string | undefined,
  now: Date | number,
): string {
  return collectedAt
    ? `Collected ${formatAge(collectedAt, now)}`
    : 'Never collected';
}
