import {
  aggregateReport,
  evaluateFleet,
} from '@winready/plugin-windows-readiness-common';
import { exitCodeFor } from '../exitCodes';
import { EVALUATION_FORMATTERS, type EvaluationReport } from '../formats';
import { writeOutput, type CliIo } from '../io';
import type { CommonOptions } from '../options';
import { loadFleetInput } from '../fleetInput';

/** `winready evaluate FILE`: judges every service and cluster of a fleet. */
export async function evaluateCommand(
  file: string | undefined,
  options: CommonOptions,
  io: CliIo,
): Promise<number> {
  const { fleet, osSkus } = await loadFleetInput(file, options, io);
  const result = evaluateFleet(fleet, {
    asOf: options.at ?? new Date(),
    osSkus,
  });
  const report: EvaluationReport = {
    ...result,
    summary: aggregateReport(result.services),
  };
  await writeOutput(io, EVALUATION_FORMATTERS[options.format](report));
  return exitCodeFor(
    result.services.map(service => service.status),
    options.failOn,
  );
}
