import type { ImagePlatform } from '@winready/plugin-windows-readiness-common';
import type { RegistryAuth } from './auth';
import { computeDigest, digestMismatch } from './digest';
import { Redactor, RegistryError } from './errors';
import {
  Descriptor,
  MalformedAnswerError,
  ParsedManifest,
  parseImageConfig,
  parseManifest,
} from './manifest';
import {
  MANIFEST_ACCEPT,
  isImageConfigMediaType,
  isManifestMediaType,
} from './mediaTypes';
import { ImageReference, isValidDigest } from './reference';
import {
  FetchContext as Context,
  RegistryFetcher,
  malformedAnswer,
} from './registryFetcher';
import type { RegistryRouting } from './routing';
import { INDEX_LIMITS, LookupCancelled, LookupFanOut } from './indexFanOut';
import { headerValue } from './transport';

/** distribution refuses manifests above 4 MiB; configs are far smaller. */
const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
const CONFIG_MAX_BYTES = 8 * 1024 * 1024;
/** An index whose entries lack `platform` is looked into, this deep at most. */
const MAX_NESTING = 2;

export interface ManifestReaderOptions {
  auth: RegistryAuth;
  routing: RegistryRouting;
  redactor: Redactor;
  hasCredentials(host: string): boolean;
  counters: {
    manifestRequests: number;
    blobRequests: number;
    cacheHits: number;
  };
}

/**
 * Reads the platforms of an image: the `platform` of every runnable index
 * entry, or the config of a single manifest. Manifests and configs are
 * cached by digest (fetches in flight are shared) and checked against it.
 */
export class ManifestReader {
  private readonly manifests = new Map<string, Promise<ParsedManifest>>();
  private readonly configs = new Map<string, Promise<ImagePlatform>>();

  private readonly fetcher: RegistryFetcher;

  constructor(private readonly options: ManifestReaderOptions) {
    this.fetcher = new RegistryFetcher(options);
  }

  async platforms(
    ref: ImageReference,
    signal?: AbortSignal,
  ): Promise<ImagePlatform[]> {
    const fanOut = new LookupFanOut(signal);
    const ctx: Context = {
      ref,
      target: this.options.routing.target(ref),
      scope: `repository:${ref.repository}:pull`,
      signal: fanOut.signal,
    };
    try {
      const manifest = await this.manifest(ctx, ref.reference, ref.digest);
      return await this.platformsOf(ctx, manifest, 0, fanOut);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    } finally {
      fanOut.dispose();
    }
  }

  private async platformsOf(
    ctx: Context,
    manifest: ParsedManifest,
    depth: number,
    fanOut: LookupFanOut,
  ): Promise<ImagePlatform[]> {
    if (manifest.kind === 'image') {
      // Inside an index, an entry whose config is no image (a signature, an SBOM) is no platform.
      if (depth > 0 && !isImageConfigMediaType(manifest.config.mediaType))
        return [];
      return [await fanOut.run(() => this.config(ctx, manifest.config))];
    }
    const refuse = (why: string) =>
      new RegistryError(
        ctx.target.host,
        `${ctx.target.label}: ${this.what(
          ctx,
          'index',
          ctx.ref.reference,
        )} ${why}`,
      );
    const unlabelled = manifest.entries.filter(
      entry =>
        !entry.attestation &&
        !entry.platform &&
        isManifestMediaType(entry.mediaType),
    );
    if (unlabelled.length > 0 && depth >= MAX_NESTING) {
      throw new RegistryError(
        ctx.target.host,
        `${ctx.target.label}: image indexes of ${ctx.ref.repository} are nested too deep`,
      );
    }
    // Decided before any request: one answer of the registry makes at most
    // INDEX_LIMITS.maxUnlabelled more.
    if (!fanOut.reserve(unlabelled.length)) {
      throw refuse(
        `lists ${unlabelled.length} entries without a platform; at most ${INDEX_LIMITS.maxUnlabelled} are looked into`,
      );
    }
    if (manifest.entries.length > INDEX_LIMITS.maxEntries) {
      throw refuse(
        `lists ${manifest.entries.length} entries; at most ${INDEX_LIMITS.maxEntries} are read`,
      );
    }
    const lists = await Promise.all(
      manifest.entries.map(async entry => {
        if (entry.attestation) return [];
        if (entry.platform) return [entry.platform];
        if (!isManifestMediaType(entry.mediaType)) return [];
        const child = await fanOut.run(() =>
          this.manifest(ctx, entry.digest, entry.digest),
        );
        return this.platformsOf(ctx, child, depth + 1, fanOut);
      }),
    );
    const platforms = lists.flat();
    if (platforms.length === 0 && depth === 0) {
      throw new RegistryError(
        ctx.target.host,
        `${ctx.target.label}: ${this.what(
          ctx,
          'manifest',
          ctx.ref.reference,
        )} lists no image platforms`,
      );
    }
    return platforms;
  }

  private what(ctx: Context, kind: string, reference: string): string {
    const sep = isValidDigest(reference) ? '@' : ':';
    return `${kind} ${ctx.ref.repository}${sep}${reference}`;
  }

  private async manifest(
    ctx: Context,
    reference: string,
    digest: string | undefined,
  ): Promise<ParsedManifest> {
    const cached = digest && this.manifests.get(digest);
    if (cached) {
      this.options.counters.cacheHits++;
      return this.orAgain(ctx, cached, () =>
        this.manifest(ctx, reference, digest),
      );
    }
    if (digest) {
      const pending = this.fetchManifest(ctx, reference, digest).then(
        r => r.parsed,
      );
      this.remember(this.manifests, digest, pending);
      return pending;
    }
    const fetched = await this.fetchManifest(ctx, reference, undefined);
    if (!this.manifests.has(fetched.digest)) {
      this.manifests.set(fetched.digest, Promise.resolve(fetched.parsed));
    }
    return fetched.parsed;
  }

  /**
   * A fetch in flight is shared by the lookups that need it; when the
   * lookup that started it is cancelled, the others fetch again.
   */
  private async orAgain<T>(
    ctx: Context,
    shared: Promise<T>,
    again: () => Promise<T>,
  ): Promise<T> {
    try {
      return await shared;
    } catch (error) {
      if (error instanceof LookupCancelled && !ctx.signal?.aborted) {
        return again();
      }
      throw error;
    }
  }

  private remember<T>(
    cache: Map<string, Promise<T>>,
    key: string,
    value: Promise<T>,
  ) {
    cache.set(key, value);
    value.catch(() => {
      if (cache.get(key) === value) cache.delete(key);
    });
  }

  private async fetchManifest(
    ctx: Context,
    reference: string,
    digest: string | undefined,
  ): Promise<{ parsed: ParsedManifest; digest: string }> {
    const { target } = ctx;
    const what = this.what(ctx, 'manifest', reference);
    this.options.counters.manifestRequests++;
    const res = await this.fetcher.get(
      ctx,
      'manifests',
      reference,
      what,
      MANIFEST_MAX_BYTES,
      {
        accept: MANIFEST_ACCEPT,
      },
    );
    const malformed = (why: string) => malformedAnswer(target, what, why);
    let parsed: ParsedManifest;
    try {
      parsed = parseManifest(res.body, headerValue(res, 'content-type'));
    } catch (error) {
      if (error instanceof MalformedAnswerError) throw malformed(error.message);
      throw error;
    }
    const announced = headerValue(res, 'docker-content-digest');
    const expected =
      digest ?? (announced && isValidDigest(announced) ? announced : undefined);
    const mismatch = expected && digestMismatch(expected, res.body);
    if (mismatch && (digest || !mismatch.startsWith('cannot verify'))) {
      throw malformed(`${mismatch}${digest ? '' : ' (Docker-Content-Digest)'}`);
    }
    return { parsed, digest: digest ?? computeDigest(res.body) };
  }

  private async config(
    ctx: Context,
    descriptor: Descriptor,
  ): Promise<ImagePlatform> {
    const { target } = ctx;
    if (!isImageConfigMediaType(descriptor.mediaType)) {
      throw new RegistryError(
        target.host,
        `${target.label}: ${this.what(
          ctx,
          'manifest',
          ctx.ref.reference,
        )} is not a container image (config media type ${
          descriptor.mediaType
        })`,
      );
    }
    const cached = this.configs.get(descriptor.digest);
    if (cached) {
      this.options.counters.cacheHits++;
      return this.orAgain(ctx, cached, () => this.config(ctx, descriptor));
    }
    const pending = this.fetchConfig(ctx, descriptor);
    this.remember(this.configs, descriptor.digest, pending);
    return pending;
  }

  private async fetchConfig(
    ctx: Context,
    descriptor: Descriptor,
  ): Promise<ImagePlatform> {
    const { target } = ctx;
    const what = this.what(ctx, 'config blob', descriptor.digest);
    const malformed = (why: string) => malformedAnswer(target, what, why);
    if (descriptor.size > CONFIG_MAX_BYTES) {
      throw malformed(
        `the manifest gives it ${descriptor.size} bytes, more than ${CONFIG_MAX_BYTES}`,
      );
    }
    this.options.counters.blobRequests++;
    const res = await this.fetcher.get(
      ctx,
      'blobs',
      descriptor.digest,
      what,
      CONFIG_MAX_BYTES,
      {
        accept: `${descriptor.mediaType}, application/octet-stream, */*`,
      },
    );
    if (res.body.length !== descriptor.size) {
      throw malformed(
        `got ${res.body.length} bytes, the manifest says ${descriptor.size}`,
      );
    }
    const mismatch = digestMismatch(descriptor.digest, res.body);
    if (mismatch) throw malformed(mismatch);
    try {
      return parseImageConfig(res.body);
    } catch (error) {
      if (error instanceof MalformedAnswerError) throw malformed(error.message);
      throw error;
    }
  }
}
