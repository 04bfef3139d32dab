import { ConfigReader } from '@backstage/config';
import { readBackendConfig } from './backendConfig';

const notifications = (value: object | undefined) =>
  readBackendConfig(
    new ConfigReader(
      value === undefined ? {} : { windowsReadiness: { notifications: value } },
    ),
  ).notifications;

describe('readBackendConfig: notifications', () => {
  it.each([
    [undefined, { enabled: false, leadTimesDays: [180, 90, 30, 7] }],
    [{ enabled: true }, { enabled: true, leadTimesDays: [180, 90, 30, 7] }],
    [
      { enabled: true, leadTimesDays: [14, 60, 14] },
      { enabled: true, leadTimesDays: [60, 14] },
    ],
  ])('%j', (given, expected) => {
    expect(notifications(given)).toEqual(expected);
  });

  it.each([[[]], [[0]], [[30, -1]], [[1.5]], [['90']]])(
    'refuses lead times %j, naming the key',
    leadTimesDays => {
      expect(() => notifications({ enabled: true, leadTimesDays })).toThrow(
        "Invalid config at 'windowsReadiness.notifications.leadTimesDays'",
      );
    },
  );
});

describe('readBackendConfig: namespaceOwners', () => {
  const namespaceOwners = (value: unknown) =>
    readBackendConfig(
      new ConfigReader({ windowsReadiness: { namespaceOwners: value } } as any),
    ).namespaceOwners;

  it('reads owners as full entity refs, and none when unset', () => {
    expect(
      namespaceOwners([{ namespace: 'kube-*', owner: 'team-platform' }]),
    ).toEqual([{ namespace: 'kube-*', owner: 'group:default/team-platform' }]);
    expect(readBackendConfig(new ConfigReader({})).namespaceOwners).toEqual([]);
  });

  it('names the bad entry', () => {
    expect(() =>
      namespaceOwners([
        { namespace: 'monitoring', owner: 'team-platform' },
        { namespace: 'Kube System', owner: 'team-platform' },
      ]),
    ).toThrow('windowsReadiness.namespaceOwners[1].namespace');
  });
});
