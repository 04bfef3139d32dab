/** One challenge of a `WWW-Authenticate` header (RFC 9110 section 11.6.1). */
export interface AuthChallenge {
  /** Lower-cased: `bearer`, `basic`. */
  scheme: string;
  /** Parameter names lower-cased: `realm`, `service`, `scope`. */
  params: Record<string, string>;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/;
const PARAM_NAME = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*/;
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*\s*(?:,|$)/;

/** Reads a quoted-string (with backslash escapes) or a token; returns [value, rest]. */
function readValue(text: string): [string, string] {
  if (!text.startsWith('"')) {
    const value = /^[^\s,]*/.exec(text)![0];
    return [value, text.slice(value.length)];
  }
  let value = '';
  let i = 1;
  for (; i < text.length && text[i] !== '"'; i++) {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    value += text[i];
  }
  return [value, text.slice(i + 1)];
}

/** Reads `name=value, name2="value"` up to the next challenge; returns the rest. */
function readParams(text: string, params: Record<string, string>): string {
  let rest = text;
  for (
    let match = PARAM_NAME.exec(rest);
    match;
    match = PARAM_NAME.exec(rest)
  ) {
    const [value, after] = readValue(rest.slice(match[0].length));
    params[match[1].toLowerCase()] = value;
    rest = after.replace(/^\s*,?\s*/, '');
  }
  return rest;
}

/** Parses every challenge of one or more `WWW-Authenticate` headers. */
export function parseWwwAuthenticate(
  header: string | string[] | undefined,
): AuthChallenge[] {
  if (header === undefined) return [];
  if (Array.isArray(header)) {
    return header.flatMap(h => parseWwwAuthenticate(h));
  }
  const challenges: AuthChallenge[] = [];
  let rest = header.replace(/^[\s,]+/, '');
  for (
    let scheme = TOKEN.exec(rest)?.[0];
    scheme;
    scheme = TOKEN.exec(rest)?.[0]
  ) {
    const challenge: AuthChallenge = {
      scheme: scheme.toLowerCase(),
      params: {},
    };
    challenges.push(challenge);
    rest = readParams(
      rest.slice(scheme.length).replace(/^\s+/, ''),
      challenge.params,
    );
    // a token68 credential (`Negotiate abc==`) carries no parameters: skip it
    if (
      TOKEN68.test(rest) &&
      !PARAM_NAME.test(rest) &&
      !/^\S+\s+\S/.test(rest.split(',')[0])
    ) {
      rest = rest.replace(/^[^,]*/, '');
    }
    rest = rest.replace(/^[\s,]+/, '');
  }
  return challenges;
}
