import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApi,
  renderWithApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { ServiceRefList } from './ServiceRefList';

describe('ServiceRefList', () => {
  it('links the first few services and expands to all', async () => {
    const services = Array.from(
      { length: 12 },
      (_, i) => `component:default/svc-${i}`,
    );
    await renderWithApi(
      <ServiceRefList services={services} limit={3} />,
      mockApi(),
    );
    expect(screen.getAllByRole('link')).toHaveLength(3);
    expect(screen.getByText('svc-0').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/svc-0',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show all 12' }));
    expect(screen.getAllByRole('link')).toHaveLength(12);
  });

  it('links kubernetes ids (the CLI names) as components', async () => {
    await renderWithApi(<ServiceRefList services={['orders']} />, mockApi());
    expect(screen.getByText('orders').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/orders',
    );
  });

  it('says when there is none', async () => {
    await renderWithApi(
      <ServiceRefList services={[]} empty="No services" />,
      mockApi(),
    );
    expect(screen.getByText('No services')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
