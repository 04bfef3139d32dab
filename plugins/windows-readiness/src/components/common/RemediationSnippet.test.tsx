import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import copyToClipboard from 'copy-to-clipboard';
import { RemediationSnippet } from './RemediationSnippet';
import { entityFixtures } from './__fixtures__';

jest.mock('copy-to-clipboard', () => jest.fn(() => true));

const checks = entityFixtures.blocked.result.checks;
const imageOsBuild = checks.find(c => c.id === 'image-os-build')!;
const podStatus = checks.find(c => c.id === 'pod-status')!;

describe('RemediationSnippet', () => {
  it('shows the summary and the snippet, and copies the snippet', async () => {
    await renderInTestApp(
      <RemediationSnippet remediation={imageOsBuild.remediation!} />,
    );
    expect(
      screen.getByText(/^Rebuild the image on mcr.microsoft.com/),
    ).toBeInTheDocument();
    // Highlighted, so split over spans; it loads lazily.
    await waitFor(() =>
      expect(screen.getByTestId('remediation-snippet')).toHaveTextContent(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(copyToClipboard).toHaveBeenCalledWith(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    );
  });

  it('shows no code and no copy button without a snippet', async () => {
    await renderInTestApp(
      <RemediationSnippet remediation={podStatus.remediation!} />,
    );
    expect(screen.getByText(/^See image-os-build/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Copy snippet' }),
    ).not.toBeInTheDocument();
  });

  it('can hide the summary', async () => {
    await renderInTestApp(
      <RemediationSnippet
        remediation={imageOsBuild.remediation!}
        hideSummary
      />,
    );
    expect(screen.queryByText(/^Rebuild the image/)).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy snippet' }),
    ).toBeInTheDocument();
  });
});
