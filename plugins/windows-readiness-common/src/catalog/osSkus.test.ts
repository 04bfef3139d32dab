import { OS_SKU_TABLE_READ_ON } from './osSkus.data';
import {
  DEFAULT_WINDOWS_OS_SKUS,
  defaultWindowsOsSku,
} from './defaultOsSku.data';
import {
  DEFAULT_OS_SKUS,
  OsSkuInfo,
  UNSOURCED_OVERRIDE,
  buildOsSkuTable,
  daysUntil,
  findOsSku,
  isKubernetesVersionAllowed,
} from './osSkus';

const defaults = buildOsSkuTable();
const sku = (osSku: string): OsSkuInfo => {
  const info = defaults.get(osSku);
  if (!info) {
    throw new Error(`no ${osSku} in the default table`);
  }
  return info;
};

describe('DEFAULT_OS_SKUS', () => {
  // AKS's notices as read on OS_SKU_TABLE_READ_ON; each source says which.
  it.each`
    osSku              | build    | baseImageTag  | successor        | retirementDate  | imageDeletionDate | minKubernetesVersion | maxKubernetesVersion
    ${'Windows2019'}   | ${17763} | ${'ltsc2019'} | ${'Windows2022'} | ${'2026-03-01'} | ${'2027-04-01'}   | ${'1.14'}            | ${'1.32'}
    ${'Windows2022'}   | ${20348} | ${'ltsc2022'} | ${'Windows2025'} | ${'2027-03-15'} | ${'2028-04-01'}   | ${'1.23'}            | ${'1.34'}
    ${'WindowsAnnual'} | ${25398} | ${'ltsc2022'} | ${'Windows2025'} | ${'2026-05-15'} | ${'2027-05-15'}   | ${'1.28'}            | ${'1.33'}
    ${'Windows2025'}   | ${26100} | ${'ltsc2025'} | ${undefined}     | ${undefined}    | ${undefined}      | ${'1.32'}            | ${undefined}
  `('$osSku: build $build, retires $retirementDate', expected => {
    const { sources, ...figures } = sku(expected.osSku);
    expect(sources).toBeDefined();
    expect(figures).toEqual({ osType: 'Windows', ...expected });
  });

  it.each([
    'Ubuntu',
    'Ubuntu2204',
    'Ubuntu2404',
    'AzureLinux',
    'AzureLinux3',
    'CBLMariner',
    'Mariner',
  ])('%s is Linux without a build', osSku => {
    expect(sku(osSku).osType).toBe('Linux');
    expect(sku(osSku).build).toBeUndefined();
  });

  it.each(DEFAULT_OS_SKUS.map(info => [info.osSku, info]))(
    '%s names a source for every figure',
    (_osSku, info) => {
      const figures = Object.entries(info).filter(
        ([field, value]) =>
          value !== undefined && field !== 'osSku' && field !== 'sources',
      );
      for (const [field] of figures) {
        expect(info.sources[field]).toEqual(expect.stringMatching(/\S/));
      }
    },
  );

  it('says the Windows2022 cut-off sources disagree', () => {
    expect(sku('Windows2022').sources.maxKubernetesVersion).toMatch(
      /disagree.*1\.34.*1\.35.*1\.37.*1\.36/s,
    );
  });

  it('keeps the earlier Windows2022 dates and names the extension', () => {
    const { sources } = sku('Windows2022');
    expect(sources.retirementDate).toMatch(/2027-03-15.*2028-06-30/s);
    expect(sources.imageDeletionDate).toMatch(/2028-04-01.*2029-06-30/s);
  });

  it.each(
    DEFAULT_OS_SKUS.filter(info => info.osType === 'Windows').map(info => [
      info.osSku,
      info,
    ]),
  )('%s says when each figure was read', (_osSku, info) => {
    for (const source of Object.values(info.sources)) {
      expect(source).toContain(`read ${OS_SKU_TABLE_READ_ON}`);
    }
  });

  it('passes its own validation', () => {
    expect(() =>
      buildOsSkuTable(DEFAULT_OS_SKUS.map(info => ({ ...info }))),
    ).not.toThrow();
  });
});

describe('buildOsSkuTable', () => {
  it('overrides one figure and keeps the rest', () => {
    const table = buildOsSkuTable([
      {
        osSku: 'Windows2022',
        maxKubernetesVersion: '1.35',
        sources: { maxKubernetesVersion: 'Azure/AKS#9999' },
      },
    ]);
    expect(table.get('Windows2022')).toMatchObject({
      build: 20348,
      retirementDate: '2027-03-15',
      maxKubernetesVersion: '1.35',
      sources: expect.objectContaining({
        maxKubernetesVersion: 'Azure/AKS#9999',
        build: sku('Windows2022').sources.build,
      }),
    });
  });

  it('records an unsourced figure as such', () => {
    const table = buildOsSkuTable([
      { osSku: 'Windows2019', retirementDate: '2026-04-01' },
    ]);
    expect(table.get('Windows2019')?.sources.retirementDate).toBe(
      UNSOURCED_OVERRIDE,
    );
  });

  it('applies overrides in order, later ones winning', () => {
    const table = buildOsSkuTable([
      { osSku: 'Windows2025', retirementDate: '2034-11-01' },
      { osSku: 'Windows2025', retirementDate: '2034-11-14' },
    ]);
    expect(table.get('Windows2025')?.retirementDate).toBe('2034-11-14');
  });

  it('does not change the defaults', () => {
    buildOsSkuTable([{ osSku: 'Windows2019', build: 17764 }]);
    expect(sku('Windows2019').build).toBe(17763);
    expect(DEFAULT_OS_SKUS[0].build).toBe(17763);
  });

  it.each([
    [
      { osSku: 'Windows2028', osType: 'Windows' as const, build: 29000 },
      'Windows',
    ],
    [{ osSku: 'Flatcar' }, 'Linux'],
    [{ osSku: 'AzureContainerLinux', osType: 'Linux' as const }, 'Linux'],
  ])('adds %o as %s', (override, osType) => {
    expect(buildOsSkuTable([override]).get(override.osSku)?.osType).toBe(
      osType,
    );
  });

  const w2022 = 'Windows2022';
  it.each`
    problem                       | override                                             | message
    ${'a new SKU without osType'} | ${{ osSku: 'Windows2028', build: 29000 }}            | ${/osType/}
    ${'a bad osType'}             | ${{ osSku: 'X', osType: 'windows' }}                 | ${/osType/}
    ${'a fractional build'}       | ${{ osSku: w2022, build: 20348.5 }}                  | ${/build/}
    ${'a build above uint16'}     | ${{ osSku: w2022, build: 70000 }}                    | ${/build/}
    ${'a bad date'}               | ${{ osSku: w2022, retirementDate: '15/03/2027' }}    | ${/retirementDate/}
    ${'an impossible date'}       | ${{ osSku: w2022, imageDeletionDate: '2028-02-30' }} | ${/imageDeletionDate/}
    ${'a month 13'}               | ${{ osSku: w2022, imageDeletionDate: '2028-13-01' }} | ${/imageDeletionDate/}
    ${'a patch version as limit'} | ${{ osSku: w2022, maxKubernetesVersion: '1.34.2' }}  | ${/maxKubernetesVersion/}
    ${'min above max'}            | ${{ osSku: w2022, minKubernetesVersion: '1.35' }}    | ${/above/}
    ${'an unknown field'}         | ${{ osSku: w2022, retirmentDate: '2027-03-15' }}     | ${/retirmentDate/}
    ${'no osSku'}                 | ${{ osSku: '' }}                                     | ${/osSku/}
  `('refuses $problem', ({ override, message }) => {
    expect(() => buildOsSkuTable([override])).toThrow(message);
  });
});

describe('findOsSku', () => {
  it.each([
    ['Windows2022', 'Windows2022'],
    ['windows2022', 'Windows2022'],
    ['WINDOWSANNUAL', 'WindowsAnnual'],
    ['Windows2030', undefined],
  ])('finds %s as %s', (wanted, expected) => {
    expect(findOsSku(defaults, wanted)?.osSku).toBe(expected);
  });
});

describe('isKubernetesVersionAllowed', () => {
  it.each([
    ['Windows2019', '1.14', true],
    ['Windows2019', '1.32.7', true],
    ['Windows2019', '1.33.0', false],
    ['Windows2019', '1.13', false],
    ['Windows2022', '1.22.9', false],
    ['Windows2022', '1.23', true],
    ['Windows2022', 'v1.34.1', true],
    ['Windows2022', '1.35.0', false],
    ['WindowsAnnual', '1.28.0', true],
    ['WindowsAnnual', '1.33.2', true],
    ['WindowsAnnual', '1.34.0', false],
    ['Windows2025', '1.31.9', false],
    ['Windows2025', '1.32.0', true],
    ['Windows2025', '1.40.0', true],
    ['Ubuntu', '1.33.2', true],
    ['Windows2022', '2.0.0', false],
  ])('%s on %s: %s', (osSku, version, expected) => {
    expect(isKubernetesVersionAllowed(sku(osSku), version)).toBe(expected);
  });

  it.each(['', 'abc', '1', '1.x', '1.33.2-hotfix', ' 1.33', undefined as any])(
    'cannot tell for %p',
    version => {
      expect(
        isKubernetesVersionAllowed(sku('Windows2022'), version),
      ).toBeUndefined();
    },
  );

  it('cannot tell when the SKU limit itself is junk', () => {
    const broken = { ...sku('Windows2022'), maxKubernetesVersion: 'soon' };
    expect(isKubernetesVersionAllowed(broken, '1.30')).toBeUndefined();
  });
});

describe('daysUntil', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00Z', 0],
    ['2026-03-01', '2026-03-01T23:59:59Z', 0],
    ['2026-03-01', '2026-02-28T23:59:59Z', 1],
    ['2026-03-01', '2026-03-02T00:00:00Z', -1],
    ['2027-03-15', '2026-09-16T12:00:00Z', 180],
    ['2028-04-01', '2027-04-01T00:00:00Z', 366],
  ])('%s as of %s is %i days away', (isoDate, asOf, expected) => {
    expect(daysUntil(isoDate, new Date(asOf))).toBe(expected);
  });

  it.each(['', 'soon', '2026-02-30', '2026-3-1', '2026-03-01T00:00:00Z'])(
    'is NaN for %p',
    isoDate => {
      expect(daysUntil(isoDate, new Date('2026-01-01T00:00:00Z'))).toBeNaN();
    },
  );

  it('is NaN for an invalid as-of date', () => {
    expect(daysUntil('2026-03-01', new Date('junk'))).toBeNaN();
  });
});

describe('DEFAULT_WINDOWS_OS_SKUS: the SKU AKS picks when none is given', () => {
  it.each([
    [14, 'Windows2019'],
    [24, 'Windows2019'],
    [25, 'Windows2022'],
    [36, 'Windows2022'],
    [37, 'Windows2025'],
    [40, 'Windows2025'],
  ])('1.%i: %s', (minor, osSku) => {
    expect(defaultWindowsOsSku(minor).osSku).toBe(osSku);
  });

  it('names a source, with the date it was read, for every row', () => {
    for (const row of DEFAULT_WINDOWS_OS_SKUS) {
      expect(row.source).toContain(`read ${OS_SKU_TABLE_READ_ON}`);
      expect(defaults.get(row.osSku)?.osType).toBe('Windows');
    }
  });
});
