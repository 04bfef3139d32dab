import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseFleet } from '../fleet/loadFleet';
import type { Fleet } from '../model';

/** examples/fleets/demo.yaml: the story the tests pin down. */
export const DEMO_FLEET_PATH = resolve(
  __dirname,
  '../../../../examples/fleets/demo.yaml',
);

export function loadDemoFleet(): Fleet {
  return parseFleet(readFileSync(DEMO_FLEET_PATH, 'utf8'), 'demo.yaml');
}
