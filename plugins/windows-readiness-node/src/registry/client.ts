import type {
  ImagePlatform,
  ImageRecord,
} from '@winready/plugin-windows-readiness-common';
import { RegistryAuth } from './auth';
import { Redactor, RegistryError } from './errors';
import { Limiter } from './limiter';
import { ManifestReader } from './manifestReader';
import { InvalidReferenceError, parseImageReference } from './reference';
import { RegistryRouting } from './routing';
import { HttpTransport } from './transport';
import type { RegistryClientOptions } from './types';

const DEFAULTS = { concurrency: 8, timeoutMs: 10_000, retries: 2 };

export interface RegistryClientStats {
  /** Manifests fetched (one per manifest, whatever auth and retries took). */
  manifestRequests: number;
  /** Config blobs fetched. */
  blobRequests: number;
  /** HTTP requests to token servers (an ACR exchange counts too). */
  tokenRequests: number;
  /** Answers served from the client's caches (references, manifests and configs by digest). */
  cacheHits: number;
}

function checkNumber(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

/**
 * Tells which platforms an image offers, from the registry that holds it.
 * One client serves one scan: it remembers every answer (also errors) for
 * its lifetime, and never fetches a manifest or config twice.
 */
export class OciRegistryClient {
  private readonly routing: RegistryRouting;
  private readonly redactor = new Redactor();
  private readonly transport: HttpTransport;
  private readonly reader: ManifestReader;
  private readonly describes: Limiter;
  private readonly records = new Map<string, Promise<ImageRecord>>();
  private readonly counters: RegistryClientStats = {
    manifestRequests: 0,
    blobRequests: 0,
    tokenRequests: 0,
    cacheHits: 0,
  };

  constructor(private readonly options: RegistryClientOptions) {
    if (!options || typeof options !== 'object') {
      throw new TypeError('OciRegistryClient needs options with allowHosts');
    }
    this.routing = new RegistryRouting(options);
    const concurrency = checkNumber(
      'concurrency',
      options.concurrency ?? DEFAULTS.concurrency,
      1,
    );
    const credentials = options.credentials ?? [];
    if (credentials.some(c => c.type === 'acr') && !options.entraToken) {
      throw new TypeError(
        'credentials of type "acr" need the entraToken option',
      );
    }
    this.transport = new HttpTransport({
      ca: options.ca,
      timeoutMs: checkNumber(
        'timeoutMs',
        options.timeoutMs ?? DEFAULTS.timeoutMs,
        1,
      ),
      retries: checkNumber('retries', options.retries ?? DEFAULTS.retries, 0),
      concurrency,
      isAllowed: this.routing.isAllowed,
      isInsecure: this.routing.isInsecure,
      redactor: this.redactor,
      logger: options.logger,
    });
    const auth = new RegistryAuth({
      transport: this.transport,
      credentials,
      entraToken: options.entraToken,
      isAllowed: this.routing.isAllowed,
      isInsecure: this.routing.isInsecure,
      redactor: this.redactor,
      logger: options.logger,
      onTokenRequest: () => this.counters.tokenRequests++,
    });
    this.reader = new ManifestReader({
      auth,
      routing: this.routing,
      redactor: this.redactor,
      hasCredentials: host => auth.credentialFor(host) !== undefined,
      counters: this.counters,
    });
    this.describes = new Limiter(concurrency * 4);
  }

  /**
   * The platforms of one image. Registry and network problems come back as
   * `{ platforms: [], error }`; an aborted signal rejects with its reason.
   */
  async describe(
    reference: string,
    signal?: AbortSignal,
  ): Promise<ImageRecord> {
    if (typeof reference !== 'string') {
      throw new TypeError('describe() takes an image reference string');
    }
    if (signal?.aborted) throw signal.reason;
    let ref;
    try {
      ref = parseImageReference(reference);
    } catch (error) {
      if (error instanceof InvalidReferenceError) {
        return { platforms: [], error: error.message };
      }
      throw error;
    }
    if (!this.routing.allowsRegistry(ref.registry)) {
      return {
        platforms: [],
        error: `registry host ${ref.registry} is not in the allow-list`,
      };
    }
    const known = this.records.get(ref.canonical);
    if (known) {
      this.counters.cacheHits++;
      return copy(await known);
    }
    const pending = this.resolve(ref, signal);
    this.records.set(ref.canonical, pending);
    // An abort or a bug is no answer of the registry's: let a later call try again.
    pending.catch(() => this.records.delete(ref.canonical));
    return copy(await pending);
  }

  /** Describes many references; the record of each is keyed by the reference as given. */
  async describeAll(
    references: string[],
    options: {
      signal?: AbortSignal;
      onProgress?(done: number, total: number): void;
    } = {},
  ): Promise<Record<string, ImageRecord>> {
    const unique = [...new Set(references)];
    let done = 0;
    const entries = await Promise.all(
      unique.map(async reference => {
        const record = await this.describes.run(
          () => this.describe(reference, options.signal),
          options.signal,
        );
        done++;
        options.onProgress?.(done, unique.length);
        return [reference, record] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  stats(): RegistryClientStats {
    return { ...this.counters };
  }

  /** Closes the connections this client keeps open. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  private async resolve(
    ref: ReturnType<typeof parseImageReference>,
    signal?: AbortSignal,
  ): Promise<ImageRecord> {
    try {
      const platforms = await this.reader.platforms(ref, signal);
      return { platforms };
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const message = this.redactor.redact(error.message);
      this.options.logger?.warn('could not describe image', {
        reference: ref.canonical,
        error: message,
      });
      return { platforms: [], error: message };
    }
  }
}

function copy(record: ImageRecord): ImageRecord {
  return {
    platforms: record.platforms.map((p: ImagePlatform) => ({
      ...p,
      ...(p.osFeatures && { osFeatures: [...p.osFeatures] }),
    })),
    ...(record.error !== undefined && { error: record.error }),
  };
}
