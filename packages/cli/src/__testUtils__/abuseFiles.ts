import fs from 'node:fs';
import path from 'node:path';
import { parseFleet } from '@winready/plugin-windows-readiness-common';

const DEMO = path.resolve(__dirname, '../../../../examples/fleets/demo.yaml');

/**
 * examples/fleets/demo.yaml as pretty-printed JSON, its clusters repeated
 * `copies` times under new names (about 33 kB a copy); optionally with an
 * invalid taint on a pool of the very last cluster.
 */
/** How many clusters one copy of the demo fleet holds. */
export function demoClusterCount(): number {
  return parseFleet(fs.readFileSync(DEMO, 'utf8'), DEMO).clusters.length;
}

export function demoFleetJson(
  copies: number,
  options: { badTaintInLastCluster?: boolean } = {},
): string {
  const demo = parseFleet(fs.readFileSync(DEMO, 'utf8'), DEMO);
  const clusters = Array.from({ length: copies }, (_, i) =>
    demo.clusters.map(cluster => ({
      ...cluster,
      name: `${cluster.name}-${i}`,
    })),
  ).flat();
  if (options.badTaintInLastCluster) {
    const last = clusters[clusters.length - 1];
    clusters[clusters.length - 1] = {
      ...last,
      nodePools: last.nodePools.map((pool, i) =>
        i === last.nodePools.length - 1
          ? { ...pool, taints: ['sku=win'] }
          : pool,
      ),
    };
  }
  return `${JSON.stringify({ ...demo, clusters }, null, 2)}\n`;
}

/** `length` bytes from a seeded xorshift PRNG: the same "random" file each run. */
export function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}
