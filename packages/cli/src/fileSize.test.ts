import { CliError } from './exitCodes';
import { DEFAULT_MAX_FILE_SIZE, maxFileSize, parseFileSize } from './fileSize';

describe('parseFileSize', () => {
  it.each([
    ['1048576', 1048576],
    ['300MB', 300_000_000],
    ['1.5 GB', 1_500_000_000],
    ['512MiB', 512 * 2 ** 20],
    ['1kb', 1000],
    ['2KiB', 2048],
    ['10b', 10],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseFileSize(text)).toBe(bytes);
  });

  it.each(['', 'lots', '-1', '0', '1 TB', '1e9', 'MB'])('refuses %j', text => {
    expect(parseFileSize(text)).toBeUndefined();
  });
});

describe('maxFileSize', () => {
  it('takes the flag, else WINREADY_MAX_FILE_SIZE, else the default', () => {
    expect(maxFileSize(5, { WINREADY_MAX_FILE_SIZE: '10' })).toBe(5);
    expect(maxFileSize(undefined, { WINREADY_MAX_FILE_SIZE: '1MB' })).toBe(1e6);
    expect(maxFileSize(undefined, {})).toBe(DEFAULT_MAX_FILE_SIZE);
  });

  it('names the variable when it holds no size', () => {
    expect(() =>
      maxFileSize(undefined, { WINREADY_MAX_FILE_SIZE: 'lots' }),
    ).toThrow(
      new CliError(
        'WINREADY_MAX_FILE_SIZE must be a size such as 300MB or 1048576, got "lots"',
      ),
    );
  });
});
