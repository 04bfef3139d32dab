/**
 * Failure messages as kubectl shows them, and unrelated messages of the same
 * places that must not be mistaken for them. HCS_E_IMAGE_MISMATCH wordings:
 * hcsshim/containerd and MicrosoftDocs/Virtualization-Documentation#765;
 * pull-time ones: microsoft/Windows-Containers#223 and containerd/containerd
 * #6989; scheduler wordings: kube-scheduler's tainttoleration plugin
 * (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go).
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
// Current kube-scheduler: `node(s) had untolerated taint(s)`, without the
// taint (kubernetes/kubernetes taint_toleration.go Filter), next to the
// reasons of other plugins (nodeaffinity "node(s) didn't match Pod's node
// affinity/selector", noderesources "Insufficient %v"), joined as the
// scheduler's FitError does. Composed from those templates.
export const TAINT_CURRENT =
  "0/5 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 4 node(s) had untolerated taint(s). preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";
export const TAINT_CURRENT_AND_MEMORY =
  '0/6 nodes are available: 1 node(s) had untolerated taint(s), 5 Insufficient memory. preemption: 0/6 nodes are available: 1 Preemption is not helpful for scheduling, 5 No preemption victims found for incoming pod.';
// AKS's system-pool taint (CriticalAddonsOnly=true:NoSchedule, AKS docs
// use-system-pools) named as `had untolerated taint {k: v}` schedulers do,
// next to nodes short of memory. Composed from the templates above.
export const TAINT_SYSTEM_POOL_AND_MEMORY =
  '0/6 nodes are available: 1 node(s) had untolerated taint {CriticalAddonsOnly: true}, 5 Insufficient memory. preemption: 0/6 nodes are available: 1 Preemption is not helpful for scheduling, 5 No preemption victims found for incoming pod.';
// 2i2c-org/infrastructure#2248: named taints mixed with cpu and memory.
export const TAINTS_CPU_MEMORY =
  '0/212 nodes are available: 200 node(s) had untolerated taint {k8s.dask.org_dedicated: worker}, 5 Insufficient cpu, 7 node(s) had untolerated taint {hub.jupyter.org_dedicated: user}, 8 Insufficient memory. preemption: 0/212 nodes are available: 207 Preemption is not helpful for scheduling, 5 No preemption victims found for incoming pod.';
// redhat-developer/odo#7038: taints, memory and the selector in one message.
export const TAINTS_MEMORY_SELECTOR =
  "0/17 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/ci-builds-worker: ci-builds-worker}, 2 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/17 nodes are available: 15 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
// The oldest schedulers named the failing predicate (kubernetes/kubernetes#41070, #37232).
export const TAINT_PREDICATE =
  'pod failed to fit in any node fit failure summary on nodes : PodToleratesNodeTaints (1)';
export const PREDICATES_NO_TAINT =
  'No nodes are available that match all of the following predicates:: Insufficient cpu (9), Insufficient memory (15), MatchNodeSelector (18).';
export const TAINT_NEW =
  "0/3 nodes are available: 2 node(s) had untolerated taint {os: windows}, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
export const TAINT_NEW_EMPTY_VALUE =
  '0/2 nodes are available: 2 node(s) had untolerated taint {sku: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
export const TAINT_OLD =
  "0/4 nodes are available: 1 node(s) had taint {os: windows}, that the pod didn't tolerate, 3 node(s) didn't match node selector.";
export const TAINT_OLDEST =
  "0/3 nodes are available: 3 node(s) had taints that the pod didn't tolerate.";

// A pod's sandbox (pause container) refused by the host: the node's problem
// (kubernetes/kubernetes#99157). kubernetes-sigs/sig-windows-tools#72 (Docker)
// and Azure/acs-engine#2965 (older wording with the HCS status).
export const SANDBOX_MISMATCH =
  'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container for pod "kube-flannel-ds-windows-amd64-9tffg": Error response from daemon: hcsshim::CreateComputeSystem e20e69aa106e39ef9447f449e7f6d578dbed969cd31da91d1ea8a106906478fe: The container operating system does not match the host operating system.';
export const SANDBOX_MISMATCH_OLD =
  'Failed create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container for pod "olfactory-olm-app-deployment-64ddfc96dd-f6z5w": Error response from daemon: container 7929bfd27250d5465496de2bb6a37c5e41d492488ca7c8362a07637b464b5e52 encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)';
// dotnet/dotnet-docker#5040: a Linux-only tag pulled by a Windows host.
export const DOCKER_LINUX_ONLY_ON_WINDOWS =
  'no matching manifest for windows/amd64 10.0.17763 in the manifest list entries';
// containerd on a Windows node pulling an index with only Linux entries.
export const PULL_LINUX_ONLY_ON_WINDOWS =
  'Failed to pull image "docker.io/library/nginx:1.27": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27": no match for platform in manifest: not found';

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
