import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { ManifestText } from '@winready/plugin-windows-readiness-common';

/** The extensions kubectl reads from a folder (`kubectl apply -f DIR -R`). */
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface ReadManifestFilesOptions {
  /** Paths are reported relative to this folder (default the working directory). */
  relativeTo?: string;
  /** One file above this size is refused (default 8 MiB). */
  maxFileBytes?: number;
  /** All files together above this size are refused (default 64 MiB). */
  maxTotalBytes?: number;
}

/** A path that cannot be read as manifests: what and where. */
export class ManifestReadError extends Error {
  name = 'ManifestReadError';
}

const MiB = 1024 * 1024;

function displayPath(path: string, relativeTo: string): string {
  const shown = relative(relativeTo, path);
  // Outside the folder, or on another drive: the path as it is.
  const outside =
    shown.startsWith('..') || shown === '' || /^[a-z]:/i.test(shown);
  return (outside ? path : shown).split(sep).join('/');
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // .git, .github, .helm caches: not manifests to deploy.
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile() && MANIFEST_EXTENSIONS.has(extname(entry.name)))
      files.push(path);
  }
  return files;
}

/**
 * Reads manifest files and folders (recursively: `.yaml`, `.yml` and `.json`
 * files, hidden entries skipped, in name order), as `kubectl apply -f -R`
 * would find them. Only regular files, each and all of them under a size
 * limit; throws ManifestReadError naming the path otherwise.
 */
export async function readManifestFiles(
  paths: readonly string[],
  options: ReadManifestFilesOptions = {},
): Promise<ManifestText[]> {
  const relativeTo = options.relativeTo ?? process.cwd();
  const maxFileBytes = options.maxFileBytes ?? 8 * MiB;
  const maxTotalBytes = options.maxTotalBytes ?? 64 * MiB;
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(error => {
      throw new ManifestReadError(`Cannot read ${path}: ${error.message}`);
    });
    if (info.isDirectory()) {
      const found = await filesUnder(path);
      if (found.length === 0) {
        throw new ManifestReadError(
          `${path}: no .yaml, .yml or .json file in this folder`,
        );
      }
      files.push(...found);
    } else if (info.isFile()) {
      files.push(path);
    } else {
      throw new ManifestReadError(`${path}: not a regular file or a folder`);
    }
  }
  let total = 0;
  const texts: ManifestText[] = [];
  for (const file of [...new Set(files)]) {
    const { size } = await stat(file);
    total += size;
    if (size > maxFileBytes || total > maxTotalBytes) {
      throw new ManifestReadError(
        size > maxFileBytes
          ? `${file}: ${size} bytes, more than the ${maxFileBytes} a manifest file may have`
          : `the manifests add up to more than ${maxTotalBytes} bytes: check fewer at a time`,
      );
    }
    texts.push({
      path: displayPath(file, relativeTo),
      content: await readFile(file, 'utf8'),
    });
  }
  return texts;
}
