import type { ImageRecord } from '../model';

/**
 * Canonical form of an image reference, so that `nginx`, `docker.io/nginx` and
 * `docker.io/library/nginx:latest` find the same registry answer.
 */
export function normalizeImageReference(reference: string): string {
  let ref = reference.trim();
  const digestAt = ref.indexOf('@');
  const digest = digestAt >= 0 ? ref.slice(digestAt) : '';
  if (digestAt >= 0) ref = ref.slice(0, digestAt);
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  let tag = colon >= 0 ? ref.slice(colon) : '';
  const name = colon >= 0 ? ref.slice(0, colon) : ref;
  if (!tag && !digest) tag = ':latest';
  const firstPart = name.split('/')[0];
  const hasRegistry =
    name.includes('/') &&
    (firstPart.includes('.') ||
      firstPart.includes(':') ||
      firstPart === 'localhost');
  // As distribution/reference: index.docker.io is docker.io, and a Docker Hub
  // name without a namespace lives in library/, with or without the domain.
  let domain = hasRegistry ? firstPart : 'docker.io';
  let path = hasRegistry ? name.slice(firstPart.length + 1) : name;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return `${domain}/${path}${tag}${digest}`;
}

/** Looks an image up by its exact reference, then by its canonical form. */
export class ImageCatalog {
  private readonly exact = new Map<string, ImageRecord>();
  private readonly byCanonical = new Map<string, ImageRecord>();

  constructor(images: Record<string, ImageRecord> = {}) {
    for (const [reference, record] of Object.entries(images)) {
      this.exact.set(reference, record);
      this.byCanonical.set(normalizeImageReference(reference), record);
    }
  }

  get(reference: string): ImageRecord | undefined {
    return (
      this.exact.get(reference) ??
      this.byCanonical.get(normalizeImageReference(reference))
    );
  }
}
