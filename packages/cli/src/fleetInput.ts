import type {
  Fleet,
  OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import { CliError } from './exitCodes';
import type { CliIo } from './io';
import { maxFileSize } from './fileSize';
import { collectLiveFleet } from './liveFleet';
import type { CommonOptions } from './options';
import { readFleetFile, readOsSkuTable } from './readFleetFile';

/** The fleet to judge: a file, or the live sources with --live. */
export async function loadFleetInput(
  file: string | undefined,
  options: CommonOptions,
  io: CliIo,
): Promise<{ fleet: Fleet; osSkus: OsSkuTable }> {
  const maxBytes = maxFileSize(options.maxFileSize);
  if (options.live) {
    if (file)
      throw new CliError('give either a fleet file or --live, not both');
    const live = await collectLiveFleet(options.config ?? [], io);
    return {
      fleet: live.fleet,
      osSkus: readOsSkuTable(options.osSkus, live.osSkuOverrides, maxBytes),
    };
  }
  if (!file) throw new CliError('missing fleet file (or --live --config FILE)');
  return {
    fleet: readFleetFile(file, maxBytes),
    osSkus: readOsSkuTable(options.osSkus, [], maxBytes),
  };
}
