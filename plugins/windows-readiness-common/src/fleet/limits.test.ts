/**
 * The limits of parseFleet: JSON is judged as JSON only, nesting and YAML
 * aliases are bounded, and at most FLEET_LIMITS.maxProblems problems are
 * kept, with how many there are.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { FLEET_LIMITS, FleetValidationError, parseFleet } from './loadFleet';

function rejection(text: string): FleetValidationError {
  try {
    parseFleet(text, 'f');
  } catch (error) {
    expect(error).toBeInstanceOf(FleetValidationError);
    return error as FleetValidationError;
  }
  throw new Error('expected the fleet to be rejected');
}

const HEAD = 'apiVersion: winready/v1\nkind: Fleet\nmetadata: { name: t }\n';
const deepFlow = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('parseFleet limits', () => {
  it('reports JSON syntax errors where they are, never as YAML', () => {
    // Valid YAML (a flow mapping), but the file is JSON by its first character.
    const error = rejection(
      '{\n  "apiVersion": "winready/v1",\n  kind: Fleet\n}',
    );
    expect(error.problems).toEqual([
      {
        path: '',
        message: expect.stringMatching(/^invalid JSON: /),
        line: 3,
        column: 3,
      },
    ]);
  });

  it.each([
    ['JSON', `{"clusters": ${deepFlow(10_000)}}`, 1, 1],
    ['YAML flow', `${HEAD}clusters: ${deepFlow(10_000)}`, 4, 4],
    [
      'YAML flow over lines',
      `${HEAD}clusters:\n  - ${'[\n'.repeat(200)}`,
      FLEET_LIMITS.maxDepth,
      FLEET_LIMITS.maxDepth + 5,
    ],
    [
      'YAML block',
      `${HEAD}clusters:\n${Array.from(
        { length: 500 },
        (_, i) => `${' '.repeat(i)}- a:`,
      ).join('\n')}`,
      FLEET_LIMITS.maxDepth,
      FLEET_LIMITS.maxDepth + 5,
    ],
    [
      'YAML sequences on one line',
      `${HEAD}clusters:\n  ${'- '.repeat(500)}a`,
      5,
      5,
    ],
  ])('refuses %s nested too deep, at its line', (_, text, first, last) => {
    const [problem] = rejection(text).problems;
    expect(problem.message).toBe(
      `nested deeper than ${FLEET_LIMITS.maxDepth} levels`,
    );
    expect(problem.line).toBeGreaterThanOrEqual(first);
    expect(problem.line).toBeLessThanOrEqual(last);
  });

  it('does not count brackets in quoted or plain scalars, comments or block scalars', () => {
    const brackets = '['.repeat(300);
    const text = `${HEAD}# ${brackets}\nmetadata2: "${brackets}"\nnote: a ${brackets}\nscript: |\n  ${brackets}\n      ${brackets}\nclusters: []\n`;
    expect(parseFleet(text, 'f').clusters).toEqual([]);
  });

  it('refuses an alias bomb at the alias that takes it past the limit', () => {
    const text = readFileSync(
      resolve(__dirname, '__fixtures__/alias-bomb.yaml'),
      'utf8',
    );
    const [problem] = rejection(text).problems;
    expect(problem.message).toMatch(
      /^alias \*[a-i] takes the aliases expanded/,
    );
    expect(problem.line).toBeGreaterThan(4);
  });

  it('accepts an anchor used more than 100 times (a shared pod spec)', () => {
    const pools = Array.from(
      { length: 150 },
      (_, i) => `      - { name: p${i}, osType: Linux, labels: *labels }`,
    );
    const fleet = parseFleet(
      `${HEAD}clusters:\n  - name: c\n    nodePools:\n      - { name: base, osType: Linux, labels: &labels { team: a } }\n${pools.join(
        '\n',
      )}\n`,
    );
    expect(fleet.clusters[0].nodePools).toHaveLength(151);
    expect(fleet.clusters[0].nodePools[150].labels).toEqual({ team: 'a' });
  });

  it.each([
    [
      'schema problems',
      `${HEAD}clusters:\n  - name: c\n    nodePools: [${Array.from(
        { length: 50 },
        (_, i) => `{ name: P${i}, osType: Linux }`,
      ).join(', ')}]`,
      50,
      50,
    ],
    [
      'YAML syntax errors',
      `${HEAD}${Array.from({ length: 40 }, () => 'a: [\n').join('')}`,
      FLEET_LIMITS.maxProblems + 1,
      1000,
    ],
  ])('keeps %s of many problems and counts the rest', (_, text, min, max) => {
    const error = rejection(text);
    expect(error.problems).toHaveLength(FLEET_LIMITS.maxProblems);
    expect(error.total).toBeGreaterThanOrEqual(min);
    expect(error.total).toBeLessThanOrEqual(max);
    expect(error.message).toMatch(/\n {2}… and \d+ more problems$/);
    expect(error.message.split('\n')).toHaveLength(
      FLEET_LIMITS.maxProblems + 2,
    );
  });
});
