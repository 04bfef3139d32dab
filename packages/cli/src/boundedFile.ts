import fs from 'node:fs';
import { CliError, errorMessage } from './exitCodes';
import { describeSize, MAX_TEXT_LENGTH } from './fileSize';

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a regular file of at most `maxBytes` bytes, as UTF-8; any
 * other file (`/dev/zero`, a directory, a pipe), a larger one, or bytes
 * that are not UTF-8 are a CliError (exit 2) that says which and why. At most
 * `maxBytes + 1` bytes are ever read, even from a file that grows meanwhile.
 */
export function readBoundedText(
  path: string,
  what: string,
  maxBytes: number,
  limitHint: string,
): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      throw new CliError(
        `${what} ${path} is not a regular file (${kindOf(stat)})`,
      );
    }
    const limit = Math.min(maxBytes, MAX_TEXT_LENGTH);
    const tooLarge = (size: number) =>
      new CliError(
        `${what} ${path} is ${
          size > limit ? `${size} bytes` : 'larger'
        }, more than the limit of ${describeSize(limit)}${
          limit < maxBytes
            ? ' (the longest text Node.js can hold)'
            : `; ${limitHint}`
        }`,
      );
    if (stat.size > limit) throw tooLarge(stat.size);
    let buffer = Buffer.allocUnsafe(Math.min(limit, stat.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // It grew since fstat: read on, up to the limit.
        if (length > limit) throw tooLarge(length);
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = fs.readSync(
        fd,
        buffer,
        length,
        buffer.length - length,
        null,
      );
      if (read === 0) break;
      length += read;
    }
    try {
      return utf8.decode(buffer.subarray(0, length));
    } catch {
      throw new CliError(
        `${what} ${path} is not UTF-8 text (is it a binary file?)`,
      );
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read ${what} ${path}: ${errorMessage(error)}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
