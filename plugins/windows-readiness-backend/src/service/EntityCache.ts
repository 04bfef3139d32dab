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

  /**
   * The catalog as read at most `maxAgeMs` ago, read again if older: shard
   * runs that start together share one read (and one copy in memory) instead
   * of each its own.
   */
  recent(maxAgeMs = 30_000): Promise<EntityServiceMap> {
    if (this.current && Date.now() - this.loadedAt <= maxAgeMs) {
      return this.current;
    }
    return this.reload();
  }

  get(): Promise<EntityServiceMap> {
    if (!this.current || Date.now() - this.loadedAt > this.maxAgeMs) {
      return this.reload();
    }
    return this.current;
  }
}
