import { OciRegistryClient } from '../client';
import type { RegistryClientOptions } from '../types';
import { TinyHandler, TinyServer, startTinyServer } from './tinyServer';

/**
 * Tiny servers and clients for one test file, stopped and closed after
 * each test. `client(hosts)` allows those hosts and reaches them over http.
 */
export function registryTestHarness(
  defaults: Partial<RegistryClientOptions> = {},
) {
  const servers: TinyServer[] = [];
  const clients: OciRegistryClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map(c => c.close()));
    await Promise.all(servers.splice(0).map(s => s.stop()));
    jest.restoreAllMocks();
  });

  return {
    async server(handler: TinyHandler): Promise<TinyServer> {
      const s = await startTinyServer(handler);
      servers.push(s);
      return s;
    },
    client(
      hosts: string[],
      options: Partial<RegistryClientOptions> = {},
    ): OciRegistryClient {
      const c = new OciRegistryClient({
        allowHosts: hosts,
        insecureHosts: hosts,
        ...defaults,
        ...options,
      });
      clients.push(c);
      return c;
    },
  };
}
