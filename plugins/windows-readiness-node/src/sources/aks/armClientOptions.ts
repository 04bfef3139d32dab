import { Agent } from 'node:https';
import type { ContainerServiceClientOptionalParams } from '@azure/arm-containerservice';

/**
 * Client options for ARM at `endpoint`, trusting an extra CA when given (the
 * AKS simulator's self-signed certificate; NODE_EXTRA_CA_CERTS is only read
 * at process start, so in-process clients need their own agent).
 */
export function armClientOptions(
  endpoint: string,
  caPem?: string,
): ContainerServiceClientOptionalParams {
  if (!caPem) return { endpoint };
  const agent = new Agent({ ca: caPem, keepAlive: true });
  return {
    endpoint,
    additionalPolicies: [
      {
        position: 'perCall',
        policy: {
          name: 'winreadyTrustedCa',
          sendRequest: (request, next) => {
            request.agent = agent;
            return next(request);
          },
        },
      },
    ],
  };
}
