import type { OsSkuOption } from '@winready/plugin-windows-readiness-common';
import { chosenClusterName } from './chosenCluster';
import {
  lifecycleText,
  notAllowedReason,
  notFittingText,
  osSkuTitle,
  servicesFitText,
} from './osSkuText';

const option = (o: Partial<OsSkuOption>): OsSkuOption => ({
  osSku: 'Windows2022',
  osType: 'Windows',
  services: { fit: 0, noFit: 0, unknown: 0, total: 0 },
  notFitting: [],
  ...o,
});

describe('osSkuText', () => {
  it('names the build, with or without the catalog name', () => {
    expect(
      osSkuTitle(option({ build: 20348, buildName: 'Windows Server 2022' })),
    ).toBe('Windows2022 · 10.0.20348 (Windows Server 2022)');
    expect(
      osSkuTitle(
        option({ build: 20348, buildName: 'Windows Server 2022 (20348)' }),
      ),
    ).toBe('Windows2022 · 10.0.20348 (Windows Server 2022)');
    expect(osSkuTitle(option({ osSku: 'WindowsNext', build: 26200 }))).toBe(
      'WindowsNext · 10.0.26200',
    );
    expect(osSkuTitle(option({ osSku: 'WindowsNext' }))).toBe(
      'WindowsNext · build unknown',
    );
  });

  it('counts the services', () => {
    expect(servicesFitText({ fit: 4, noFit: 0, unknown: 0, total: 4 })).toBe(
      '4 of 4 services can run',
    );
    expect(servicesFitText({ fit: 0, noFit: 0, unknown: 1, total: 1 })).toBe(
      '0 of 1 service can run (1 unknown)',
    );
    expect(servicesFitText({ fit: 0, noFit: 0, unknown: 0, total: 0 })).toBe(
      'No Windows service to check',
    );
  });

  it('explains a refusal only when AKS refuses (common osSkuRefusal)', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(
      notAllowedReason(option({ allowedOnCluster: true }), '1.33.2', now),
    ).toBeUndefined();
    expect(notAllowedReason(option({}), '1.33.2', now)).toBeUndefined();
    expect(
      notAllowedReason(
        option({ allowedOnCluster: false, maxKubernetesVersion: '1.32' }),
        'v1.33.2',
        now,
      ),
    ).toBe('Not allowed on Kubernetes 1.33 (AKS runs it up to 1.32)');
    expect(
      notAllowedReason(option({ allowedOnCluster: false }), undefined, now),
    ).toBe('Not allowed on this cluster');
    // No pool of a retired SKU, whatever the cluster.
    expect(
      notAllowedReason(
        option({ osSku: 'WindowsAnnual', retirementDate: '2026-05-15' }),
        undefined,
        now,
      ),
    ).toBe('Retired on 2026-05-15: AKS creates no new pools of it');
  });

  it('dates the lifecycle from an explicit instant', () => {
    const sku = option({
      retirementDate: '2026-03-01',
      imageDeletionDate: '2027-04-01',
      successor: 'Windows2022',
    });
    expect(lifecycleText(sku, new Date('2026-11-27T12:00:00Z'))).toBe(
      'Retired 2026-03-01; node images deleted on 2027-04-01, successor Windows2022',
    );
    expect(lifecycleText(sku, new Date('2027-05-01T00:00:00Z'))).toBe(
      'Retired 2026-03-01; node images deleted 2027-04-01, successor Windows2022',
    );
    expect(lifecycleText(option({}), new Date())).toBeUndefined();
  });

  it('names the first services that cannot run', () => {
    expect(notFittingText([])).toBeUndefined();
    expect(
      notFittingText([
        'component:default/a',
        'component:shop/b',
        'c',
        'd',
        'e',
      ]),
    ).toBe('Cannot run: a, shop/b, c and 2 more');
  });

  it('reads the chosen cluster from a picker value or a plain name', () => {
    expect(chosenClusterName({ cluster: { name: 'aks-a' } })).toBe('aks-a');
    expect(chosenClusterName({ c: 'aks-b' }, 'c')).toBe('aks-b');
    expect(chosenClusterName({ cluster: {} })).toBeUndefined();
    expect(chosenClusterName({ cluster: '' })).toBeUndefined();
    expect(chosenClusterName(undefined)).toBeUndefined();
  });
});
