import { parseNodeImageVersion } from './nodeImageVersion';

describe('parseNodeImageVersion', () => {
  // Every example of the facts doc, section 4.5.
  it.each([
    [
      'AKSWindows-2019-containerd-17763.4851.230914',
      '2019',
      true,
      false,
      17763,
      4851,
      '230914',
    ],
    [
      'AKSWindows-2022-containerd-20348.2340.240401',
      '2022',
      true,
      false,
      20348,
      2340,
      '240401',
    ],
    [
      'AKSWindows-2022-20348.4171.250910',
      '2022',
      false,
      false,
      20348,
      4171,
      '250910',
    ],
    [
      'AKSWindows-23H2-gen2-25398.1611.250518',
      '23H2',
      false,
      true,
      25398,
      1611,
      '250518',
    ],
    [
      'AKSWindows-2025-26100.4061.250518',
      '2025',
      false,
      false,
      26100,
      4061,
      '250518',
    ],
    [
      'AKSWindows-2025-gen2-26100.6905.251027',
      '2025',
      false,
      true,
      26100,
      6905,
      '251027',
    ],
    // The design's fleet example, and both flags together.
    [
      'AKSWindows-2022-containerd-20348.2582.240716',
      '2022',
      true,
      false,
      20348,
      2582,
      '240716',
    ],
    [
      'AKSWindows-2022-containerd-gen2-20348.2582.240716',
      '2022',
      true,
      true,
      20348,
      2582,
      '240716',
    ],
  ])('parses %s', (raw, sku, containerd, gen2, build, revision, imageDate) => {
    expect(parseNodeImageVersion(raw)).toEqual({
      os: 'windows',
      sku,
      containerd,
      gen2,
      build,
      revision,
      imageDate,
      raw,
    });
  });

  it.each([
    [
      'AKSUbuntu-2204gen2containerd-202407.03.0',
      'Ubuntu-2204gen2containerd',
      '202407.03',
      0,
    ],
    ['AKSAzureLinux-V3gen2-202501.28.0', 'AzureLinux-V3gen2', '202501.28', 0],
    [
      'AKSUbuntu-2404gen2containerd-202510.27.0',
      'Ubuntu-2404gen2containerd',
      '202510.27',
      0,
    ],
    ['AKSCBLMariner-V2gen2-202407.03.1', 'CBLMariner-V2gen2', '202407.03', 1],
  ])('parses the Linux image %s', (raw, distro, imageDate, sequence) => {
    expect(parseNodeImageVersion(raw)).toEqual({
      os: 'linux',
      distro,
      imageDate,
      sequence,
      raw,
    });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 20348],
    ['an object', { nodeImageVersion: 'AKSWindows-2022-20348.1.240101' }],
    ['an empty string', ''],
    ['plain text', 'abc'],
    ['only the prefix', 'AKSWindows-'],
    ['no SKU', 'AKSWindows-20348.2340.240401'],
    ['an empty SKU', 'AKSWindows--20348.2340.240401'],
    ['a four-digit build', 'AKSWindows-2022-2034.2340.240401'],
    ['a six-digit build', 'AKSWindows-2022-203480.2340.240401'],
    ['a missing UBR', 'AKSWindows-2022-20348..240401'],
    ['an eight-digit date', 'AKSWindows-2022-20348.2340.20240401'],
    ['month 13', 'AKSWindows-2022-20348.2340.241301'],
    ['day 00', 'AKSWindows-2022-20348.2340.240400'],
    ['an unknown flag', 'AKSWindows-2022-arm64-20348.2340.240401'],
    ['a repeated flag', 'AKSWindows-2022-gen2-gen2-20348.2340.240401'],
    ['flags out of order', 'AKSWindows-2022-gen2-containerd-20348.2340.240401'],
    ['a Linux date on Windows', 'AKSWindows-2022-containerd-202407.03.0'],
    ['no dash before the Windows build', 'AKSWindows-2022_20348.2340.240401'],
    ['a lower-case prefix', 'akswindows-2022-20348.2340.240401'],
    ['trailing whitespace', 'AKSWindows-2022-20348.2340.240401 '],
    ['leading whitespace', ' AKSUbuntu-2204gen2containerd-202407.03.0'],
    ['a Linux month 13', 'AKSUbuntu-2204gen2containerd-202413.03.0'],
    ['a Linux day 32', 'AKSUbuntu-2204gen2containerd-202407.32.0'],
    ['a Linux date in another layout', 'AKSUbuntu-1804-2022.10.03'],
    ['no Linux sequence', 'AKSUbuntu-2204gen2containerd-202407.03'],
    ['no AKS prefix', 'Ubuntu-2204gen2containerd-202407.03.0'],
    ['a Linux image without a name', 'AKS-202407.03.0'],
    ['a very long string', `AKSUbuntu-${'x'.repeat(500)}-202407.03.0`],
  ])('rejects %s', (_label, input) => {
    expect(parseNodeImageVersion(input)).toBeUndefined();
  });
});
