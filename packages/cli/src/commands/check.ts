import { exitCodeFor } from '../exitCodes';
import { checkAgainstSource, type CheckSourceOptions } from '../checkSources';
import { formatCheck, type CheckFormat } from '../formats/check';
import type { CliIo } from '../io';
import { readManifestInput } from '../manifestInput';
import packageJson from '../../package.json';

export interface CheckOptions extends CheckSourceOptions {
  format: CheckFormat;
  stdinName: string;
}

/**
 * `winready check PATH... --cluster C (--fleet F | --live | --backend URL)`:
 * Kubernetes manifests judged against the pools of the cluster they will
 * land on, before deploy, with the rules of `evaluate`.
 */
export async function checkCommand(
  paths: string[],
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  const input = await readManifestInput(paths, options.stdinName, io);
  const result = await checkAgainstSource(input, options, io);
  io.stdout(formatCheck(options.format, result, packageJson.version));
  return exitCodeFor(
    result.workloads.map(workload => workload.status),
    options.failOn,
  );
}
