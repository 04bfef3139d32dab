import { generate } from 'selfsigned';

export interface SimulatorCertificate {
  /** PEM of the self-signed certificate: what clients trust as their CA. */
  cert: string;
  /** PEM of its private key (PKCS#8). */
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh self-signed certificate for the loopback server: SAN IP:127.0.0.1,
 * IP:::1 and DNS:localhost, valid from yesterday (clock skew) for 30 days.
 * It is its own CA (basicConstraints cA, keyCertSign), so that a client can
 * trust it as a certificate authority (`ca`, `certificate-authority-data`,
 * NODE_EXTRA_CA_CERTS) and also as a pinned leaf.
 */
export async function createSimulatorCertificate(
  now: Date = new Date(),
): Promise<SimulatorCertificate> {
  const notBeforeDate = new Date(now.getTime() - DAY_MS);
  const pems = await generate(
    [
      { name: 'commonName', value: 'aks-simulator' },
      { name: 'organizationName', value: 'winready aks-simulator (test only)' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 31 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          digitalSignature: true,
          keyCertSign: true,
          critical: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}
