import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import {
  CHECKS,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { EntityWindowsReadinessCard } from './EntityWindowsReadinessCard';
import { entityFixtures, withClusterStates } from '../common/__fixtures__';
import {
  componentEntity,
  renderWithEntity,
} from '../common/__testUtils__/renderWithEntity';
import staleClusterStates from './__fixtures__/stale-cluster-states.json';

function render(getEntity: jest.Mock, props = {}) {
  return renderWithEntity(<EntityWindowsReadinessCard {...props} />, {
    entity: componentEntity('orders'),
    api: { getEntity },
  });
}

function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name, message } }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }) as any,
  );
}

describe('EntityWindowsReadinessCard', () => {
  it('asks for the entity by its ref and shows progress while loading', async () => {
    const getEntity = jest.fn(() => new Promise<never>(() => {}));
    await render(getEntity);
    expect(getEntity).toHaveBeenCalledWith('component:default/orders');
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows a friendly empty state on 404', async () => {
    const error = await responseError(404, 'NotFoundError', 'No readiness');
    await render(jest.fn().mockRejectedValue(error));
    expect(
      await screen.findByText(
        /No Kubernetes workloads of this entity were found in the collected clusters/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Try again/)).not.toBeInTheDocument();
  });

  it('shows other errors with a retry', async () => {
    const error = await responseError(500, 'Error', 'store unreachable');
    const getEntity = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce(entityFixtures.ready);
    await render(getEntity);
    expect(
      (await screen.findAllByText(/store unreachable/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/^Ready:/)).toBeInTheDocument();
    expect(getEntity).toHaveBeenCalledTimes(2);
  });

  const cases: Array<{
    status: ServiceStatus;
    sentence: RegExp;
    checks: string[];
    pools: string[];
  }> = [
    {
      status: 'blocked',
      sentence: /^Blocked: its Windows containers cannot start$/,
      checks: [
        'Image fits the Windows build',
        'Pods show no OS mismatch',
        'OS SKU is supported',
        'Survives the next Windows Server',
      ],
      pools: ['aks-neu-modern: none'],
    },
    {
      status: 'at-risk',
      sentence: /^At risk: /,
      checks: ['OS SKU is supported', 'Survives the next Windows Server'],
      pools: ['aks-weu-legacy: npwin'],
    },
    {
      status: 'unknown',
      sentence: /^Unknown: /,
      checks: ['Image fits the Windows build', 'Build is selected'],
      // Nothing is known to start it: the registry has not described it.
      pools: ['aks-weu-batch: none'],
    },
    {
      status: 'ready',
      sentence: /^Ready: its Windows containers fit/,
      checks: [],
      pools: ['aks-neu-modern: npw25'],
    },
    {
      status: 'not-applicable',
      sentence: /^Not applicable: it runs no Windows containers$/,
      checks: [],
      pools: ['aks-weu-legacy: system', 'aks-eus-linux: system'],
    },
  ];

  it.each(cases)(
    'shows a $status service in plain words',
    async ({ status, sentence, checks, pools }) => {
      const fixture = entityFixtures[status];
      await render(jest.fn().mockResolvedValue(fixture));
      expect(await screen.findByText(sentence)).toBeInTheDocument();
      expect(screen.getByTestId(`status-chip-${status}`)).toBeInTheDocument();

      const list = screen.queryByRole('list', {
        name: 'Checks that need attention',
      });
      const items = list
        ? within(list)
            .getAllByRole('listitem')
            .map(i => i.textContent)
        : [];
      // Each item: the catalog title, then the check's own message, and for
      // a check that cannot tell, what would settle it (docs/rules.md rule 8).
      expect(items).toEqual(
        checks.map(title => {
          const check = fixture.result.checks.find(
            c => CHECKS.find(d => d.id === c.id)?.title === title,
          )!;
          const settle =
            check.result === 'unknown' ? check.remediation?.summary ?? '' : '';
          return `${title}${check.message}${settle}`;
        }),
      );
      for (const line of pools) {
        expect(screen.getByText(line)).toBeInTheDocument();
      }
      expect(
        screen.getByText(/^Collected .*(ago|just now)$/),
      ).toBeInTheDocument();
      expect(screen.queryByTestId('stale-marker')).not.toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: /See every check/ }),
      ).toHaveAttribute('href', '/windows-readiness');
    },
  );

  it('says what an unknown service could not tell and what would settle it', async () => {
    await render(jest.fn().mockResolvedValue(entityFixtures.unknown));
    expect(
      await screen.findByTestId('settle-image-os-build'),
    ).toHaveTextContent(
      "To settle it: check the registry's credentials (winreadydemo.azurecr.io/billing/api:7.3).",
    );
    expect(
      screen.getAllByText(
        /the registry has not described winreadydemo\.azurecr\.io\/billing\/api:7\.3/,
      ).length,
    ).toBeGreaterThan(0);
  });

  it('marks stale clusters with their error', async () => {
    const fixture = withClusterStates(
      entityFixtures['at-risk'],
      staleClusterStates,
    );
    await render(jest.fn().mockResolvedValue(fixture));
    const marker = await screen.findByTestId('stale-marker');
    expect(marker).toHaveTextContent(/Stale: the last read of aks-weu-legacy/);
    expect(marker).toHaveTextContent(
      'kubernetes FETCH_ERROR 503 on /apis/apps/v1/deployments: connect ECONNREFUSED 10.20.0.4:443',
    );
  });

  it('links to a custom tab path', async () => {
    await render(jest.fn().mockResolvedValue(entityFixtures.ready), {
      tabPath: '/catalog/default/component/orders/windows',
    });
    expect(
      await screen.findByRole('link', { name: /See every check/ }),
    ).toHaveAttribute('href', '/catalog/default/component/orders/windows');
  });
});
