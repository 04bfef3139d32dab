import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type {
  CheckResultValue,
  ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { StatusChip } from './StatusChip';
import { CheckResultIcon } from './CheckResultIcon';

// The Status* component each status and result is drawn with.

describe('StatusChip', () => {
  it.each<[ServiceStatus, string, string, RegExp]>([
    [
      'blocked',
      'Status error',
      'Blocked',
      /^Blocked: its Windows containers cannot start$/,
    ],
    ['at-risk', 'Status warning', 'At risk', /^At risk: /],
    ['unknown', 'Status pending', 'Unknown', /^Unknown: /],
    ['ready', 'Status ok', 'Ready', /^Ready: /],
    [
      'not-applicable',
      'Status aborted',
      'Not applicable',
      /^Not applicable: it runs no Windows containers$/,
    ],
  ])(
    'shows %s with its icon and words',
    async (status, icon, label, sentence) => {
      const { unmount } = await renderInTestApp(<StatusChip status={status} />);
      expect(screen.getByText(label)).toBeInTheDocument();
      expect(document.querySelector(`[aria-label="${icon}"]`)).not.toBeNull();
      unmount();
      await renderInTestApp(<StatusChip status={status} sentence />);
      expect(screen.getByText(sentence)).toBeInTheDocument();
    },
  );
});

describe('CheckResultIcon', () => {
  it.each<[CheckResultValue, string, string]>([
    ['pass', 'Status ok', 'Pass'],
    ['warn', 'Status warning', 'Warning'],
    ['fail', 'Status error', 'Fail'],
    ['unknown', 'Status pending', 'Unknown'],
    ['skip', 'Status aborted', 'Skipped'],
  ])('shows %s', async (result, icon, label) => {
    const { unmount } = await renderInTestApp(
      <CheckResultIcon result={result} />,
    );
    expect(screen.getByRole('img', { name: label })).toBeInTheDocument();
    expect(document.querySelector(`[aria-label="${icon}"]`)).not.toBeNull();
    expect(screen.queryByText(label)).not.toBeInTheDocument();
    unmount();
    await renderInTestApp(<CheckResultIcon result={result} showLabel />);
    expect(screen.getByText(label)).toBeInTheDocument();
  });
});
