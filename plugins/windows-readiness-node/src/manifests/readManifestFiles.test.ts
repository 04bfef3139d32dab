import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestReadError, readManifestFiles } from './readManifestFiles';

describe('readManifestFiles', () => {
  let root: string;
  const write = (path: string, text = 'kind: ConfigMap\n') => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'winready-manifests-'));
    write('app/deployment.yaml');
    write('app/service.yml');
    write('app/overlays/prod/all.json', '{}');
    write('app/README.md', '# not a manifest');
    write('app/.github/workflows/ci.yaml', 'on: push');
    write('single.yaml', 'kind: Pod\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads folders recursively, in name order, as kubectl -R finds files, skipping hidden ones', async () => {
    const texts = await readManifestFiles(
      [join(root, 'app'), join(root, 'single.yaml')],
      { relativeTo: root },
    );
    expect(texts.map(t => t.path)).toEqual([
      'app/deployment.yaml',
      'app/overlays/prod/all.json',
      'app/service.yml',
      'single.yaml',
    ]);
    expect(texts[3].content).toBe('kind: Pod\n');
  });

  it('reads a file named twice once, and keeps a path outside relativeTo whole', async () => {
    const file = join(root, 'single.yaml');
    const texts = await readManifestFiles([file, file], {
      relativeTo: join(root, 'app'),
    });
    expect(texts.map(t => t.path)).toEqual([file]);
  });

  it.each([
    [
      'a missing path',
      () => join(root, 'nope.yaml'),
      /Cannot read .*nope\.yaml: ENOENT/,
    ],
    [
      'a device',
      () => '/dev/zero',
      /\/dev\/zero: not a regular file or a folder/,
    ],
    [
      'a folder without manifests',
      () => {
        write('docs/index.md');
        return join(root, 'docs');
      },
      /docs: no \.yaml, \.yml or \.json file in this folder/,
    ],
  ])('refuses %s, naming it', async (_what, path, message) => {
    await expect(readManifestFiles([path()])).rejects.toThrow(message);
    await expect(readManifestFiles([path()])).rejects.toBeInstanceOf(
      ManifestReadError,
    );
  });

  it('refuses a file, or files together, above the size limits', async () => {
    write('big.yaml', 'x'.repeat(2000));
    await expect(
      readManifestFiles([join(root, 'big.yaml')], { maxFileBytes: 1000 }),
    ).rejects.toThrow(/big\.yaml: 2000 bytes, more than the 1000/);
    await expect(
      readManifestFiles([join(root, 'app')], { maxTotalBytes: 20 }),
    ).rejects.toThrow(/add up to more than 20 bytes/);
  });
});
