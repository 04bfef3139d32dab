import { createHash } from 'node:crypto';

const SUPPORTED = new Set(['sha256', 'sha512']);

export function computeDigest(bytes: Buffer, algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/**
 * Checks content against the digest it was asked for. Returns what is
 * wrong, or undefined when the content matches.
 */
export function digestMismatch(
  expected: string,
  bytes: Buffer,
): string | undefined {
  const algorithm = expected.split(':')[0];
  if (!SUPPORTED.has(algorithm)) {
    return `cannot verify digest algorithm "${algorithm}"`;
  }
  const actual = computeDigest(bytes, algorithm);
  return actual === expected
    ? undefined
    : `content digest ${actual} does not match ${expected}`;
}
