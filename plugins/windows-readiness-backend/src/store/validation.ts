import { InputError } from '@backstage/errors';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import type { HistoryDimension } from './WindowsReadinessStore';

export const HISTORY_DIMENSIONS: readonly HistoryDimension[] = [
  'all',
  'owner',
  'cluster',
  'service',
  'unowned',
];

/** A non-empty string of at most `maxLength` characters (the column width). */
export function requireName(
  value: unknown,
  what: string,
  maxLength = 255,
): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new InputError(`${what} must be a non-empty string`);
  }
  if (value.includes('\u0000')) {
    throw new InputError(`${what} must not contain a NUL character`);
  }
  if (value.length > maxLength) {
    throw new InputError(
      `${what} is longer than ${maxLength} characters: ${value.slice(0, 80)}…`,
    );
  }
  return value;
}

export function requireClusterName(value: unknown, what: string): string {
  const name = requireName(value, what);
  if (name.includes(',')) {
    throw new InputError(`${what} must not contain a comma: ${name}`);
  }
  return name;
}

export function requireDate(value: unknown, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InputError(`${what} must be a valid Date`);
  }
  return value;
}

export function requireArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new InputError(`${what} must be an array`);
  }
  return value;
}

export function requireObject(
  value: unknown,
  what: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

export function requireStatus(value: unknown, what: string): ServiceStatus {
  if (!SERVICE_STATUSES.includes(value as ServiceStatus)) {
    throw new InputError(
      `${what} must be one of ${SERVICE_STATUSES.join(', ')}, got ${String(
        value,
      )}`,
    );
  }
  return value as ServiceStatus;
}

export function requireDimension(value: unknown): HistoryDimension {
  if (!HISTORY_DIMENSIONS.includes(value as HistoryDimension)) {
    throw new InputError(
      `history dimension must be one of ${HISTORY_DIMENSIONS.join(
        ', ',
      )}, got ${String(value)}`,
    );
  }
  return value as HistoryDimension;
}

/** A real calendar day written YYYY-MM-DD. */
export function requireDay(value: unknown, what: string): string {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(`${what} must be a day written YYYY-MM-DD`);
  }
  return value;
}

export function requireCount(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new InputError(`${what} must be a non-negative integer`);
  }
  return value as number;
}

export function optionalPaging(
  value: unknown,
  what: string,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  return requireCount(value, what);
}

export function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      return value;
    }
    seen.add(value);
  }
  return undefined;
}
