import { pathToFileURL } from 'node:url';
import {
  CHECKS,
  type CheckResultValue,
  type ManifestCheckResult,
} from '@winready/plugin-windows-readiness-common';
import { findingsOf, findingText, workloadRef } from './findings';

/** SARIF 2.1.0 (OASIS): the log GitHub code scanning and other viewers read. */
const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Partial<Record<CheckResultValue, 'error' | 'warning' | 'note'>> = {
  fail: 'error',
  warn: 'warning',
  unknown: 'note',
};

// Rule names are PascalCase in SARIF viewers: image-os-build -> ImageOsBuild.
const ruleName = (id: string) =>
  id.replace(/(^|-)([a-z])/g, (_, _dash, char: string) => char.toUpperCase());

/**
 * A relative path stays relative to the repository (`%SRCROOT%`, as code
 * scanning expects); an absolute one becomes a file: URI.
 */
function artifactLocation(file: string) {
  if (file.startsWith('/') || /^[a-z]:[\\/]/i.test(file)) {
    return { uri: pathToFileURL(file).href };
  }
  return {
    uri: file.split('/').map(encodeURIComponent).join('/'),
    uriBaseId: '%SRCROOT%',
  };
}

/**
 * One SARIF run: the check catalog as rules (ids are the check ids), and a
 * result per failing, warning or unknown check of each workload, located at
 * the file and line of the workload's document.
 */
export function formatCheckSarif(
  result: ManifestCheckResult,
  version: string,
): string {
  const ruleIndex = new Map(CHECKS.map((check, index) => [check.id, index]));
  const rules = CHECKS.map(check => ({
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.description },
    help: {
      text: `${check.description} The winready README lists every check ("The checks").`,
    },
    defaultConfiguration: {
      level: check.results.includes('fail') ? 'error' : 'warning',
    },
    properties: { tags: ['windows', 'kubernetes', 'aks'], scope: check.scope },
  }));
  const results = findingsOf(result).map(finding => {
    const { workload, check } = finding;
    return {
      ruleId: check.id,
      ruleIndex: ruleIndex.get(check.id),
      level: LEVEL[check.result],
      message: { text: findingText(finding) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(workload.file),
            region: { startLine: workload.line },
          },
          logicalLocations: [
            {
              name: workload.name,
              fullyQualifiedName: `${workload.namespace}/${workload.kind}/${workload.name}`,
              kind: 'resource',
            },
          ],
        },
      ],
      // Stable when lines move: the same workload's same check on the same cluster.
      partialFingerprints: {
        'winreadyWorkloadCheck/v1': `${workload.cluster}/${workload.namespace}/${workload.kind}/${workload.name}/${check.id}`,
      },
      properties: {
        cluster: workload.cluster,
        workload: workloadRef(workload),
        document: workload.document,
        status: workload.status,
        result: check.result,
      },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'winready',
            semanticVersion: version,
            rules,
          },
        },
        // One category per cluster: checks against two clusters do not close each other's alerts.
        automationDetails: { id: `winready-check/${result.cluster.name}/` },
        invocations: [{ executionSuccessful: true }],
        results,
        properties: {
          cluster: result.cluster.name,
          asOf: result.asOf,
          stale: result.cluster.stale ?? false,
          summary: result.summary,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
