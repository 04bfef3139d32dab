import type { ReportFilters } from '../../api';
import { demoReport, summarise } from './__fixtures__/generateReport';
import { reportRowFilter } from '@winready/plugin-windows-readiness-common';
import {
  filterOptions,
  ownerRows,
  statusCountsIgnoringStatus,
} from './reportRows';
import {
  parseReportFilters,
  reportFiltersKey,
  writeReportFilters,
} from './useReportFilters';

describe('report filters in the URL', () => {
  it.each<[string, ReportFilters]>([
    ['', {}],
    ['owner=group%3Adefault%2Fteam-web', { owner: 'group:default/team-web' }],
    [
      'system=system:default/office&cluster=aks-neu-modern',
      { system: 'system:default/office', cluster: 'aks-neu-modern' },
    ],
    ['status=at-risk,blocked', { status: ['blocked', 'at-risk'] }],
    ['status=blocked&status=bogus', { status: ['blocked'] }],
    [
      'check=pod-status,nope,os-selector',
      { check: ['os-selector', 'pod-status'] },
    ],
    ['owner=&status=', {}],
  ])('parses "%s"', (query, filters) => {
    expect(parseReportFilters(new URLSearchParams(query))).toEqual(filters);
  });

  it('writes filters, keeping other parameters', () => {
    const params = writeReportFilters(
      new URLSearchParams('view=pools&owner=old&status=ready'),
      { owner: 'group:default/a', check: ['pod-status', 'os-selector'] },
    );
    expect(params.get('view')).toBe('pools');
    expect(params.get('owner')).toBe('group:default/a');
    expect(params.get('check')).toBe('pod-status,os-selector');
    expect(params.has('status')).toBe(false);
    expect(parseReportFilters(params)).toEqual({
      owner: 'group:default/a',
      check: ['os-selector', 'pod-status'],
    });
  });

  it('gives equal keys to equal filters', () => {
    expect(reportFiltersKey({})).toBe('');
    expect(
      reportFiltersKey(
        parseReportFilters(new URLSearchParams('status=ready,blocked')),
      ),
    ).toBe(reportFiltersKey({ status: ['blocked', 'ready'] }));
  });
});

describe('report rows', () => {
  const rows = demoReport.items;

  it.each<[ReportFilters, number]>([
    [{}, 20],
    [{ owner: 'group:default/team-office' }, 4],
    [
      { system: 'system:default/storefront' },
      rows.filter(r => r.system === 'system:default/storefront').length,
    ],
    [{ cluster: 'aks-weu-legacy' }, 5],
    [{ status: ['blocked'] }, 5],
    [{ check: ['os-selector'] }, 2],
    // Rule 8: the check filter finds the rows where a check cannot tell.
    [{ check: ['build-selector'] }, 4],
    [{ check: ['image-os-build'], status: ['unknown'] }, 1],
    [{ cluster: 'aks-weu-legacy', status: ['blocked', 'at-risk'] }, 4],
    // A short ref means a group (owner) or system, as in the API.
    [{ owner: 'team-office' }, 4],
  ])('matches %j: %d rows, as the backend does', (filters, count) => {
    expect(rows.filter(reportRowFilter(filters))).toHaveLength(count);
  });

  it('counts statuses under every filter but status', () => {
    expect(
      statusCountsIgnoringStatus(rows, {
        cluster: 'aks-weu-legacy',
        status: ['ready'],
      }),
    ).toEqual(demoReport.summary.byCluster['aks-weu-legacy']);
    expect(statusCountsIgnoringStatus(rows, {})).toEqual(
      demoReport.summary.byStatus,
    );
  });

  it('collects the filter options', () => {
    const options = filterOptions(rows);
    expect(options.clusters).toEqual([
      'aks-eus-linux',
      'aks-neu-modern',
      'aks-weu-batch',
      'aks-weu-legacy',
    ]);
    expect(options.owners).toHaveLength(7);
    expect(options.owners).toEqual([...options.owners].sort());
  });

  it('puts the most blocked owners first', () => {
    const owners = ownerRows(summarise(rows).byOwner);
    expect(owners.slice(0, 3).map(o => [o.owner, o.blocked, o.total])).toEqual([
      ['group:default/team-office', 3, 4],
      ['group:default/team-finance', 1, 4],
      ['group:default/team-orders', 1, 2],
    ]);
  });
});
