/**
 * The floor (the child process, or `--floor FILE` by hand): fetches once,
 * raw, every distinct request the collector made (the same ARM pages and
 * credentials, the same Kubernetes list URLs with the same `limit` and
 * `continue`, the same registry manifests and config blobs, as the simulator
 * logged them), keeps the bodies, then times JSON.parse over all of them:
 * what collecting costs with no client, no model classes and no joins.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MANIFEST_ACCEPT } from '@winready/plugin-windows-readiness-node';
import { Agent, request } from 'undici';
import { progress } from '../evaluate/progress';
import type { LoggedRequest } from './simulator';
import { median } from '../shared/stats';

const MB = 1024 * 1024;
const FETCH_CONCURRENCY = 8;

export interface FloorInput {
  baseUrl: string;
  caFile: string;
  kubernetesToken: string;
  /** The bearer token ARM wants (the config's static credential). */
  armToken: string;
  /** Distinct requests, with the status the collector got. */
  requests: LoggedRequest[];
  runs: number;
}

export interface FloorMeasurement {
  requests: number;
  fetchMs: number;
  /** Requests whose status differs from the one the collector got. */
  statusMismatches: number;
  sampleMismatches: string[];
  bytes: number;
  /** By area (`arm`, `kubernetes`, `registry`): bodies and bytes. */
  byArea: Record<string, { bodies: number; bytes: number }>;
  /** Bodies that are not JSON (left out of the parse timing). */
  notJson: number;
  parse: {
    warmupMs: number;
    runsMs: number[];
    minMs: number;
    medianMs: number;
  };
  maxRssMb: number;
}

function headersFor(input: FloorInput, logged: LoggedRequest) {
  const area = logged.kind.split('.')[0];
  if (area === 'arm') return { authorization: `Bearer ${input.armToken}` };
  if (area === 'kubernetes') {
    return {
      authorization: `Bearer ${input.kubernetesToken}`,
      accept: 'application/json',
    };
  }
  if (logged.kind === 'registry.manifests') return { accept: MANIFEST_ACCEPT };
  return { accept: '*/*' };
}

export async function measureFloor(file: string): Promise<FloorMeasurement> {
  const input = JSON.parse(readFileSync(file, 'utf8')) as FloorInput;
  const agent = new Agent({
    connect: { ca: readFileSync(input.caFile, 'utf8') },
  });
  const bodies: string[] = new Array(input.requests.length);
  const byArea: FloorMeasurement['byArea'] = {};
  const mismatches: string[] = [];
  let bytes = 0;
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < input.requests.length) {
      const index = next++;
      const logged = input.requests[index];
      const res = await request(`${input.baseUrl}${logged.url}`, {
        method: logged.method as 'GET' | 'POST',
        headers: headersFor(input, logged),
        dispatcher: agent,
      });
      const body = Buffer.from(await res.body.arrayBuffer());
      if (res.statusCode !== logged.status) {
        mismatches.push(
          `${logged.method} ${logged.url}: ${res.statusCode}, the collector got ${logged.status}`,
        );
      }
      bodies[index] = body.toString('utf8');
      bytes += body.length;
      const area = logged.kind.split('.')[0];
      const entry = (byArea[area] ??= { bodies: 0, bytes: 0 });
      entry.bodies++;
      entry.bytes += body.length;
    }
  };
  await Promise.all(Array.from({ length: FETCH_CONCURRENCY }, worker));
  const fetchMs = performance.now() - start;
  await agent.close();
  progress(
    `floor: fetched ${input.requests.length} responses, ${(bytes / MB).toFixed(
      1,
    )} MB, in ${fetchMs.toFixed(0)} ms`,
  );

  const json = bodies.filter(body => {
    try {
      JSON.parse(body);
      return true;
    } catch {
      return false;
    }
  });
  const runsMs: number[] = [];
  let warmupMs = 0;
  let parsed = 0;
  for (let run = 0; run <= input.runs; run++) {
    globalThis.gc?.();
    const t = performance.now();
    for (const body of json) if (JSON.parse(body) !== undefined) parsed++;
    const ms = performance.now() - t;
    if (run === 0) warmupMs = ms;
    else runsMs.push(ms);
    progress(
      `floor: JSON.parse ${
        run === 0 ? 'warm-up' : `run ${run}/${input.runs}`
      }: ${ms.toFixed(0)} ms`,
    );
  }
  if (parsed !== json.length * (input.runs + 1)) {
    throw new Error('JSON.parse parsed fewer bodies than it was given');
  }
  return {
    requests: input.requests.length,
    fetchMs,
    statusMismatches: mismatches.length,
    sampleMismatches: mismatches.slice(0, 5),
    bytes,
    byArea,
    notJson: bodies.length - json.length,
    parse: {
      warmupMs,
      runsMs,
      minMs: Math.min(...runsMs),
      medianMs: median(runsMs),
    },
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
