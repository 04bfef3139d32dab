/**
 * Timestamps relative to a fixed instant, never the clock, so that the fleet
 * does not change from one day to the next.
 */

// Fixed reference instant for timestamps: 2025-11-20T00:00:00Z.
export const EPOCH = Date.UTC(2025, 10, 20);

/** RFC 3339 without milliseconds, as the Kubernetes API writes times. */
export function iso(base: number, offsetSeconds: number): string {
  return new Date(base + offsetSeconds * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
}
