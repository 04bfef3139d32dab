import os from 'node:os';
import path from 'node:path';
import { BAD_YAML_FLEET, fixture, tempDir } from './__testUtils__/files';
import { CliError } from './exitCodes';
import { readFleetFile, readOsSkuTable } from './readFleetFile';

const temp = tempDir();
afterAll(() => temp.remove());

describe('readFleetFile', () => {
  it('reads a valid fleet', () => {
    const fleet = readFleetFile(fixture('fleet.yaml'));
    expect(fleet.clusters.map(c => c.name)).toEqual(['aks-test', 'aks-edge']);
  });

  it('names the bad path inside the file and its line', () => {
    const file = fixture('fleet-bad-taint.yaml');
    expect(() => readFleetFile(file)).toThrow(CliError);
    expect(() => readFleetFile(file)).toThrow(
      /fleet-bad-taint\.yaml: invalid fleet file\n {2}clusters\[0\]\.nodePools\[0\]\.taints\[0\] \(line 10\): invalid taint/,
    );
  });

  it('names the line of a YAML syntax error', () => {
    const file = temp.write('fleet-bad-yaml.yaml', BAD_YAML_FLEET);
    expect(() => readFleetFile(file)).toThrow(
      /fleet-bad-yaml\.yaml: invalid fleet file\n.*\(line \d+\)/,
    );
  });

  it('says which file it cannot read', () => {
    const missing = path.join(os.tmpdir(), 'winready-no-such-fleet.yaml');
    expect(() => readFleetFile(missing)).toThrow(
      `Cannot read fleet file ${missing}: ENOENT`,
    );
  });
});

describe('readOsSkuTable', () => {
  const write = temp.write;

  it('is the built-in table without a file', () => {
    expect(readOsSkuTable().get('Windows2022')?.build).toBe(20348);
  });

  it('applies the overrides of a YAML file', () => {
    const table = readOsSkuTable(fixture('os-skus.yaml'));
    expect(table.get('Windows2022')).toMatchObject({
      build: 20348,
      retirementDate: '2030-01-01',
      sources: { retirementDate: 'a test fixture' },
    });
  });

  it('reads JSON too', () => {
    const file = write(
      'skus.json',
      '[{"osSku":"Windows2031","osType":"Windows","build":30000}]',
    );
    expect(readOsSkuTable(file).get('Windows2031')?.build).toBe(30000);
  });

  it.each([
    [
      'bad.yaml',
      'next spring',
      'os-skus-bad.yaml: OS SKU "Windows2022": retirementDate must be an ISO date',
    ],
    [
      'map.yaml',
      'osSku: Windows2022\n',
      'map.yaml: expected a list of OS SKU overrides',
    ],
    [
      'nameless.yaml',
      '- osSku: Windows2022\n- build: 1\n',
      'nameless.yaml: [1]: an override needs an osSku',
    ],
    ['syntax.yaml', '- { osSku: [\n', 'syntax.yaml: invalid YAML'],
    [
      'typo.yaml',
      '- { osSku: Windows2022, retirment: 2027-01-01 }\n',
      'typo.yaml: OS SKU "Windows2022": unknown field retirment',
    ],
  ])('rejects %s naming the file', (name, text, message) => {
    const file =
      name === 'bad.yaml' ? fixture('os-skus-bad.yaml') : write(name, text);
    expect(() => readOsSkuTable(file)).toThrow(CliError);
    expect(() => readOsSkuTable(file)).toThrow(message);
  });

  it('says which overrides file it cannot read', () => {
    expect(() => readOsSkuTable(path.join(temp.dir, 'none.yaml'))).toThrow(
      /Cannot read OS SKU overrides file .*none\.yaml/,
    );
  });
});
