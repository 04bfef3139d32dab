import {
  aggregateReport,
  type CheckResult,
  type ServiceResult,
  type WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import type { EvaluationReport } from '../formats';

// Hand-built results, so that the format tests do not move when the
// engine's wording does; messages carry the characters formats must escape.

function check(
  id: CheckResult['id'],
  result: CheckResult['result'],
  message: string,
  remediation?: CheckResult['remediation'],
): CheckResult {
  return { id, result, message, evidence: [], remediation };
}

function service(
  id: string,
  status: ServiceResult['status'],
  checks: CheckResult[],
): ServiceResult {
  return {
    id,
    status,
    involvesWindows: status !== 'not-applicable',
    clusters: ['aks-test'],
    checks,
    workloads: [],
  };
}

const services: ServiceResult[] = [
  service('api', 'not-applicable', [
    check('linux-isolation', 'pass', 'The workload cannot land on Windows.'),
  ]),
  service('legacy', 'blocked', [
    check(
      'image-os-build',
      'fail',
      'Image "legacy:1, old" cannot start on npwin\n(10.0.20348).',
      {
        summary: 'Rebuild the image on ltsc2022.',
        snippet: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
        snippetLanguage: 'dockerfile',
      },
    ),
    check('os-selector', 'warn', 'Selects Windows | via the beta label.'),
  ]),
  service('multi', 'at-risk', [
    check('os-sku-lifecycle', 'warn', 'Windows2022 retires soon.', {
      summary: 'Move to Windows2025.',
      snippet: 'echo ```not a fence```',
      snippetLanguage: 'shell',
    }),
  ]),
  service('modern', 'ready', [
    check('image-os-build', 'pass', 'The images start on npwin.'),
  ]),
  // docs/rules.md rule 8: an unknown service says what could not be told and
  // what would settle it.
  service('unsure', 'unknown', [
    check(
      'image-os-build',
      'unknown',
      'Cannot tell whether the images start on npwin: the registry has not described contoso.azurecr.io/app:7.3.',
      {
        summary:
          "To settle it: check the registry's credentials (contoso.azurecr.io/app:7.3).",
      },
    ),
  ]),
];

export const sampleReport: EvaluationReport = {
  asOf: '2026-11-01T00:00:00.000Z',
  services,
  clusters: [
    {
      name: 'aks-test',
      errors: [
        {
          source: 'kubernetes',
          errorType: 'FETCH_ERROR',
          statusCode: 503,
          message: 'API server unavailable',
        },
      ],
      pools: [
        {
          name: 'npwin',
          osType: 'Windows',
          osSku: 'Windows2022',
          windowsBuild: '10.0.20348.2582',
          taints: ['sku=win:NoSchedule'],
          services: ['legacy', 'multi'],
        },
      ],
      checks: [check('windows-pool-taint', 'warn', 'Pool npwin has no taint.')],
    },
  ],
  summary: aggregateReport(services),
};

export const sampleWhatIf: WhatIfResult = {
  cluster: 'aks-test',
  pool: 'npwin',
  fromOsSku: 'Windows2022',
  toOsSku: 'Windows2019',
  asOf: '2026-11-01T00:00:00.000Z',
  impacted: [
    {
      id: 'modern',
      before: 'ready',
      after: 'blocked',
      reasons: [
        'image-os-build: no "2019" platform, none at all',
        'upgrade-path: a | b',
      ],
    },
    { id: 'quiet', before: 'ready', after: 'unknown', reasons: [] },
  ],
};

export const emptyWhatIf: WhatIfResult = { ...sampleWhatIf, impacted: [] };
