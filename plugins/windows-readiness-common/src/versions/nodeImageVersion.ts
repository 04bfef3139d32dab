/**
 * An AKS node image version (`agentPool.properties.nodeImageVersion`, also the
 * `kubernetes.azure.com/node-image-version` label), parsed.
 *
 * Windows: `AKSWindows-<sku>[-containerd][-gen2]-<build>.<UBR>.<YYMMDD>`.
 * Linux: `AKS<distro>-<YYYYMM>.<DD>.<N>`,
 * e.g. `AKSUbuntu-2204gen2containerd-202407.03.0`.
 */
export type NodeImageVersion =
  | {
      os: 'windows';
      /** The Windows flavour as AKS names it: `2019`, `23H2`, `2025`... */
      sku: string;
      containerd: boolean;
      gen2: boolean;
      /** Host Windows build, e.g. 20348. */
      build: number;
      /** Host UBR (revision), e.g. 2582. */
      revision: number;
      /** YYMMDD exactly as in the string. */
      imageDate: string;
      raw: string;
    }
  | {
      os: 'linux';
      /** Between `AKS` and the date, e.g. `Ubuntu-2204gen2containerd`. */
      distro: string;
      /** YYYYMM.DD exactly as in the string. */
      imageDate: string;
      /** The trailing release counter (N) of that day. */
      sequence: number;
      raw: string;
    };

const WINDOWS_PREFIX = 'AKSWindows-';
// Parsed from the right because the SKU part varies; see the facts doc 4.5.
const WINDOWS_TAIL = /-(\d{5})\.(\d{1,9})\.(\d{6})$/;
const WINDOWS_SKU = /^[0-9A-Za-z]+$/;
const LINUX =
  /^AKS([A-Za-z][0-9A-Za-z]*(?:-[0-9A-Za-z]+)*)-(\d{6})\.(\d{2})\.(\d{1,9})$/;
// Longer than any real version; bounds the work done on hostile input.
const MAX_LENGTH = 200;

function isMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function parseWindows(raw: string): NodeImageVersion | undefined {
  const tail = WINDOWS_TAIL.exec(raw);
  if (!tail) {
    return undefined;
  }
  const [, build, revision, imageDate] = tail;
  const month = Number(imageDate.slice(2, 4));
  const day = Number(imageDate.slice(4, 6));
  if (!isMonthDay(month, day)) {
    return undefined;
  }

  // What lies between the prefix and the build: `<sku>[-containerd][-gen2]`.
  const [sku, ...flags] = raw
    .slice(WINDOWS_PREFIX.length, tail.index)
    .split('-');
  if (!WINDOWS_SKU.test(sku)) {
    return undefined;
  }
  const known = ['containerd', 'gen2'];
  // Each flag at most once and in the documented order; anything else is a
  // layout this parser does not know, so it refuses rather than guesses.
  const order = flags.map(flag => known.indexOf(flag));
  if (order.some((at, i) => at < 0 || (i > 0 && at <= order[i - 1]))) {
    return undefined;
  }

  return {
    os: 'windows',
    sku,
    containerd: flags.includes('containerd'),
    gen2: flags.includes('gen2'),
    build: Number(build),
    revision: Number(revision),
    imageDate,
    raw,
  };
}

function parseLinux(raw: string): NodeImageVersion | undefined {
  const match = LINUX.exec(raw);
  if (!match) {
    return undefined;
  }
  const [, distro, yearMonth, day, sequence] = match;
  if (!isMonthDay(Number(yearMonth.slice(4, 6)), Number(day))) {
    return undefined;
  }
  return {
    os: 'linux',
    distro,
    imageDate: `${yearMonth}.${day}`,
    sequence: Number(sequence),
    raw,
  };
}

/**
 * Parses an AKS node image version. Returns undefined for anything that does
 * not follow either layout; never throws.
 */
export function parseNodeImageVersion(
  value: unknown,
): NodeImageVersion | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) {
    return undefined;
  }
  // A Windows image in any other layout must not pass as a Linux distro.
  if (value.startsWith('AKSWindows')) {
    return value.startsWith(WINDOWS_PREFIX) ? parseWindows(value) : undefined;
  }
  return parseLinux(value);
}
