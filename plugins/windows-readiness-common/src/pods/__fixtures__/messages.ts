/**
 * Failure messages as kubectl shows them (facts 1.3 and 5.3), and unrelated
 * messages of the same places that must not be mistaken for them.
 */
export const HCS_CONTAINERD =
  'failed to create containerd task: failed to create shim task: hcs::CreateComputeSystem 5d1e0f6a8c: The container operating system does not match the host operating system.: unknown';
export const HCS_DOCKER =
  'hcsshim::CreateComputeSystem 9c0f3b2a: The container operating system does not match the host operating system.';
export const HCS_DOCKER_OLD =
  'container 4a2b encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101) extra info: {"SystemType":"Container","Name":"4a2b"}';
export const HCS_STATUS_ONLY =
  'Error response from daemon: failure in a Windows system call: (0xc0370101)';
export const HCS_HRESULT =
  'failed to create shim task: hcs::CreateComputeSystem abc: HRESULT 0x80370101: unknown';
export const DOCKER_INCOMPATIBLE =
  'a Windows version 10.0.20348-based image is incompatible with a 10.0.19044 host';
export const PULL_NO_MATCH =
  'Failed to pull image "mcr.microsoft.com/windows/servercore:ltsc2022": rpc error: code = NotFound desc = failed to pull and unpack image "mcr.microsoft.com/windows/servercore:ltsc2022": no match for platform in manifest: not found';
export const DOCKER_NO_MANIFEST =
  'no matching manifest for windows/amd64 10.0.17763 in the manifest list entries';
export const TAINT_NEW =
  "0/3 nodes are available: 2 node(s) had untolerated taint {os: windows}, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
export const TAINT_NEW_EMPTY_VALUE =
  '0/2 nodes are available: 2 node(s) had untolerated taint {sku: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
export const TAINT_OLD =
  "0/4 nodes are available: 1 node(s) had taint {os: windows}, that the pod didn't tolerate, 3 node(s) didn't match node selector.";
export const TAINT_OLDEST =
  "0/3 nodes are available: 3 node(s) had taints that the pod didn't tolerate.";

export const PULL_UNAUTHORIZED =
  'Failed to pull image "myreg.azurecr.io/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "myreg.azurecr.io/app:1": failed to resolve reference "myreg.azurecr.io/app:1": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized';
export const PULL_ACCESS_DENIED =
  "pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
export const BACK_OFF_PULLING =
  'Back-off pulling image "myreg.azurecr.io/app:1"';
export const MANIFEST_UNKNOWN =
  'failed to pull and unpack image "docker.io/library/nginx:9.9": failed to resolve reference "docker.io/library/nginx:9.9": docker.io/library/nginx:9.9: not found';
export const OOM = 'Container app exceeded its memory limit (OOMKilled)';
export const CRASH_BACK_OFF =
  'back-off 5m0s restarting failed container=app pod=web-5d4f8c7b9-abcde_shop(0b1c)';
export const INSUFFICIENT_CPU =
  '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
export const SELECTOR_MISMATCH =
  "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
export const PROBE_FAILED =
  'Readiness probe failed: HTTP probe failed with statuscode: 500';
