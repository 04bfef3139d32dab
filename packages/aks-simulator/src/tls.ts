import { generate } from 'selfsigned';

export interface SimulatorCertificate {
  /** PEM of the self-signed certificate: what clients trust as their CA. */
  cert: string;
  /** PEM of its private key (PKCS#8). */
  key: string;
}

const SKEW_MS = 2 * 365 * 24 * 60 * 60 * 1000;

/**
 * A fresh self-signed certificate for the loopback server: SAN IP:127.0.0.1,
 * IP:::1 and DNS:localhost, valid from two years before `now` to two years
 * after: its clients may keep another clock than the process that made it (a
 * test moves its own clock with faketime while its backend replicas keep the
 * database's), and it lives only as long as the simulator does.
 * It is its own CA (basicConstraints cA, keyCertSign), so that a client can
 * trust it as a certificate authority (`ca`, `certificate-authority-data`,
 * NODE_EXTRA_CA_CERTS) and also as a pinned leaf.
 */
export async function createSimulatorCertificate(
  now: Date = new Date(),
): Promise<SimulatorCertificate> {
  const notBeforeDate = new Date(now.getTime() - SKEW_MS);
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
      notAfterDate: new Date(now.getTime() + SKEW_MS),
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
