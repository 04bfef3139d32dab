/**
 * The measuring side (the child process, or `--measure FILE`): JSON.parse of
 * the fleet text as the floor, then evaluateFleet, each over 1 warm-up and N
 * measured runs, sampling RSS and heap between the steps.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  evaluateFleet,
  type EvaluationResult,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { countResults, type ResultCounts } from './counts';
import { progress } from './progress';
import { median } from '../shared/stats';

export const MB = 1024 * 1024;

/** Timings of the measured runs (the warm-up left out). */
export interface RunTimes {
  runsMs: number[];
  minMs: number;
  medianMs: number;
}

export interface Measurement {
  jsonBytes: number;
  parse: RunTimes;
  evaluate: { warmupMs: number } & RunTimes;
  memory: {
    /** Highest process.memoryUsage().rss seen at the samples (before and after each step). */
    sampledPeakRssMb: number;
    /** process.resourceUsage().maxRSS: the true high-water mark of the process. */
    maxRssMb: number;
    /** maxRSS when the fleet was loaded (file text + parsed fleet), before any evaluation. */
    maxRssLoadMb: number;
    /** rss holding the parsed fleet only (text dropped, after GC). */
    rssFleetMb: number;
    /** Highest rss right after an evaluateFleet run. */
    rssEvaluateMb: number;
    heapUsedFleetMb: number;
    /** Highest heapUsed right after an evaluateFleet run, before GC (result + garbage). */
    heapUsedEvaluatePeakMb: number;
    /** heapUsed after GC with the fleet and one result alive. */
    heapUsedAfterEvaluationMb: number;
  };
  counts: ResultCounts;
}

function runTimes(runsMs: number[]): RunTimes {
  return { runsMs, minMs: Math.min(...runsMs), medianMs: median(runsMs) };
}

function collectGarbage() {
  globalThis.gc?.();
}

// Run 0 is the warm-up.
function progressRun(step: string, run: number, runs: number, ms: number) {
  progress(
    `${step} ${run === 0 ? 'warm-up' : `run ${run}/${runs}`}: ${ms.toFixed(
      0,
    )} ms`,
  );
}

export function measure(file: string, runs: number, asOf: Date): Measurement {
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  sample();
  let text: string | undefined = readFileSync(file, 'utf8');
  const jsonBytes = Buffer.byteLength(text);
  sample();

  const parseRuns: number[] = [];
  for (let run = 0; run <= runs; run++) {
    collectGarbage();
    const start = performance.now();
    const parsed: unknown = JSON.parse(text);
    const ms = performance.now() - start;
    sample();
    if (!parsed) throw new Error('the fleet JSON parsed to nothing');
    if (run > 0) parseRuns.push(ms);
    progressRun('parse', run, runs, ms);
  }
  const fleet = JSON.parse(text) as Fleet;
  sample();
  const maxRssLoad = process.resourceUsage().maxRSS * 1024;
  text = undefined;
  collectGarbage();
  const { heapUsed: heapUsedFleet, rss: rssFleet } = process.memoryUsage();
  sample();
  let rssEvaluate = 0;
  let heapEvaluate = 0;

  const evaluateRuns: number[] = [];
  let warmupMs = 0;
  let result: EvaluationResult | undefined;
  for (let run = 0; run <= runs; run++) {
    result = undefined;
    collectGarbage();
    sample();
    const start = performance.now();
    result = evaluateFleet(fleet, { asOf });
    const ms = performance.now() - start;
    const after = process.memoryUsage();
    rssEvaluate = Math.max(rssEvaluate, after.rss);
    heapEvaluate = Math.max(heapEvaluate, after.heapUsed);
    sample();
    if (run === 0) warmupMs = ms;
    else evaluateRuns.push(ms);
    progressRun('evaluate', run, runs, ms);
  }
  collectGarbage();
  const heapUsedAfter = process.memoryUsage().heapUsed;
  sample();
  const counts = countResults(result!);

  return {
    jsonBytes,
    parse: runTimes(parseRuns),
    evaluate: { warmupMs, ...runTimes(evaluateRuns) },
    memory: {
      sampledPeakRssMb: peakRss / MB,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      maxRssLoadMb: maxRssLoad / MB,
      rssFleetMb: rssFleet / MB,
      rssEvaluateMb: rssEvaluate / MB,
      heapUsedFleetMb: heapUsedFleet / MB,
      heapUsedEvaluatePeakMb: heapEvaluate / MB,
      heapUsedAfterEvaluationMb: heapUsedAfter / MB,
    },
    counts,
  };
}
