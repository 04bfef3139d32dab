import { Composer, LineCounter, Parser, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, offsetOf } from '../fleet/loadFleet';
import type { KubernetesObject, ManifestLocation } from '../model';
import { isWorkloadKind } from '../workloads/workloads';
import {
  isListKind,
  listSchema,
  objectSchema,
  WORKLOAD_SCHEMAS,
} from './manifestSchema';

/** One Kubernetes object of a manifest file, with where it is. */
export interface ManifestDocument extends ManifestLocation {
  object: KubernetesObject;
}

/** A manifest file's text, as read from disk or sent to the backend. */
export interface ManifestText {
  path: string;
  content: string;
}

/** What is wrong, and where: the file, the document, the path inside it and its line. */
export interface ManifestProblem {
  file: string;
  document?: number;
  /** Line of the object (document or List item). */
  line?: number;
  /** Where inside the object, e.g. `spec.template.spec.containers[0].image`. */
  path: string;
  /** Line of `path` itself, when it is there. */
  pathLine?: number;
  message: string;
}

const MAX_PROBLEMS_SHOWN = 20;

function describe(problem: ManifestProblem): string {
  const where = [
    problem.file,
    problem.document !== undefined ? ` document ${problem.document}` : '',
    problem.line !== undefined ? ` (line ${problem.line})` : '',
  ].join('');
  const path = problem.path
    ? `${problem.path}${
        problem.pathLine !== undefined && problem.pathLine !== problem.line
          ? ` (line ${problem.pathLine})`
          : ''
      }: `
    : '';
  return `  ${where}: ${path}${problem.message}`;
}

/** Manifests that cannot be judged, with every problem and where it is. */
export class ManifestError extends Error {
  name = 'ManifestError';

  constructor(readonly problems: ManifestProblem[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(describe);
    const more = problems.length - shown.length;
    super(
      `invalid manifest${problems.length === 1 ? '' : 's'}\n${shown.join(
        '\n',
      )}${more > 0 ? `\n  … and ${more} more` : ''}`,
    );
  }
}

/** More documents than the caller allows: refused before any is judged. */
export class ManifestLimitError extends Error {
  name = 'ManifestLimitError';

  constructor(readonly limit: number) {
    super(`more than ${limit} YAML documents: check fewer manifests at a time`);
  }
}

export interface ParseManifestsOptions {
  /** At most this many YAML documents over all files (default unbounded). */
  maxDocuments?: number;
}

type YamlDocument = Document.Parsed;

interface Position {
  document: YamlDocument;
  lineCounter: LineCounter;
}

function lineAt(position: Position, path: ReadonlyArray<PropertyKey>) {
  const offset = offsetOf(position.document, path);
  return offset === undefined
    ? undefined
    : position.lineCounter.linePos(offset).line;
}

function schemaProblems(
  schema: z.ZodType,
  value: unknown,
  prefix: ReadonlyArray<PropertyKey>,
  position: Position,
  where: Omit<ManifestProblem, 'path' | 'message'>,
): ManifestProblem[] {
  const checked = schema.safeParse(value);
  if (checked.success) return [];
  return checked.error.issues.map(issue => ({
    ...where,
    path: formatPath(issue.path),
    pathLine: lineAt(position, [...prefix, ...issue.path]),
    message: issue.message,
  }));
}

/** Checks one object and, when it is fine, adds it to `documents`. */
function readObject(
  value: unknown,
  prefix: ReadonlyArray<PropertyKey>,
  position: Position,
  location: ManifestLocation,
  documents: ManifestDocument[],
): ManifestProblem[] {
  const where = {
    file: location.file,
    document: location.document,
    line: location.line,
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      {
        ...where,
        path: formatPath(prefix),
        message:
          'expected a Kubernetes object (a mapping with apiVersion and kind)',
      },
    ];
  }
  const problems = schemaProblems(objectSchema, value, prefix, position, where);
  if (problems.length > 0) return problems;
  const object = value as KubernetesObject;
  if (isWorkloadKind(object.kind)) {
    const schema =
      WORKLOAD_SCHEMAS[object.kind!] ?? WORKLOAD_SCHEMAS.Deployment;
    problems.push(...schemaProblems(schema, value, prefix, position, where));
  }
  if (problems.length === 0) documents.push({ ...location, object });
  return problems;
}

function readDocument(
  file: string,
  number: number,
  position: Position,
  documents: ManifestDocument[],
): ManifestProblem[] {
  const { document } = position;
  const contents = document.contents;
  const line = contents?.range
    ? position.lineCounter.linePos(contents.range[0]).line
    : undefined;
  if (document.errors.length > 0) {
    return document.errors.map(error => ({
      file,
      document: number,
      line: position.lineCounter.linePos(error.pos[0]).line,
      path: '',
      message: `invalid YAML: ${error.message.split('\n')[0]}`,
    }));
  }
  // A document with only comments (helm renders one per empty template).
  if (contents === null || line === undefined) return [];
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return [{ file, document: number, line, path: '', message: String(error) }];
  }
  if (value === null || value === undefined) return [];
  const kind = (value as { kind?: unknown }).kind;
  if (!isListKind(kind)) {
    return readObject(
      value,
      [],
      position,
      { file, document: number, line },
      documents,
    );
  }
  const where = { file, document: number, line };
  const listProblems = schemaProblems(listSchema, value, [], position, where);
  if (listProblems.length > 0) return listProblems;
  return ((value as { items: unknown[] }).items ?? []).flatMap((item, index) =>
    readObject(
      item,
      ['items', index],
      position,
      {
        file,
        document: number,
        line: lineAt(position, ['items', index]) ?? line,
        item: index,
      },
      documents,
    ),
  );
}

/**
 * Reads Kubernetes manifests as kubectl, `helm template` and
 * `kustomize build` write them: several YAML (or JSON) documents a file, separated by
 * `---`, with comments, empty documents and `kind: List`s. Every object keeps
 * its file, document and line. Throws ManifestError with every problem found
 * (YAML syntax, an object without apiVersion or kind, a workload field of the
 * wrong type), and ManifestLimitError past `maxDocuments`, as soon as it is
 * passed: the rest is not parsed.
 */
export function parseManifests(
  files: readonly ManifestText[],
  options: ParseManifestsOptions = {},
): ManifestDocument[] {
  const limit = options.maxDocuments ?? Infinity;
  const documents: ManifestDocument[] = [];
  const problems: ManifestProblem[] = [];
  let seen = 0;
  for (const { path, content } of files) {
    const lineCounter = new LineCounter();
    const parser = new Parser(lineCounter.addNewLine);
    // Kubernetes rejects duplicate keys, as the yaml package does by default.
    const composer = new Composer({ uniqueKeys: true });
    let number = 0;
    for (const document of composer.compose(parser.parse(content))) {
      if (++seen > limit) throw new ManifestLimitError(limit);
      number++;
      problems.push(
        ...readDocument(
          path,
          number,
          { document: document as YamlDocument, lineCounter },
          documents,
        ),
      );
    }
  }
  if (problems.length > 0) throw new ManifestError(problems);
  return documents;
}
