/**
 * A backend replica in a process of its own, for the tests and `bench:scale`
 * that run several replicas on one PostgreSQL and kill one mid-task: the real
 * `createBackend()` with the windows-readiness plugin, its config from the
 * `--config` files (PostgreSQL, the sources), and the catalog's entities from
 * WINREADY_REPLICA_ENTITIES (a JSON file) through the catalog service mock.
 * Says `{ type: 'started', pid }` to its parent once up.
 */
import { readFileSync } from 'node:fs';
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

const entitiesFile = process.env.WINREADY_REPLICA_ENTITIES;
const backend = createBackend();
backend.add(
  catalogServiceMock.factory({
    entities: entitiesFile
      ? JSON.parse(readFileSync(entitiesFile, 'utf8'))
      : [],
  }),
);
backend.add(import('../index'));

function stop() {
  const hard = setTimeout(() => process.exit(1), 5000);
  hard.unref();
  backend.stop().finally(() => process.exit(0));
}
process.once('SIGTERM', stop);
process.once('disconnect', stop);

backend.start().then(
  () => process.send?.({ type: 'started', pid: process.pid }),
  error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    setTimeout(() => process.exit(1), 500).unref();
  },
);
