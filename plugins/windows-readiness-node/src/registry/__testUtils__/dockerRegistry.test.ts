import { INSTALL_HINT, dockerRegistryBinary } from './dockerRegistry';

describe('dockerRegistryBinary', () => {
  it('fails with the install hint when docker-registry is not installed', () => {
    expect(() => dockerRegistryBinary(['/nonexistent'])).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toMatch(/apt-get install -y docker-registry/);
  });
});
