import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EntityServiceMap } from '../catalog/EntityServiceMap';
import { loadEntityServiceMap } from '../catalog/loadMappedEntities';

/**
 * The catalog entities with Kubernetes annotations, read with the plugin's
 * own credentials, kept between refreshes so that a page view costs no
 * catalog call when the caller may read everything.
 */
export class EntityCache {
  private current?: Promise<EntityServiceMap>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  private loadedAt = 0;

  /** Reads the catalog again (each evaluation does). */
  reload(): Promise<EntityServiceMap> {
    this.loadedAt = Date.now();
    this.current = this.auth
      .getOwnServiceCredentials()
      .then(credentials => loadEntityServiceMap(this.catalog, credentials));
    this.current.catch(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private holders = 0;

  /**
   * Runs `use` with the catalog read anew, or, while other runs of this
   * instance hold a read, with theirs: shard runs at once share one copy in
   * memory instead of each its own, and a run that starts alone (a new cycle,
   * a refresh asked for) reads the catalog again.
   */
  async hold<T>(use: (entities: EntityServiceMap) => Promise<T>): Promise<T> {
    const read =
      this.holders > 0 && this.current ? this.current : this.reload();
    this.holders++;
    try {
      return await use(await read);
    } finally {
      this.holders--;
    }
  }

  get(): Promise<EntityServiceMap> {
    if (!this.current || Date.now() - this.loadedAt > this.maxAgeMs) {
      return this.reload();
    }
    return this.current;
  }
}
