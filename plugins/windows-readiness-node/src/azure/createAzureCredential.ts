import type { AccessToken, TokenCredential } from '@azure/core-auth';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import type { AzureCredentialConfig } from '../config/sourcesConfig';

/** A fixed token: for the AKS simulator and tests, never for Azure. */
class StaticTokenCredential implements TokenCredential {
  constructor(private readonly token: string) {}

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** The server-side Azure credential the config asks for. */
export function createAzureCredential(
  config: AzureCredentialConfig,
): TokenCredential {
  switch (config.type) {
    case 'static':
      return new StaticTokenCredential(config.token);
    case 'clientSecret':
      return new ClientSecretCredential(
        config.tenantId,
        config.clientId,
        config.clientSecret,
      );
    case 'workloadIdentity':
      return new WorkloadIdentityCredential({
        tenantId: config.tenantId,
        clientId: config.clientId,
      });
    default:
      return new DefaultAzureCredential({
        tenantId: config.tenantId,
        managedIdentityClientId: config.clientId,
      });
  }
}

/** The scope of the AKS API server's Entra application (AKS-managed Entra ID). */
export const AKS_SERVER_SCOPE = '6dae42f8-4368-4678-94ff-3960e28e3630/.default';
