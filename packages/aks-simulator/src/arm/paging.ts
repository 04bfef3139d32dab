/**
 * Pure: ARM list paging. A page is `{ value, nextLink? }`; nextLink is an
 * absolute URL carrying the api-version and a `$skipToken`, which clients
 * follow until it is missing (facts 4.9).
 */

export interface ArmPage<T> {
  value: T[];
  nextLink?: string;
}

const PREFIX = 'sim1.';

/** An opaque token for the item offset a page starts at. */
export function encodeSkipToken(offset: number): string {
  return (
    PREFIX +
    Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url')
  );
}

/** The offset of a token, or undefined when it is not one of ours. */
export function decodeSkipToken(token: string): number | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  try {
    const { offset } = JSON.parse(
      Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'),
    );
    return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page of `items` that `skipToken` points at (the first without one), or
 * undefined for a token that is not valid.
 */
export function armPage<T>(
  items: readonly T[],
  skipToken: string | null,
  pageSize: number,
  linkFor: (skipToken: string) => string,
): ArmPage<T> | undefined {
  const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
  if (offset === undefined || offset > items.length) return undefined;
  const end = offset + Math.max(1, pageSize);
  const page: ArmPage<T> = { value: items.slice(offset, end) };
  if (end < items.length) page.nextLink = linkFor(encodeSkipToken(end));
  return page;
}

/** The absolute nextLink of a list request, keeping its api-version. */
export function nextLinkFor(
  baseUrl: string,
  path: string,
  apiVersion: string | null,
  skipToken: string,
): string {
  // Written as ARM writes it: `$skipToken` unescaped; the token is base64url.
  const version = apiVersion
    ? `api-version=${encodeURIComponent(apiVersion)}&`
    : '';
  return `${baseUrl}${path}?${version}$skipToken=${encodeURIComponent(
    skipToken,
  )}`;
}
