import {
  buildOsSkuTable,
  parseNodeImageVersion,
} from '@winready/plugin-windows-readiness-common';
import { nodeImageVersionFor, osTypeOfSku } from './nodeImages';

const osSkus = buildOsSkuTable();

describe('nodeImageVersionFor', () => {
  it.each([
    ['Windows', 'Windows2019', 17763],
    ['Windows', 'Windows2022', 20348],
    ['Windows', 'windows2025', 26100],
    ['Windows', 'WindowsAnnual', 25398],
  ] as const)('%s %s parses back to build %i', (osType, osSku, build) => {
    const parsed = parseNodeImageVersion(
      nodeImageVersionFor(osType, osSku, osSkus),
    );
    expect(parsed).toMatchObject({ os: 'windows', build });
  });

  it.each([
    ['Ubuntu', 'AKSUbuntu-2204gen2containerd-202510.27.0'],
    ['AzureLinux', 'AKSAzureLinux-V3gen2-202510.27.0'],
    ['Flatcar', 'AKSFlatcar-202510.27.0'],
  ])('Linux %s -> %s', (osSku, expected) => {
    const image = nodeImageVersionFor('Linux', osSku, osSkus);
    expect(image).toBe(expected);
    expect(parseNodeImageVersion(image)).toMatchObject({ os: 'linux' });
  });

  it('invents no build for a Windows SKU nobody knows', () => {
    expect(
      nodeImageVersionFor('Windows', 'WindowsNext', osSkus),
    ).toBeUndefined();
  });
});

describe('osTypeOfSku', () => {
  it.each([
    ['Windows2022', 'Windows'],
    ['WindowsNext', 'Windows'],
    ['Ubuntu2404', 'Linux'],
    ['AzureLinux', 'Linux'],
    ['SomethingElse', undefined],
  ])('%s -> %s', (osSku, expected) => {
    expect(osTypeOfSku(osSku, osSkus)).toBe(expected);
  });
});
