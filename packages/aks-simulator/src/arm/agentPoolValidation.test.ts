import {
  buildOsSkuTable,
  type NodePool,
} from '@winready/plugin-windows-readiness-common';
import { validateAgentPoolPut } from './agentPoolValidation';

const osSkus = buildOsSkuTable();

function put(name: string, properties: unknown, existing?: NodePool) {
  return validateAgentPoolPut({
    name,
    body: properties === undefined ? {} : { properties },
    existing,
    kubernetesVersion: '1.33.2',
    osSkus,
  });
}

const legacy: NodePool = {
  name: 'npwin',
  osType: 'Windows',
  osSku: 'Windows2019',
  count: 2,
  nodeImageVersion: 'AKSWindows-2019-containerd-17763.6532.241101',
  kernelVersion: '10.0.17763.6532',
  taints: ['sku=win:NoSchedule'],
};

describe('validateAgentPoolPut', () => {
  it.each([
    ['no properties', 'np1', undefined, undefined, 'InvalidRequestContent'],
    [
      'an upper-case name',
      'NP1',
      { osType: 'Linux' },
      undefined,
      'InvalidParameter',
    ],
    [
      'a 13-character name',
      'np12345678901',
      { osType: 'Linux' },
      undefined,
      'InvalidParameter',
    ],
    [
      'a 7-character Windows name',
      'npwin22',
      { osType: 'Windows' },
      undefined,
      'InvalidParameter',
    ],
    [
      'an unknown osType',
      'np1',
      { osType: 'Plan9' },
      undefined,
      'InvalidParameter',
    ],
    [
      'Windows in System mode',
      'npw',
      { osType: 'Windows', mode: 'System' },
      undefined,
      'InvalidParameter',
    ],
    [
      'a Linux SKU for Windows',
      'npw',
      { osType: 'Windows', osSKU: 'Ubuntu' },
      undefined,
      'InvalidOSSKU',
    ],
    [
      'a Windows SKU for Linux',
      'np1',
      { osType: 'Linux', osSKU: 'Windows2022' },
      undefined,
      'InvalidOSSKU',
    ],
    ['count -1', 'np1', { count: -1 }, undefined, 'InvalidParameter'],
    ['count 1001', 'np1', { count: 1001 }, undefined, 'InvalidParameter'],
    ['count 1.5', 'np1', { count: 1.5 }, undefined, 'InvalidParameter'],
    [
      'a bad taint',
      'np1',
      { nodeTaints: ['nope'] },
      undefined,
      'InvalidParameter',
    ],
    [
      'a reserved label',
      'np1',
      { nodeLabels: { 'kubernetes.azure.com/mode': 'x' } },
      undefined,
      'InvalidParameter',
    ],
    [
      'a bad orchestratorVersion',
      'np1',
      { orchestratorVersion: 'latest' },
      undefined,
      'InvalidParameter',
    ],
    [
      'an osType change',
      'npwin',
      { osType: 'Linux' },
      legacy,
      'OperationNotAllowed',
    ],
    [
      'a Windows2019 -> 2022 switch in place',
      'npwin',
      { osSKU: 'Windows2022' },
      legacy,
      'OperationNotAllowed',
    ],
  ])('refuses %s', (_what, name, properties, existing, code) => {
    const result = put(name, properties, existing);
    expect(result).toEqual({
      rejection: { status: 400, code, message: expect.any(String) },
    });
  });

  it.each([
    [
      'a Windows pool, with AKS defaults and a derived image',
      'npw3',
      {
        osType: 'Windows',
        osSKU: 'Windows2025',
        count: 2,
        nodeTaints: ['os=windows:NoSchedule'],
      },
      undefined,
      {
        name: 'npw3',
        osType: 'Windows',
        osSku: 'Windows2025',
        mode: 'User',
        count: 2,
        vmSize: 'Standard_D4s_v5',
        nodeImageVersion: 'AKSWindows-2025-gen2-26100.6905.251027',
        taints: ['os=windows:NoSchedule'],
        labels: {},
      },
    ],
    [
      'a Windows pool without osSKU (AKS default for 1.33: Windows2022)',
      'npw',
      { osType: 'windows' },
      undefined,
      expect.objectContaining({
        osType: 'Windows',
        osSku: 'Windows2022',
        count: 1,
      }),
    ],
    [
      'a Linux pool with the defaults',
      'np1',
      {},
      undefined,
      expect.objectContaining({
        osType: 'Linux',
        osSku: 'Ubuntu',
        mode: 'User',
      }),
    ],
    [
      'a scale of an existing pool, keeping its image and kernel',
      'npwin',
      { count: 5 },
      legacy,
      {
        ...legacy,
        count: 5,
        mode: 'User',
        vmSize: 'Standard_D4s_v5',
        labels: {},
      },
    ],
  ])('accepts %s', (_what, name, properties, existing, expected) => {
    expect(put(name, properties, existing)).toEqual({
      pool: expected,
      settings: { enableAutoScaling: false, maxPods: 30 },
    });
  });
});
