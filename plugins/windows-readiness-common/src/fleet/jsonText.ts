/**
 * Single passes over JSON text that never build its tree: how deep it nests,
 * and where given paths are. A fleet file can be hundreds of megabytes; a
 * second parse (or a YAML parse, as before) to point at a line would hold a
 * second copy of it in memory.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

export interface TextPlace {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Line and column of a character offset. */
export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (
    let at = text.indexOf('\n');
    at !== -1 && at < offset;
    at = text.indexOf('\n', at + 1)
  ) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The end of the string starting at `start` (the offset after its closing quote). */
function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

/**
 * The offset of the first `[` or `{` that nests deeper than `maxDepth`, or
 * undefined. Strings are skipped; the text need not be valid JSON.
 */
export function jsonTooDeepAt(
  text: string,
  maxDepth: number,
): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i) - 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return i;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return undefined;
}

type PathPart = string | number;

interface Frame {
  array: boolean;
  /** The key (object) or index (array) of the value being read. */
  part: PathPart;
}

const pathKey = (parts: readonly PathPart[]) => JSON.stringify(parts);

/**
 * Where each path's value starts in valid JSON `text`, or, for a path that
 * is not there (a missing key), its closest ancestor that is.
 */
export function locateJsonPaths(
  text: string,
  paths: ReadonlyArray<readonly PathPart[]>,
): Map<string, TextPlace> {
  // Every prefix is a target, for paths that point at a missing key. The
  // last part of each, by depth, is checked first: the text has millions of
  // values and a path key is built only for the few that may match.
  const wanted = new Set<string>();
  const lastParts: Array<Set<PathPart>> = [];
  for (const path of paths) {
    for (let n = 0; n <= path.length; n++) {
      wanted.add(pathKey(path.slice(0, n)));
      if (n > 0) (lastParts[n] ??= new Set()).add(path[n - 1]);
    }
  }
  const found = new Map<string, TextPlace>();
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const valueStarts = (offset: number) => {
    const depth = stack.length;
    if (depth > 0 && !lastParts[depth]?.has(stack[depth - 1].part)) return;
    const key = pathKey(stack.map(frame => frame.part));
    if (wanted.has(key) && !found.has(key)) {
      found.set(key, { line, column: offset - lineStart + 1 });
    }
  };
  let expectValue = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    const top = stack[stack.length - 1];
    if (c === QUOTE && top && !top.array && !expectValue) {
      // An object key.
      const end = skipString(text, i);
      const raw = text.slice(i, end);
      top.part = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
      i = end - 1;
      continue;
    }
    if (c === COLON) {
      expectValue = true;
      continue;
    }
    if (c === COMMA) {
      if (top?.array) {
        (top.part as number)++;
        expectValue = true;
      } else {
        expectValue = false;
      }
      continue;
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      expectValue = false;
      continue;
    }
    if (expectValue) {
      valueStarts(i);
      expectValue = false;
      if (c === OPEN_OBJECT) {
        stack.push({ array: false, part: '' });
      } else if (c === OPEN_ARRAY) {
        stack.push({ array: true, part: 0 });
        expectValue = true;
      } else if (c === QUOTE) {
        i = skipString(text, i) - 1;
      }
      // Numbers, true, false and null: their characters fall through here
      // with expectValue false and are skipped one by one.
    }
  }
  return found;
}

/** The place of `path`, or of its closest located ancestor. */
export function placeOfPath(
  located: Map<string, TextPlace>,
  path: readonly PathPart[],
): TextPlace | undefined {
  for (let n = path.length; n >= 0; n--) {
    const place = located.get(pathKey(path.slice(0, n)));
    if (place) return place;
  }
  return undefined;
}
