/**
 * Abuse: a registry or API server that echoes an Authorization header back
 * in an error, in any letter case, never gets it into a message of ours.
 */
import { Redactor } from '../registry/errors';
import { redactSecrets } from '../snapshot/sourceError';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl';

describe('the registry client redactor', () => {
  it.each([
    `Bearer ${TOKEN}`,
    `bearer ${TOKEN}`,
    `BEARER ${TOKEN}`,
    `Basic ${Buffer.from('bot:S3cret-pa55word!').toString('base64')}`,
    `basic ${Buffer.from('bot:S3cret-pa55word!').toString('base64')}`,
    `BaSiC ${Buffer.from('bot:S3cret-pa55word!').toString('base64')}`,
  ])('blanks %s echoed back by a registry', header => {
    const echoed = `unauthorized: header was "authorization: ${header}"`;
    const redacted = new Redactor().redact(echoed);
    expect(redacted).not.toContain(header.split(' ')[1]);
    expect(redacted).toContain('***');
  });
});

describe('redactSecrets of source errors', () => {
  it.each([
    `Authorization: Bearer ${TOKEN}`,
    `authorization: bearer ${TOKEN}`,
    `AUTHORIZATION: BASIC ${TOKEN}`,
    `access_token=${TOKEN}`,
    `"Password": "${TOKEN}"`,
  ])('blanks %s', text => {
    expect(redactSecrets(`request failed: ${text}`)).not.toContain(TOKEN);
  });
});
