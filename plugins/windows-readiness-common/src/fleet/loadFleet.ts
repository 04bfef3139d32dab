import { Composer, LineCounter, Parser, type Document } from 'yaml';
import type { Fleet } from '../model';
import { fleetSchema } from './fleetSchema';
import {
  jsonTooDeepAt,
  locateJsonPaths,
  placeOf,
  placeOfPath,
} from './jsonText';
import { aliasBombAt, yamlTooDeepAt } from './yamlText';

/** Limits on what a fleet file may ask of the parser. */
export const FLEET_LIMITS = {
  /** Nesting of collections; a fleet file needs about 20 (a pod's node affinity). */
  maxDepth: 100,
  /** Nodes that YAML aliases may add once expanded. */
  maxAliasNodes: 100_000,
  /** Problems kept and shown; the rest are counted. */
  maxProblems: 20,
};

export interface FleetProblem {
  /** Where inside the file, e.g. `clusters[0].nodePools[1].taints[0]`. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** A fleet file that cannot be used, with its first problems, where they are, and how many there are. */
export class FleetValidationError extends Error {
  name = 'FleetValidationError';
  readonly problems: FleetProblem[];

  constructor(
    readonly source: string,
    problems: FleetProblem[],
    /** How many problems there are in all (more than `problems` holds when capped). */
    readonly total: number = problems.length,
  ) {
    const shown = problems.slice(0, FLEET_LIMITS.maxProblems);
    const more = Math.max(total, problems.length) - shown.length;
    super(
      `${source}: invalid fleet file\n${shown
        .map(p => {
          const where = p.line
            ? ` (line ${p.line}${p.column ? `, column ${p.column}` : ''})`
            : '';
          return `  ${p.path || '(root)'}${where}: ${p.message}`;
        })
        .join('\n')}${more > 0 ? `\n  … and ${more} more problems` : ''}`,
    );
    this.problems = shown;
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) =>
      typeof part === 'number'
        ? `[${part}]`
        : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function tooDeep(source: string, line: number, column?: number): never {
  throw new FleetValidationError(source, [
    {
      path: '',
      line,
      column,
      message: `nested deeper than ${FLEET_LIMITS.maxDepth} levels`,
    },
  ]);
}

function validated(
  input: { data: unknown },
  source: string,
  place: (
    path: ReadonlyArray<PropertyKey>[],
  ) => Array<{ line: number; column?: number } | undefined>,
): Fleet {
  const checked = fleetSchema.safeParse(input.data);
  if (checked.success) return checked.data as Fleet;
  // Locating the problems may scan the text: let the parsed copy go.
  input.data = undefined;
  const issues = checked.error.issues;
  const shown = issues.slice(0, FLEET_LIMITS.maxProblems);
  const places = place(shown.map(issue => issue.path));
  throw new FleetValidationError(
    source,
    shown.map((issue, index) => ({
      path: formatPath(issue.path),
      message: issue.message,
      ...places[index],
    })),
    issues.length,
  );
}

// Node's messages end "... in JSON at position 31 (line 3 column 5)".
const JSON_POSITION =
  /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/;

/** JSON text: parsed once, never again as YAML; places found by scanning the text. */
function parseJsonFleet(text: string, source: string): Fleet {
  const deep = jsonTooDeepAt(text, FLEET_LIMITS.maxDepth);
  if (deep !== undefined) {
    const { line, column } = placeOf(text, deep);
    tooDeep(source, line, column);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = String((error as Error).message ?? error);
    const position = JSON_POSITION.exec(message);
    const place = position
      ? placeOf(text, Number(position[1]))
      : placeOf(text, text.length);
    throw new FleetValidationError(source, [
      {
        path: '',
        message: `invalid JSON: ${message.replace(JSON_POSITION, '')}`,
        ...place,
      },
    ]);
  }
  return validated({ data }, source, paths => {
    data = undefined;
    const located = locateJsonPaths(
      text,
      paths.map(path =>
        path.map(part => (typeof part === 'number' ? part : String(part))),
      ),
    );
    return paths.map(path =>
      placeOfPath(
        located,
        path.map(part => (typeof part === 'number' ? part : String(part))),
      ),
    );
  });
}

// A missing key has no node: point at the closest thing that is there.
export function offsetOf(
  document: Pick<Document, 'getIn'>,
  path: ReadonlyArray<PropertyKey>,
): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

function parseYamlFleet(text: string, source: string): Fleet {
  const deep = yamlTooDeepAt(text, FLEET_LIMITS.maxDepth);
  if (deep !== undefined) tooDeep(source, deep);
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: true });
  const [document, ...more] = [
    ...composer.compose(parser.parse(text), true, text.length),
  ];
  const errors = [
    ...(document?.errors ?? []),
    ...more.flatMap(extra => extra.errors),
  ];
  if (more.length > 0 && errors.length === 0) {
    throw new FleetValidationError(source, [
      {
        path: '',
        message: 'holds more than one YAML document',
        line: lineCounter.linePos(more[0].range?.[0] ?? 0).line,
      },
    ]);
  }
  if (!document || errors.length > 0) {
    throw new FleetValidationError(
      source,
      errors.slice(0, FLEET_LIMITS.maxProblems).map(error => ({
        path: '',
        message: error.message.split('\n')[0],
        line: lineCounter.linePos(error.pos[0]).line,
      })),
      errors.length,
    );
  }
  const bomb = aliasBombAt(document, FLEET_LIMITS.maxAliasNodes);
  if (bomb) {
    throw new FleetValidationError(source, [
      {
        path: '',
        message: `alias *${bomb.alias} takes the aliases expanded so far past ${FLEET_LIMITS.maxAliasNodes} nodes`,
        line: lineCounter.linePos(bomb.offset).line,
      },
    ]);
  }
  // The limit above bounds alias expansion; yaml's own rule (an anchor
  // used more than 100 times) would refuse fleets that reuse a pod spec.
  const data = document.toJS({ maxAliasCount: -1 });
  return validated({ data }, source, paths =>
    paths.map(path => {
      const offset = offsetOf(document, path);
      return offset !== undefined
        ? { line: lineCounter.linePos(offset).line }
        : undefined;
    }),
  );
}

/**
 * Parses and validates a fleet file's text; throws FleetValidationError.
 * Text whose first non-space character is `{` or `[` is JSON (large
 * generated fleets are: JSON.parse is ~100x faster than the YAML parser),
 * anything else YAML. Nesting, YAML aliases and the problems reported are
 * bounded (FLEET_LIMITS).
 */
export function parseFleet(text: string, source = 'fleet'): Fleet {
  const first = text[text.search(/\S/)];
  return first === '{' || first === '['
    ? parseJsonFleet(text, source)
    : parseYamlFleet(text, source);
}
