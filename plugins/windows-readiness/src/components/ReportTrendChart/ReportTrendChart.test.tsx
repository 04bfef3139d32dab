import { screen, waitFor } from '@testing-library/react';
import {
  mockApi,
  renderWithApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { ReportTrendChart } from './ReportTrendChart';
import { signedChange, trendPoints } from './trendData';
import { demoHistory, generateHistory } from './__fixtures__';

describe('trendPoints', () => {
  it('orders days and sums the keys of a day', () => {
    const points = trendPoints({
      items: [
        ...generateHistory(2, 'owner', 'group:default/a').items,
        ...generateHistory(2, 'owner', 'group:default/b').items,
      ].reverse(),
    });
    expect(points.map(p => p.day)).toEqual(['2026-11-26', '2026-11-27']);
    expect(points[1].blocked).toBe(2 * demoHistory.items[0].counts.blocked);
  });

  it.each([
    [2, '+2'],
    [-3, '−3'],
    [0, '±0'],
  ])('signs a change of %d as %s', (delta, text) => {
    expect(signedChange(delta)).toBe(text);
  });
});

describe('ReportTrendChart', () => {
  it('shows progress while loading', async () => {
    const api = mockApi({ getHistory: () => new Promise(() => {}) });
    await renderWithApi(<ReportTrendChart />, api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    const api = mockApi({
      getHistory: async () => {
        throw new Error('history is down');
      },
    });
    await renderWithApi(<ReportTrendChart />, api);
    expect(
      (await screen.findAllByText(/history is down/))[0],
    ).toBeInTheDocument();
  });

  it('says when there is no history', async () => {
    const api = mockApi({ getHistory: async () => ({ items: [] }) });
    await renderWithApi(<ReportTrendChart />, api);
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
  });

  it('asks for the whole fleet and charts stacked areas per status', async () => {
    const api = mockApi({ getHistory: async () => generateHistory(14) });
    const { container } = await renderWithApi(<ReportTrendChart />, api);
    expect(await screen.findByTestId('trend-summary')).toHaveTextContent(
      '2026-11-14 to 2026-11-27 (14 days), latest: Blocked 5 (−13), At risk 7 (±0)',
    );
    expect(api.getHistory).toHaveBeenCalledWith({ dimension: 'all' });
    await waitFor(() =>
      expect(container.querySelectorAll('.recharts-area').length).toBe(5),
    );
  });

  it('summarises the single day of the real demo history', async () => {
    const api = mockApi({ getHistory: async () => demoHistory });
    await renderWithApi(<ReportTrendChart />, api);
    expect(await screen.findByTestId('trend-summary')).toHaveTextContent(
      '2026-11-27: Blocked 5 (±0), At risk 7 (±0), Unknown 2 (±0), Ready 3 (±0), Not applicable 3 (±0)',
    );
  });

  it('asks for one owner when given one', async () => {
    const api = mockApi({
      getHistory: async () => generateHistory(3, 'owner', 'group:default/a'),
    });
    await renderWithApi(
      <ReportTrendChart dimension="owner" historyKey="group:default/a" />,
      api,
    );
    await screen.findByTestId('trend-summary');
    expect(api.getHistory).toHaveBeenCalledWith({
      dimension: 'owner',
      key: 'group:default/a',
    });
  });
});
