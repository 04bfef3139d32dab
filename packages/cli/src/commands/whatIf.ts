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

export interface WhatIfOptions extends CommonOptions {
  cluster: string;
  pool: string;
  osSku: string;
}

/** `winready what-if FILE`: which services get worse if a pool moves SKU. */
export async function whatIfCommand(
  file: string | undefined,
  options: WhatIfOptions,
  io: CliIo,
): Promise<number> {
  const { fleet, osSkus } = await loadFleetInput(file, options, io);
  let result: WhatIfResult;
  try {
    result = whatIf(
      fleet,
      {
        cluster: options.cluster,
        pool: options.pool,
        osSku: options.osSku,
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
