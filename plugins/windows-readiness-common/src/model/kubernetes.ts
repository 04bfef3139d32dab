/**
 * The parts of Kubernetes objects the rules read. Objects arrive as the API
 * returns them (from a fleet file or a live cluster), so every field is optional
 * and unknown fields pass through untouched.
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  uid?: string;
  ownerReferences?: Array<{ kind?: string; name?: string; uid?: string }>;
  creationTimestamp?: string;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface Toleration {
  key?: string;
  operator?: 'Equal' | 'Exists' | string;
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
  tolerationSeconds?: number;
}

export interface WindowsSecurityContext {
  windowsOptions?: { hostProcess?: boolean; runAsUserName?: string };
}

export interface Container {
  name?: string;
  image?: string;
  securityContext?: WindowsSecurityContext;
}

export interface PodSpec {
  nodeSelector?: Record<string, string>;
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {
        nodeSelectorTerms?: NodeSelectorTerm[];
      };
    };
  };
  tolerations?: Toleration[];
  runtimeClassName?: string;
  nodeName?: string;
  os?: { name?: string };
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  securityContext?: WindowsSecurityContext;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number };
  running?: { startedAt?: string };
}

export interface ContainerStatus {
  name?: string;
  image?: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  restartCount?: number;
}

export interface PodStatus {
  phase?: string;
  conditions?: Array<{
    type?: string;
    status?: string;
    reason?: string;
    message?: string;
  }>;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: unknown;
}

export interface PodObject extends KubernetesObject {
  kind: 'Pod';
  spec?: PodSpec;
  status?: PodStatus;
}

export interface EventObject extends KubernetesObject {
  kind: 'Event';
  /** `uid` tells a pod from an earlier one of the same name. */
  involvedObject?: {
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
  };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
}

export interface RuntimeClassObject extends KubernetesObject {
  kind: 'RuntimeClass';
  handler?: string;
  scheduling?: {
    nodeSelector?: Record<string, string>;
    tolerations?: Toleration[];
  };
}
