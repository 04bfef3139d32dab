/** The OS SKU what-if's request and answer: `POST /v1/what-if`, `winready what-if --os-sku`. */
import type { ServiceStatus } from './results';

export interface WhatIfRequest {
  cluster: string;
  pool: string;
  osSku: string;
}

export interface WhatIfImpact {
  id: string;
  before: ServiceStatus;
  after: ServiceStatus;
  /** `check-id: message` for every check whose result got worse. */
  reasons: string[];
}

export interface WhatIfResult {
  cluster: string;
  pool: string;
  fromOsSku: string | null;
  toOsSku: string;
  asOf: string;
  impacted: WhatIfImpact[];
}
