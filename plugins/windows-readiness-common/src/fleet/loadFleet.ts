import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Fleet } from '../model';
import { fleetSchema } from './fleetSchema';

export interface FleetProblem {
  /** Where inside the file, e.g. `clusters[0].nodePools[1].taints[0]`. */
  path: string;
  message: string;
  line?: number;
}

/** A fleet file that cannot be used, with every problem and where it is. */
export class FleetValidationError extends Error {
  name = 'FleetValidationError';

  constructor(readonly source: string, readonly problems: FleetProblem[]) {
    super(
      `${source}: invalid fleet file\n${problems
        .map(
          p =>
            `  ${p.path || '(root)'}${p.line ? ` (line ${p.line})` : ''}: ${
              p.message
            }`,
        )
        .join('\n')}`,
    );
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

/** Parses and validates a fleet file's text; throws FleetValidationError. */
export function parseFleet(text: string, source = 'fleet'): Fleet {
  // Large generated fleets are JSON: JSON.parse is ~100x faster than the YAML
  // parser; YAML is still used to point at lines when the file is wrong.
  if (text.trimStart().startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const checked =
      data === undefined ? undefined : fleetSchema.safeParse(data);
    if (checked?.success) return checked.data as Fleet;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new FleetValidationError(
      source,
      document.errors.map(error => ({
        path: '',
        message: error.message.split('\n')[0],
        line: error.linePos?.[0]?.line,
      })),
    );
  }
  const checked = fleetSchema.safeParse(document.toJS());
  if (!checked.success) {
    throw new FleetValidationError(
      source,
      checked.error.issues.slice(0, 20).map(issue => {
        const offset = offsetOf(document, issue.path);
        return {
          path: formatPath(issue.path),
          message: issue.message,
          line:
            offset !== undefined ? lineCounter.linePos(offset).line : undefined,
        };
      }),
    );
  }
  return checked.data as Fleet;
}
