import { parseImageReference } from './reference';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  // input, registry, apiHost, repository, tag, digest, canonical
  // prettier-ignore
  it.each([
    ['nginx', 'docker.io', 'registry-1.docker.io', 'library/nginx', 'latest', undefined, 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io', 'registry-1.docker.io', 'library/nginx', '1.27', undefined, 'docker.io/library/nginx:1.27'],
    ['library/nginx', 'docker.io', 'registry-1.docker.io', 'library/nginx', 'latest', undefined, 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', 'docker.io', 'registry-1.docker.io', 'library/nginx', 'latest', undefined, 'docker.io/library/nginx:latest'],
    ['index.docker.io/nginx:1', 'docker.io', 'registry-1.docker.io', 'library/nginx', '1', undefined, 'docker.io/library/nginx:1'],
    ['bitnami/redis:7', 'docker.io', 'registry-1.docker.io', 'bitnami/redis', '7', undefined, 'docker.io/bitnami/redis:7'],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com', 'mcr.microsoft.com', 'windows/servercore', 'ltsc2022', undefined, 'mcr.microsoft.com/windows/servercore:ltsc2022'],
    ['mcr.microsoft.com/dotnet/framework/aspnet:4.8', 'mcr.microsoft.com', 'mcr.microsoft.com', 'dotnet/framework/aspnet', '4.8', undefined, 'mcr.microsoft.com/dotnet/framework/aspnet:4.8'],
    ['localhost:5000/app', 'localhost:5000', 'localhost:5000', 'app', 'latest', undefined, 'localhost:5000/app:latest'],
    ['localhost/app:v1', 'localhost', 'localhost', 'app', 'v1', undefined, 'localhost/app:v1'],
    ['127.0.0.1:5000/team/app:1.0', '127.0.0.1:5000', '127.0.0.1:5000', 'team/app', '1.0', undefined, '127.0.0.1:5000/team/app:1.0'],
    ['[::1]:5000/app:1', '[::1]:5000', '[::1]:5000', 'app', '1', undefined, '[::1]:5000/app:1'],
    [`myreg.azurecr.io/orders/api@${D}`, 'myreg.azurecr.io', 'myreg.azurecr.io', 'orders/api', undefined, D, `myreg.azurecr.io/orders/api@${D}`],
    [`myreg.azurecr.io/orders/api:1.0@${D}`, 'myreg.azurecr.io', 'myreg.azurecr.io', 'orders/api', '1.0', D, `myreg.azurecr.io/orders/api:1.0@${D}`],
    [`nginx@${D}`, 'docker.io', 'registry-1.docker.io', 'library/nginx', undefined, D, `docker.io/library/nginx@${D}`],
    ['MyReg.AzureCR.io/app:1', 'myreg.azurecr.io', 'myreg.azurecr.io', 'app', '1', undefined, 'myreg.azurecr.io/app:1'],
    ['a/b_c/d__e/f-g--h.i:T_a.g-1', 'docker.io', 'registry-1.docker.io', 'a/b_c/d__e/f-g--h.i', 'T_a.g-1', undefined, 'docker.io/a/b_c/d__e/f-g--h.i:T_a.g-1'],
    ['  nginx:1  ', 'docker.io', 'registry-1.docker.io', 'library/nginx', '1', undefined, 'docker.io/library/nginx:1'],
  ])('%s', (input, registry, apiHost, repository, tag, digest, canonical) => {
    const ref = parseImageReference(input);
    expect(ref).toEqual({
      registry,
      apiHost,
      repository,
      ...(tag !== undefined && { tag }),
      ...(digest !== undefined && { digest }),
      reference: digest ?? tag,
      canonical,
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Nginx', 'must be lowercase'],
    ['docker.io/Library/nginx', 'must be lowercase'],
    ['nginx:', 'bad tag'],
    ['nginx:-bad', 'bad tag'],
    [`nginx:${'t'.repeat(129)}`, 'bad tag'],
    ['nginx@sha256:abc', 'bad digest'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'bad digest'],
    [`nginx@sha256:${'a'.repeat(63)}`, 'bad digest'],
    ['nginx@', 'bad digest'],
    ['a b', 'whitespace'],
    ['registry.example.com/', 'bad repository path component'],
    ['registry.example.com//app', 'bad repository path component'],
    ['app-/x', 'bad repository path component'],
    ['-reg.example.com/app', 'bad registry'],
    ['reg.example.com:port/app', 'bad registry'],
    ['a'.repeat(64), 'image ID'],
    [`reg.example.com/${'a/'.repeat(130)}b`, 'longer than 255'],
  ])('rejects %j (%s)', (input, why) => {
    expect(() => parseImageReference(input)).toThrow(why);
  });

  it('accepts a sha512 digest and other algorithms by grammar', () => {
    const sha512 = `sha512:${'b'.repeat(128)}`;
    expect(parseImageReference(`app@${sha512}`).digest).toBe(sha512);
    const other = `multihash+base58:${'c'.repeat(40)}`;
    expect(parseImageReference(`app@${other}`).reference).toBe(other);
  });
});
