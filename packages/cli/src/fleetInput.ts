import type {
  Fleet,
  OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import { CliError } from './exitCodes';
import type { CliIo } from './io';
import { collectLiveFleet } from './liveFleet';
import type { CommonOptions } from './options';
import { readFleetFile, readOsSkuTable } from './readFleetFile';

/** The fleet to judge: a file, or the live sources with --live. */
export async function loadFleetInput(
  file: string | undefined,
  options: CommonOptions,
  io: CliIo,
): Promise<{ fleet: Fleet; osSkus: OsSkuTable }> {
  if (options.live) {
    if (file)
      throw new CliError('give either a fleet file or --live, not both');
    const live = await collectLiveFleet(options.config ?? [], io);
    return {
      fleet: live.fleet,
      osSkus: readOsSkuTable(options.osSkus, live.osSkuOverrides),
    };
  }
  if (!file) throw new CliError('missing fleet file (or --live --config FILE)');
  return { fleet: readFleetFile(file), osSkus: readOsSkuTable(options.osSkus) };
}
