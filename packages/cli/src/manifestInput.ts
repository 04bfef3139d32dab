import {
  ManifestError,
  ManifestLimitError,
  parseManifests,
  type ManifestDocument,
  type ManifestText,
} from '@winready/plugin-windows-readiness-common';
import { CliError, errorMessage } from './exitCodes';
import type { CliIo } from './io';
import { liveSources } from './liveSources';

/** What `-` reads at most: a rendered chart is far smaller. */
const MAX_STDIN_BYTES = 64 * 1024 * 1024;

/** The manifests of the command line: files, folders and `-` for stdin (once). */
export async function readManifestInput(
  paths: readonly string[],
  stdinName: string,
  io: CliIo,
): Promise<{ texts: ManifestText[]; documents: ManifestDocument[] }> {
  if (paths.length === 0) {
    throw new CliError('missing manifests: give files, folders or - for stdin');
  }
  if (paths.filter(path => path === '-').length > 1) {
    throw new CliError('- (stdin) can be given once');
  }
  const { ManifestReadError, readManifestFiles } = liveSources();
  const texts: ManifestText[] = [];
  try {
    for (const path of paths) {
      if (path === '-') {
        if (!io.stdin) throw new CliError('stdin cannot be read here');
        const content = await io.stdin(MAX_STDIN_BYTES).catch(error => {
          throw new CliError(`Cannot read stdin: ${errorMessage(error)}`);
        });
        texts.push({ path: stdinName, content });
      } else {
        texts.push(...(await readManifestFiles([path])));
      }
    }
    return { texts, documents: parseManifests(texts) };
  } catch (error) {
    if (
      error instanceof ManifestError ||
      error instanceof ManifestLimitError ||
      error instanceof ManifestReadError
    ) {
      throw new CliError(error.message);
    }
    throw error;
  }
}
