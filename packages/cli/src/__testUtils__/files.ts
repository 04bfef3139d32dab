import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A file of src/__fixtures__ by name. */
export const fixture = (name: string) =>
  path.join(__dirname, '..', '__fixtures__', name);

// Kept out of the folder as a file: prettier would fail on it.
export const BAD_YAML_FLEET =
  'apiVersion: winready/v1\nkind: Fleet\nmetadata: { name: bad-yaml\nclusters: []\n';

/** A scratch folder for files a test writes; remove it in afterAll. */
export function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'winready-cli-'));
  return {
    dir,
    write(name: string, text: string): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
