/**
 * A Windows NT version as images (`os.version`), nodes (`kernelVersion`) and
 * the kubelet label (`node.kubernetes.io/windows-build`) report it:
 * `Major.Minor.Build[.Revision]`, where Revision is the UBR (patch level).
 */
export interface WindowsVersion {
  major: number;
  minor: number;
  build: number;
  revision?: number;
}

// The bounds of the fields the runtimes parse into (uint8, uint8, uint16) and
// of the UBR registry value (DWORD): anything wider is not a Windows version.
const MAX_MAJOR = 0xff;
const MAX_MINOR = 0xff;
const MAX_BUILD = 0xffff;
const MAX_REVISION = 0xffffffff;

// Digits only: no signs, spaces or suffixes. The length cap keeps values in
// the range where Number parsing is exact before the bounds are checked.
const PART = /^\d{1,10}$/;

function parseParts(
  value: unknown,
  minParts: number,
  maxParts: number,
): WindowsVersion | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const parts = value.split('.');
  if (parts.length < minParts || parts.length > maxParts) {
    return undefined;
  }
  if (!parts.every(part => PART.test(part))) {
    return undefined;
  }
  const [major, minor, build, revision] = parts.map(Number);
  if (major > MAX_MAJOR || minor > MAX_MINOR || build > MAX_BUILD) {
    return undefined;
  }
  if (revision === undefined) {
    return { major, minor, build };
  }
  if (revision > MAX_REVISION) {
    return undefined;
  }
  return { major, minor, build, revision };
}

/**
 * Parses an image platform's `os.version` (`10.0.17763.5458`, or without the
 * revision, `10.0.17763`). Returns undefined for anything else.
 */
export function parseOsVersion(value: unknown): WindowsVersion | undefined {
  return parseParts(value, 3, 4);
}

/**
 * Parses a Windows node's `status.nodeInfo.kernelVersion`, which the kubelet
 * always writes as `Major.Minor.Build.UBR`. Requiring all four parts keeps
 * Linux kernels (`5.15.0-1064-azure`, or a bare `6.1.0`) out.
 */
export function parseKernelVersion(value: unknown): WindowsVersion | undefined {
  return parseParts(value, 4, 4);
}

/**
 * Parses the kubelet's `node.kubernetes.io/windows-build` label, which carries
 * `Major.Minor.Build` only (`10.0.20348`), so the revision stays undefined.
 */
export function parseWindowsBuildLabel(
  value: unknown,
): WindowsVersion | undefined {
  return parseParts(value, 3, 3);
}

/**
 * Formats a version as `10.0.20348.2582`, or `10.0.20348` when the revision
 * is unknown or `withRevision` is false (the form of the windows-build label).
 */
export function formatWindowsVersion(
  v: WindowsVersion,
  withRevision: boolean = true,
): string {
  const base = `${v.major}.${v.minor}.${v.build}`;
  return withRevision && v.revision !== undefined
    ? `${base}.${v.revision}`
    : base;
}
