/**
 * Child process of `yarn bench:api`: a real Backstage backend (new backend
 * system, `createBackend()` from @backstage/backend-defaults) with the
 * windows-readiness plugin, the real catalog, the permission backend with the
 * allow-all policy, the auth backend with the guest provider and the
 * Kubernetes backend. Its config comes from the `--config` files on its
 * command line, as for any Backstage backend. Stops on SIGTERM or when the
 * parent goes.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@winready/plugin-windows-readiness-backend'));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  const hard = setTimeout(() => process.exit(1), 5000);
  hard.unref();
  backend.stop().finally(() => process.exit(0));
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);

// `--profile DIR`: the parent brackets each load run with profile-start and
// profile-stop messages; the CPU profile of that run goes to the given file.
let session: Session | undefined;
process.on('message', (message: any) => {
  const answer = (reply: object) => process.send?.(reply);
  if (message?.type === 'profile-start') {
    if (!session) {
      session = new Session();
      session.connect();
    }
    session
      .post('Profiler.enable')
      .then(() => session!.post('Profiler.start'))
      .then(
        () => answer({ type: 'profile-started' }),
        error => answer({ type: 'error', message: String(error) }),
      );
  } else if (message?.type === 'profile-stop' && session) {
    session
      .post('Profiler.stop')
      .then(({ profile }) => {
        writeFileSync(message.file, JSON.stringify(profile));
        answer({ type: 'profile-stopped', file: message.file });
      })
      .catch(error => answer({ type: 'error', message: String(error) }));
  }
});

backend.start().then(
  () => process.send?.({ type: 'started' }),
  error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    setTimeout(() => process.exit(1), 500).unref();
  },
);
