import { fireEvent, screen } from '@testing-library/react';
import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import { demoReport } from './__fixtures__/generateReport';
import { mockApi, renderWithApi } from './__testUtils__/renderWithApi';
import { StatusTiles } from './StatusTiles';

const counts = demoReport.summary.byStatus;

describe('StatusTiles', () => {
  it.each<[ServiceStatus[], string, ServiceStatus[] | undefined]>([
    [[], 'blocked', ['blocked']],
    [['blocked'], 'at-risk', ['blocked', 'at-risk']],
    [['ready'], 'blocked', ['blocked', 'ready']],
    [['blocked'], 'blocked', undefined],
    [['blocked', 'ready'], 'ready', ['blocked']],
    [['blocked'], 'all', undefined],
  ])(
    'with %j selected, a click on %s selects %j',
    async (selected, tile, next) => {
      const onChange = jest.fn();
      await renderWithApi(
        <StatusTiles counts={counts} selected={selected} onChange={onChange} />,
        mockApi(),
      );
      fireEvent.click(screen.getByTestId(`status-tile-${tile}`));
      expect(onChange).toHaveBeenCalledWith(next);
    },
  );

  it('shows the counts and marks the selected tiles', async () => {
    await renderWithApi(
      <StatusTiles
        counts={counts}
        selected={['at-risk']}
        onChange={jest.fn()}
      />,
      mockApi(),
    );
    expect(screen.getByTestId('status-tile-all')).toHaveTextContent(
      'All services20100%',
    );
    expect(screen.getByTestId('status-tile-at-risk')).toHaveTextContent(
      'At risk735%',
    );
    expect(screen.getByTestId('status-tile-at-risk')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByTestId('status-tile-all')).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });
});
