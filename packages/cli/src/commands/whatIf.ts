import {
  whatIf,
  WhatIfError,
  type WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import { CliError, exitCodeFor } from '../exitCodes';
import { WHAT_IF_FORMATTERS } from '../formats';
import { writeOutput, type CliIo } from '../io';
import type { CommonOptions } from '../options';
import { loadFleetInput } from '../fleetInput';
import { taintWhatIfCommand } from './taintWhatIf';

export interface WhatIfOptions extends CommonOptions {
  cluster: string;
  pool: string;
  /** One of osSku, addTaint and removeTaint (commander refuses two). */
  osSku?: string;
  addTaint?: string;
  removeTaint?: string;
  /** For a taint change: YAML `namespaceOwners: [{ namespace, owner }]`. */
  namespaceOwners?: string;
}

/**
 * `winready what-if FILE`: which services get worse if a pool moves SKU, or
 * which workloads a taint change moves off or onto a pool.
 */
export async function whatIfCommand(
  file: string | undefined,
  options: WhatIfOptions,
  io: CliIo,
): Promise<number> {
  if (options.addTaint !== undefined || options.removeTaint !== undefined) {
    return taintWhatIfCommand(file, options, io);
  }
  if (options.osSku === undefined) {
    throw new CliError(
      'what-if needs one change: --os-sku SKU, --add-taint key[=value]:Effect or --remove-taint key',
    );
  }
  const osSku = options.osSku;
  const { fleet, osSkus } = await loadFleetInput(file, options, io);
  let result: WhatIfResult;
  try {
    result = whatIf(
      fleet,
      {
        cluster: options.cluster,
        pool: options.pool,
        osSku,
      },
      { asOf: options.at ?? new Date(), osSkus },
    );
  } catch (error) {
    if (error instanceof WhatIfError) {
      throw new CliError(error.message);
    }
    throw error;
  }
  await writeOutput(io, WHAT_IF_FORMATTERS[options.format](result));
  return exitCodeFor(
    result.impacted.map(impact => impact.after),
    options.failOn,
  );
}
