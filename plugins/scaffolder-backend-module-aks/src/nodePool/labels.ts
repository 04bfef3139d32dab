// Kubernetes label syntax (k8s.io/apimachinery validation): an optional DNS
// subdomain prefix, a name of at most 63 characters, values of at most 63.
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RESERVED_PREFIXES = ['kubernetes.azure.com/'];

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (
    prefix !== undefined &&
    (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
  ) {
    return `prefix "${prefix}" is not a DNS subdomain`;
  }
  if (!LABEL_NAME.test(name)) {
    return 'name must be 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  }
  if (RESERVED_PREFIXES.some(reserved => key.startsWith(reserved))) {
    return 'AKS reserves the kubernetes.azure.com/ prefix for its own labels';
  }
  return undefined;
}

/** Pure: what is wrong with node labels, one message per label. */
export function labelProblems(labels: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const problem = keyProblem(key);
    if (problem) problems.push(`labels["${key}"]: ${problem}.`);
    if (
      typeof value !== 'string' ||
      (value !== '' && !LABEL_NAME.test(value))
    ) {
      problems.push(
        `labels["${key}"]: value "${value}" must be empty or 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.`,
      );
    }
  }
  return problems;
}
