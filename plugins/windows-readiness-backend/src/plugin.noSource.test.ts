/**
 * A backend with no source says so once at start-up, naming the keys to set,
 * instead of logging "0 clusters" at every refresh and leaving the report
 * empty with no hint why.
 */
import type { JsonObject } from '@backstage/types';
import { startReadinessBackend } from './__testUtils__/harness';
import { recordingRootLogger, type LogRecord } from './__testUtils__/logging';

jest.setTimeout(60_000);

async function startupWarnings(config: JsonObject) {
  const logs: LogRecord[] = [];
  const backend = await startReadinessBackend({
    config,
    features: [recordingRootLogger(logs)],
  });
  await backend.stop();
  return logs.filter(
    log => log.level === 'warn' && log.meta.plugin === 'windows-readiness',
  );
}

describe('the windows-readiness backend at start-up', () => {
  it('warns once when no cluster source is configured, naming the keys', async () => {
    const warnings = await startupWarnings({});
    const noSource = warnings.filter(w =>
      w.message.includes('no cluster source is configured'),
    );
    expect(noSource).toHaveLength(1);
    expect(noSource[0].message).toContain('nothing will be collected');
    for (const key of [
      'windowsReadiness.azure.subscriptions',
      'windowsReadiness.kubernetes.clusters',
      'windowsReadiness.kubernetes.useKubernetesPluginClusters',
    ]) {
      expect(noSource[0].message).toContain(key);
    }
  });

  it('does not warn when a cluster is configured', async () => {
    // The schedule never fires in this test: the cluster is never contacted.
    const warnings = await startupWarnings({
      windowsReadiness: {
        kubernetes: {
          clusters: [{ name: 'onprem', url: 'https://127.0.0.1:6443' }],
        },
      },
    });
    expect(
      warnings.filter(w =>
        w.message.includes('no cluster source is configured'),
      ),
    ).toEqual([]);
  });
});
