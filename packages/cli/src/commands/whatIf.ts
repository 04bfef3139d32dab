import {
  whatIf,
  WhatIfError,
  type WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import { CliError, exitCodeFor } from '../exitCodes';
import { WHAT_IF_FORMATTERS } from '../formats';
import type { CliIo } from '../io';
import type { CommonOptions } from '../options';
import { readFleetFile, readOsSkuTable } from '../readFleetFile';

export interface WhatIfOptions extends CommonOptions {
  cluster: string;
  pool: string;
  osSku: string;
}

/** `winready what-if FILE`: which services get worse if a pool moves SKU. */
export function whatIfCommand(
  file: string,
  options: WhatIfOptions,
  io: CliIo,
): number {
  const fleet = readFleetFile(file);
  const osSkus = readOsSkuTable(options.osSkus);
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
  io.stdout(WHAT_IF_FORMATTERS[options.format](result));
  return exitCodeFor(
    result.impacted.map(impact => impact.after),
    options.failOn,
  );
}
