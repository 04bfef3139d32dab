import {
  SYSTEM,
  WIN22,
  deployment,
  judge,
  pod,
  type Scene,
} from '../__testUtils__/ruleFleet';
import type { CheckResultValue, PodSpec } from '../model';
import {
  APP_UNAUTHORIZED,
  CSI_PROXY_1809,
  NGINX,
  REAL_IMAGES,
} from './__fixtures__/images';
import { hostProcessImages } from './imageFacts';

/**
 * docs/rules.md rule 3: HostProcess containers run on the host and are exempt
 * from the build rule, whatever os.version their image lists (the 1809-based
 * csi-proxy image on a Windows Server 2022 pool).
 */

const HOST_PROCESS = { windowsOptions: { hostProcess: true } };
const NOT_HOST_PROCESS = { windowsOptions: { hostProcess: false } };

const daemonSet = (podSpec: PodSpec): Scene => ({
  pools: [SYSTEM, WIN22],
  objects: [
    deployment(
      {
        nodeSelector: { 'kubernetes.io/os': 'windows' },
        tolerations: [{ operator: 'Exists' }],
        hostNetwork: true,
        ...podSpec,
      } as PodSpec,
      'csi-proxy',
      'DaemonSet',
    ),
    pod(
      'csi-proxy-x7k2p',
      { kind: 'DaemonSet', name: 'csi-proxy' },
      { nodeName: 'aksnpw22000000' },
      { phase: 'Running' },
    ),
  ],
  images: REAL_IMAGES,
});

/** [case, pod spec, image-os-build, upgrade-path]. */
const CASES: Array<[string, PodSpec, CheckResultValue, CheckResultValue]> = [
  [
    'HostProcess on the pod',
    {
      securityContext: HOST_PROCESS,
      containers: [{ name: 'csi-proxy', image: CSI_PROXY_1809 }],
    },
    'pass',
    'pass',
  ],
  [
    'HostProcess on the container',
    {
      containers: [
        {
          name: 'csi-proxy',
          image: CSI_PROXY_1809,
          securityContext: HOST_PROCESS,
        },
      ],
    },
    'pass',
    'pass',
  ],
  [
    'the same image as a process-isolated container',
    { containers: [{ name: 'csi-proxy', image: CSI_PROXY_1809 }] },
    'fail',
    'warn',
  ],
  [
    'a container that opts out of the pod’s HostProcess',
    {
      securityContext: HOST_PROCESS,
      containers: [
        {
          name: 'csi-proxy',
          image: CSI_PROXY_1809,
          securityContext: NOT_HOST_PROCESS,
        },
      ],
    },
    'fail',
    'warn',
  ],
  [
    'a HostProcess pod still needs a Windows image',
    {
      securityContext: HOST_PROCESS,
      containers: [{ name: 'n', image: NGINX }],
    },
    'fail',
    'warn',
  ],
  [
    'a HostProcess image the registry has not described',
    {
      securityContext: HOST_PROCESS,
      containers: [{ name: 'agent', image: APP_UNAUTHORIZED }],
    },
    'unknown',
    'unknown',
  ],
];

describe('rule 3: HostProcess containers are exempt from the build rule', () => {
  it.each(CASES)('%s', (_label, podSpec, imageOsBuild, upgradePath) => {
    const results = Object.fromEntries(
      judge(daemonSet(podSpec)).checks.map(c => [c.id, c.result]),
    );
    expect(results).toMatchObject({
      'image-os-build': imageOsBuild,
      'upgrade-path': upgradePath,
    });
  });

  it('exempts an image only when every container running it is HostProcess', () => {
    expect(
      hostProcessImages({
        containers: [
          { image: 'a', securityContext: HOST_PROCESS },
          { image: 'a' },
          { image: 'b', securityContext: HOST_PROCESS },
        ],
        initContainers: [{ image: 'c', securityContext: HOST_PROCESS }],
      }),
    ).toEqual(new Set(['b', 'c']));
  });
});
