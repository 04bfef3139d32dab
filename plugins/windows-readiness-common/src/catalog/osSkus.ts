import { DEFAULT_OS_SKUS, OsSkuInfo } from './osSkus.data';

export { DEFAULT_OS_SKUS } from './osSkus.data';
export type { OsSkuInfo } from './osSkus.data';

/** OS SKU table keyed by the exact `osSKU` string. */
export type OsSkuTable = ReadonlyMap<string, OsSkuInfo>;

/** A correction or addition from config or the CLI, matched by `osSku`. */
export type OsSkuOverride = Partial<OsSkuInfo> & { osSku: string };

/** The source recorded for a figure an override sets without naming one. */
export const UNSOURCED_OVERRIDE = 'configuration override (no source given)';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KUBERNETES_MINOR = /^(\d{1,4})\.(\d{1,4})$/;
const KUBERNETES_VERSION = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

// The figures an override may set; anything else is a typo in config.
const FIGURES: ReadonlySet<string> = new Set([
  'osType',
  'build',
  'baseImageTag',
  'successor',
  'retirementDate',
  'imageDeletionDate',
  'minKubernetesVersion',
  'maxKubernetesVersion',
]);

// Figures that only make sense for Windows: a new SKU that carries one
// without an osType is a Windows SKU whose osType was forgotten.
const WINDOWS_ONLY_FIELDS = ['build', 'baseImageTag', 'successor'] as const;

/** Epoch milliseconds of an ISO calendar date at 00:00 UTC, or NaN. */
function parseIsoDate(isoDate: unknown): number {
  const match = typeof isoDate === 'string' ? ISO_DATE.exec(isoDate) : null;
  if (!match) {
    return NaN;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March; only a real date round-trips.
  const date = new Date(time);
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return roundTrips ? time : NaN;
}

function parseMinor(value: unknown): [number, number] | undefined {
  const match = typeof value === 'string' ? KUBERNETES_MINOR.exec(value) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function compareMinor(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function validate(sku: OsSkuInfo): void {
  const fail = (field: string, problem: string) => {
    throw new Error(`OS SKU "${sku.osSku}": ${field} ${problem}`);
  };
  if (sku.osType !== 'Windows' && sku.osType !== 'Linux') {
    fail('osType', `must be Windows or Linux, got ${String(sku.osType)}`);
  }
  if (
    sku.build !== undefined &&
    !(Number.isInteger(sku.build) && sku.build > 0 && sku.build <= 0xffff)
  ) {
    fail('build', `must be a Windows build number, got ${String(sku.build)}`);
  }
  for (const field of ['retirementDate', 'imageDeletionDate'] as const) {
    if (sku[field] !== undefined && Number.isNaN(parseIsoDate(sku[field]))) {
      fail(field, `must be an ISO date (YYYY-MM-DD), got ${sku[field]}`);
    }
  }
  const min = parseMinor(sku.minKubernetesVersion);
  const max = parseMinor(sku.maxKubernetesVersion);
  for (const [field, parsed] of [
    ['minKubernetesVersion', min],
    ['maxKubernetesVersion', max],
  ] as const) {
    if (sku[field] !== undefined && !parsed) {
      fail(field, `must be a Kubernetes minor like 1.32, got ${sku[field]}`);
    }
  }
  if (min && max && compareMinor(min, max) > 0) {
    fail('minKubernetesVersion', 'is above maxKubernetesVersion');
  }
}

function merge(base: OsSkuInfo | undefined, override: OsSkuOverride) {
  const merged: OsSkuInfo = base
    ? { ...base, sources: { ...base.sources } }
    : { osSku: override.osSku, osType: 'Linux', sources: {} };
  if (!base && override.osType === undefined) {
    merged.sources.osType = 'ARM default when osType is omitted';
    const windowsField = WINDOWS_ONLY_FIELDS.find(
      f => override[f] !== undefined,
    );
    if (windowsField) {
      throw new Error(
        `OS SKU "${override.osSku}" is new and sets ${windowsField}: give its osType`,
      );
    }
  }
  const figures = merged as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(override)) {
    if (field === 'osSku' || field === 'sources' || value === undefined) {
      continue;
    }
    if (!FIGURES.has(field)) {
      throw new Error(`OS SKU "${override.osSku}": unknown field ${field}`);
    }
    figures[field] = value;
    merged.sources[field] = override.sources?.[field] ?? UNSOURCED_OVERRIDE;
  }
  // A source may be corrected without touching its figure.
  Object.assign(merged.sources, override.sources);
  return merged;
}

/**
 * The built-in OS SKU table with overrides applied field by field. An
 * override for an unknown `osSku` adds a SKU; without `osType` it is Linux
 * (the ARM default), so a new Windows SKU must give `osType: Windows`.
 * Throws on a figure that is not well formed, naming the SKU and field.
 */
export function buildOsSkuTable(
  overrides: ReadonlyArray<OsSkuOverride> = [],
): OsSkuTable {
  const table = new Map<string, OsSkuInfo>(
    DEFAULT_OS_SKUS.map(sku => [
      sku.osSku,
      { ...sku, sources: { ...sku.sources } },
    ]),
  );
  for (const override of overrides) {
    if (typeof override?.osSku !== 'string' || override.osSku.trim() === '') {
      throw new Error('OS SKU override without an osSku');
    }
    const merged = merge(table.get(override.osSku), override);
    validate(merged);
    table.set(merged.osSku, merged);
  }
  return table;
}

/**
 * Looks a pool's osSKU up, exactly or else ignoring case, since hand-written
 * fleet files and CLI output do not always keep the ARM casing.
 */
export function findOsSku(
  table: OsSkuTable,
  osSku: string,
): OsSkuInfo | undefined {
  const exact = table.get(osSku);
  if (exact) {
    return exact;
  }
  const wanted = osSku.toLowerCase();
  return [...table.values()].find(sku => sku.osSku.toLowerCase() === wanted);
}

/**
 * Whether a pool of this SKU may run the given Kubernetes version
 * (`1.33`, `1.33.2` or `v1.33.2`), comparing minors inclusively. Undefined
 * when the version, or a limit of the SKU, cannot be read.
 */
export function isKubernetesVersionAllowed(
  sku: OsSkuInfo,
  kubernetesVersion: string,
): boolean | undefined {
  const match =
    typeof kubernetesVersion === 'string'
      ? KUBERNETES_VERSION.exec(kubernetesVersion)
      : null;
  if (!match) {
    return undefined;
  }
  const version: [number, number] = [Number(match[1]), Number(match[2])];
  const min = parseMinor(sku.minKubernetesVersion);
  const max = parseMinor(sku.maxKubernetesVersion);
  if (
    (sku.minKubernetesVersion !== undefined && !min) ||
    (sku.maxKubernetesVersion !== undefined && !max)
  ) {
    return undefined;
  }
  return (
    (!min || compareMinor(version, min) >= 0) &&
    (!max || compareMinor(version, max) <= 0)
  );
}

/**
 * Whole days from the UTC calendar day of `asOf` to `isoDate` (YYYY-MM-DD):
 * 0 on the day itself, negative once it has passed, NaN for a junk date.
 */
export function daysUntil(isoDate: string, asOf: Date): number {
  const target = parseIsoDate(isoDate);
  const from = asOf.getTime();
  if (Number.isNaN(target) || Number.isNaN(from)) {
    return NaN;
  }
  const today = Date.UTC(
    asOf.getUTCFullYear(),
    asOf.getUTCMonth(),
    asOf.getUTCDate(),
  );
  return Math.round((target - today) / MS_PER_DAY);
}
