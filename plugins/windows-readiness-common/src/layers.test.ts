/**
 * The folders of this package are layers: a file imports only from folders
 * of a lower layer (or its own folder), so that no type or rule depends on
 * what is built on it. `model` (the domain types) depends on nothing; `api`
 * (the routes' request and response types) sits on top.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const LAYERS: string[][] = [
  ['model'],
  ['catalog', 'versions', 'images', 'pods', 'workloads'],
  ['compat', 'scheduling'],
  ['analysis'],
  ['checks'],
  ['evaluate'],
  ['whatIf', 'report', 'fleet'],
  ['manifests'],
  // The HTTP API's responses: the wire contract's envelopes, on top of all.
  ['api'],
];
const layerOf = new Map(
  LAYERS.flatMap((folders, layer) => folders.map(f => [f, layer] as const)),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name.startsWith('__') ? [] : sourceFiles(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(__dirname)
  .map(path => relative(__dirname, path).split(sep))
  .filter(parts => parts.length > 1);

describe('the layers of the common package', () => {
  it('know every folder', () => {
    const folders = [...new Set(files.map(parts => parts[0]))].sort();
    expect(folders.filter(f => !layerOf.has(f))).toEqual([]);
  });

  it.each(files.map(parts => parts.join('/')))(
    '%s imports only from lower layers',
    file => {
      const own = file.split('/')[0];
      const text = readFileSync(join(__dirname, file), 'utf8');
      const upward = [...text.matchAll(/from '\.\.\/([^/']+)/g)]
        .map(match => match[1])
        .filter(folder => folder !== own)
        .filter(folder => !(layerOf.get(folder)! < layerOf.get(own)!));
      expect(upward).toEqual([]);
    },
  );
});
