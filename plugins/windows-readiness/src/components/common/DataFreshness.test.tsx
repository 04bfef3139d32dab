import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { DataFreshness } from './DataFreshness';
import { entityFixtures } from './__fixtures__';
import staleClusterStates from '../EntityWindowsReadinessCard/__fixtures__/stale-cluster-states.json';

const now = new Date('2026-11-27T10:50:12.000Z');
const fresh = entityFixtures['not-applicable'].clusterStates;

describe('DataFreshness', () => {
  it('says when the oldest cluster was collected', async () => {
    await renderInTestApp(<DataFreshness clusterStates={fresh} now={now} />);
    expect(screen.getByText('Collected 5 minutes ago')).toBeInTheDocument();
    expect(screen.queryByTestId('stale-marker')).not.toBeInTheDocument();
  });

  it('lists every cluster on request', async () => {
    await renderInTestApp(
      <DataFreshness clusterStates={fresh} now={now} perCluster />,
    );
    expect(
      screen.getByText('aks-weu-legacy: collected 5 minutes ago'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('aks-eus-linux: collected 5 minutes ago'),
    ).toBeInTheDocument();
  });

  it('falls back to the evaluation time', async () => {
    await renderInTestApp(
      <DataFreshness
        clusterStates={[]}
        evaluatedAt="2026-11-27T07:50:12.000Z"
        now={now}
      />,
    );
    expect(screen.getByText('Collected 3 hours ago')).toBeInTheDocument();
  });

  it('marks a stale cluster with its error', async () => {
    await renderInTestApp(
      <DataFreshness
        clusterStates={[...fresh.slice(1), ...staleClusterStates]}
        now={now}
      />,
    );
    // The oldest collection is the stale cluster's.
    expect(screen.getByText('Collected 12 hours ago')).toBeInTheDocument();
    const marker = screen.getByTestId('stale-marker');
    expect(marker).toHaveTextContent(
      'Stale: the last read of aks-weu-legacy (5 minutes ago) failed; this shows its data from 12 hours ago.',
    );
    expect(marker).toHaveTextContent(
      'kubernetes FETCH_ERROR 503 on /apis/apps/v1/deployments: connect ECONNREFUSED 10.20.0.4:443',
    );
  });
});
