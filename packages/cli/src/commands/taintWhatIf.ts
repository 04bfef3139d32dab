import {
  fleetTaintWhatIf,
  namespaceOwnerOf,
  parseTaintChange,
  WhatIfError,
  type TaintWhatIfRequest,
  type TaintWhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import { CliError, exitCodeFor } from '../exitCodes';
import { maxFileSize } from '../fileSize';
import { loadFleetInput } from '../fleetInput';
import { TAINT_WHAT_IF_FORMATTERS } from '../formats';
import { writeOutput, type CliIo } from '../io';
import { readNamespaceOwnersFile } from '../namespaceOwnersFile';
import type { WhatIfOptions } from './whatIf';

const CLI_FIELDS = { addTaint: '--add-taint', removeTaint: '--remove-taint' };

function orCliError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof WhatIfError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * `winready what-if FILE --add-taint T | --remove-taint T`: which workloads
 * the taint change moves off or onto the pool, with their owners from
 * `--namespace-owners`.
 */
export async function taintWhatIfCommand(
  file: string | undefined,
  options: WhatIfOptions,
  io: CliIo,
): Promise<number> {
  const request: TaintWhatIfRequest = {
    cluster: options.cluster,
    pool: options.pool,
    ...(options.addTaint !== undefined ? { addTaint: options.addTaint } : {}),
    ...(options.removeTaint !== undefined
      ? { removeTaint: options.removeTaint }
      : {}),
  };
  // A malformed taint or owners file is refused before the fleet is read.
  orCliError(() => parseTaintChange(request, CLI_FIELDS));
  const ownerOfNamespace = namespaceOwnerOf(
    options.namespaceOwners
      ? readNamespaceOwnersFile(
          options.namespaceOwners,
          maxFileSize(options.maxFileSize),
        )
      : [],
  );
  const { fleet, osSkus } = await loadFleetInput(file, options, io);
  const result: TaintWhatIfResult = orCliError(() =>
    fleetTaintWhatIf(fleet, request, {
      asOf: options.at ?? new Date(),
      osSkus,
      ownerOf: workload => {
        const owner = ownerOfNamespace(workload.namespace);
        return owner ? { owner, ownerSource: 'namespace' } : {};
      },
    }),
  );
  await writeOutput(io, TAINT_WHAT_IF_FORMATTERS[options.format](result));
  return exitCodeFor(
    result.impacted.map(impact => impact.after),
    options.failOn,
  );
}
