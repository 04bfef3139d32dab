import {
  isAlias,
  isCollection,
  isPair,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';

/**
 * How deep YAML text nests, read from the text before the YAML parser sees
 * it: the parser's lexer runs out of memory on tens of thousands of nested
 * flow collections, and its composer recurses. Block nesting counts the
 * distinct indentation levels open (plus `- ` indicators on one line), flow
 * nesting the open `[` and `{` (outside quotes and comments, where a value
 * starts or inside a flow collection); block scalars are skipped. Returns
 * the 1-based line where the depth first exceeds `maxDepth`, or undefined.
 */
export function yamlTooDeepAt(
  text: string,
  maxDepth: number,
): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent: number | undefined;
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (blockScalarIndent !== undefined) {
      if (body === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (body === '' || (flow === 0 && body.startsWith('#'))) continue;
    let depth = 0;
    let at = indent;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) {
        indents.pop();
      }
      indents.push(indent);
      // `- - - a` nests a sequence in a sequence on one line.
      while (line.startsWith('- ', at) || line.startsWith('? ', at)) {
        depth++;
        at += 2;
        while (line[at] === ' ') at++;
      }
    }
    let valueStart = flow === 0;
    for (let i = at; i < line.length; i++) {
      const c = line[i];
      if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      if (c === '"' || c === "'") {
        if (flow === 0 && !valueStart) continue;
        // Skip the quoted scalar on this line (escapes and '' doubling).
        for (i++; i < line.length && line[i] !== c; i++) {
          if (c === '"' && line[i] === '\\') i++;
        }
        valueStart = false;
      } else if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow++;
        if (indents.length + depth + flow > maxDepth) return lineNumber;
        valueStart = false;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      } else if (c === ':' && (line[i + 1] === ' ' || i + 1 === line.length)) {
        valueStart = flow === 0;
      } else if ((c === '&' || c === '!') && valueStart) {
        // An anchor or a tag before the value: skip it.
        while (i + 1 < line.length && line[i + 1] !== ' ') i++;
      } else if (c !== ' ' && flow === 0) {
        if ((c === '|' || c === '>') && valueStart) {
          blockScalarIndent = indent;
        }
        valueStart = false;
      }
    }
    if (indents.length + depth + flow > maxDepth) return lineNumber;
  }
  return undefined;
}

/** The number of nodes `node` stands for once every alias in it is expanded. */
function expandedSize(
  document: Document,
  node: unknown,
  sizes: Map<unknown, number>,
  cap: number,
): number {
  // Post-order without recursion; aliases count their target's size.
  const stack: Array<{ node: unknown; children?: unknown[] }> = [{ node }];
  const pending = new Set<unknown>();
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (sizes.has(top.node)) {
      stack.pop();
      continue;
    }
    if (!top.children) {
      pending.add(top.node);
      if (isAlias(top.node)) {
        top.children = [top.node.resolve(document)];
      } else if (isCollection(top.node)) {
        top.children = (top.node.items as unknown[]).flatMap(item =>
          isPair(item) ? [item.key, item.value] : [item],
        );
      } else {
        top.children = [];
      }
      for (const child of top.children) {
        if (child && typeof child === 'object' && !sizes.has(child)) {
          // An alias of its own ancestor expands without end.
          if (pending.has(child)) return Infinity;
          stack.push({ node: child });
        }
      }
      continue;
    }
    const own = isAlias(top.node) ? 0 : 1;
    const size = top.children.reduce<number>(
      (sum, child) => sum + (sizes.get(child) ?? 0),
      own,
    );
    sizes.set(top.node, Math.min(size, cap + 1));
    pending.delete(top.node);
    stack.pop();
  }
  return sizes.get(node) ?? 0;
}

/**
 * The first alias at which the nodes added by expanding aliases exceed
 * `maxNodes` (an alias bomb: nine aliases of nine aliases... of a list),
 * with its name and offset; undefined when the document stays under it.
 */
export function aliasBombAt(
  document: Document,
  maxNodes: number,
): { alias: string; offset: number } | undefined {
  const sizes = new Map<unknown, number>();
  let total = 0;
  let found: { alias: string; offset: number } | undefined;
  visit(document, {
    Alias(_, node) {
      total += expandedSize(document, node, sizes, maxNodes);
      if (total > maxNodes) {
        found = {
          alias: node.source,
          offset: (node as YamlNode).range?.[0] ?? 0,
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
