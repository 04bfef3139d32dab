import type { CheckResult } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';
import { isBlockingTaint } from '../scheduling/taints';
import { result } from './context';

const ID = 'windows-pool-taint';

/** Cluster check: an untainted Windows pool attracts every Linux pod without an OS selector. */
export function checkWindowsPoolTaint(
  cluster: string,
  pools: readonly PoolProfile[],
): CheckResult {
  const windowsPools = pools.filter(pool => pool.osType === 'Windows');
  if (windowsPools.length === 0) {
    return result(ID, 'skip', 'The cluster has no Windows pool.');
  }
  const untainted = windowsPools.filter(
    pool => !pool.taints.some(isBlockingTaint),
  );
  if (untainted.length === 0) {
    return result(
      ID,
      'pass',
      'Every Windows pool carries a NoSchedule or NoExecute taint.',
    );
  }
  return result(
    ID,
    'warn',
    `Windows pool(s) ${untainted
      .map(pool => pool.name)
      .join(
        ', ',
      )} carry no NoSchedule/NoExecute taint: Linux pods without an OS selector can land there.`,
    untainted.map(pool => ({ cluster, pool: pool.name, osSku: pool.osSku })),
    {
      summary:
        'Taint the Windows pool and give the Windows workloads the matching toleration.',
      snippetLanguage: 'shell',
      snippet: `az aks nodepool update --cluster-name ${cluster} --name ${untainted[0].name} --resource-group <rg> --node-taints sku=win:NoSchedule`,
    },
  );
}
