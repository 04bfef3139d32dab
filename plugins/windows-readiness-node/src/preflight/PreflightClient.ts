import type {
  ManifestCheckResult,
  PreflightRequest,
} from '@winready/plugin-windows-readiness-common';

export interface PreflightClientOptions {
  /** The readiness backend plugin's base URL, e.g. `https://backstage.example.com/api/windows-readiness`. */
  baseUrl: () => Promise<string>;
  /** A Backstage token the backend accepts (user, service or static). */
  token: () => Promise<string | undefined>;
  fetch?: typeof fetch;
}

/** The backend answered with an error: its status and its message, never the token. */
export class PreflightError extends Error {
  name = 'PreflightError';

  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

// Backstage's error handler answers `{ error: { name, message } }`.
async function errorMessageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: the status text says it
  }
  return text.slice(0, 200) || response.statusText;
}

/**
 * Calls `POST /v1/preflight` of the windows-readiness backend: manifests
 * judged against a cluster's stored pools, without Azure credentials.
 */
export class PreflightClient {
  constructor(private readonly options: PreflightClientOptions) {}

  async check(request: PreflightRequest): Promise<ManifestCheckResult> {
    const baseUrl = (await this.options.baseUrl()).replace(/\/+$/, '');
    const token = await this.options.token();
    const url = `${baseUrl}/v1/preflight`;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(request),
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause;
      throw new PreflightError(
        `Cannot reach ${url}: ${cause?.message ?? (error as Error).message}`,
      );
    }
    if (!response.ok) {
      throw new PreflightError(
        `${url} answered ${response.status}: ${await errorMessageOf(response)}`,
        response.status,
      );
    }
    return (await response.json()) as ManifestCheckResult;
  }
}
