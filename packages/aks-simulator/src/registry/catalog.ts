import {
  normalizeImageReference,
  type ImageRecord,
} from '@winready/plugin-windows-readiness-common';
import {
  allManifests,
  buildImageArtifacts,
  type Content,
  type ImageArtifacts,
} from './manifests';

/** One image of the fleet, split as a registry sees it. */
export interface CatalogEntry {
  /** The fleet's key, e.g. `winreadydemo.azurecr.io/orders/api:1.5.0`. */
  reference: string;
  /** Registry host after normalisation (`docker.io` for Docker Hub). */
  host: string;
  /** Repository path inside the registry, e.g. `orders/api`, `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
  record: ImageRecord;
}

/** Splits a canonical reference (`host/path[:tag][@digest]`). */
export function splitReference(
  reference: string,
): Omit<CatalogEntry, 'record' | 'reference'> {
  const canonical = normalizeImageReference(reference);
  const at = canonical.indexOf('@');
  const digest = at >= 0 ? canonical.slice(at + 1) : undefined;
  const named = at >= 0 ? canonical.slice(0, at) : canonical;
  const slash = named.indexOf('/');
  const host = named.slice(0, slash);
  const rest = named.slice(slash + 1);
  const colon = rest.lastIndexOf(':');
  return {
    host,
    repository: colon >= 0 ? rest.slice(0, colon) : rest,
    tag: colon >= 0 ? rest.slice(colon + 1) : undefined,
    digest,
  };
}

/** The host a client names in `ns`, as Docker Hub's aliases fold. */
export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return [
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
  ].includes(lower)
    ? 'docker.io'
    : lower;
}

/** The fleet's images by host and repository, built lazily. */
export class RegistryCatalog {
  private readonly entries: CatalogEntry[];
  private readonly artifacts = new Map<CatalogEntry, ImageArtifacts>();

  constructor(images: Record<string, ImageRecord> = {}) {
    this.entries = Object.entries(images).map(([reference, record]) => ({
      reference,
      record,
      ...splitReference(reference),
    }));
  }

  /** Every registry host of the fleet's images. */
  hosts(): string[] {
    return [...new Set(this.entries.map(entry => entry.host))].sort();
  }

  /**
   * The entries of a repository: of that host when `ns` names one, else of
   * the first host that has the repository.
   */
  repository(host: string | undefined, repository: string): CatalogEntry[] {
    const wanted = host ? normalizeHost(host) : undefined;
    const matching = this.entries.filter(
      entry =>
        entry.repository === repository &&
        (wanted === undefined || entry.host === wanted),
    );
    if (wanted !== undefined || matching.length === 0) return matching;
    return matching.filter(entry => entry.host === matching[0].host);
  }

  artifactsOf(entry: CatalogEntry): ImageArtifacts {
    let built = this.artifacts.get(entry);
    if (!built) {
      built = buildImageArtifacts(entry.record);
      this.artifacts.set(entry, built);
    }
    return built;
  }

  /** The entry a tag (or a digest written in the fleet) names. */
  entry(entries: CatalogEntry[], reference: string): CatalogEntry | undefined {
    return reference.includes(':')
      ? entries.find(entry => entry.digest === reference)
      : entries.find(entry => entry.tag === reference);
  }

  /** A manifest of the repository by its digest. */
  manifestByDigest(
    entries: CatalogEntry[],
    digest: string,
  ): Content | undefined {
    for (const entry of entries) {
      if (entry.record.error) continue;
      const found = allManifests(this.artifactsOf(entry)).find(
        manifest => manifest.digest === digest,
      );
      if (found) return found;
    }
    return undefined;
  }

  /** A blob (config or layer) of the repository by its digest. */
  blobByDigest(entries: CatalogEntry[], digest: string): Content | undefined {
    for (const entry of entries) {
      if (entry.record.error) continue;
      const found = this.artifactsOf(entry).blobs.find(
        blob => blob.digest === digest,
      );
      if (found) return found;
    }
    return undefined;
  }
}
