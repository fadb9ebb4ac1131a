import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { signatureLength } from './file-type.js';

export interface StoredFile {
  storageKey: string;
  sizeBytes: number;
  sha256: string;
  /** The first bytes, for type detection. */
  head: Buffer;
}

/**
 * Files live under `<dataDir>/files/<yyyy>/<mm>/<random>`: the key is ours,
 * never derived from the uploaded name, so no input reaches the path.
 */
export class FileStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  private pathOf(storageKey: string): string {
    return path.join(this.root, ...storageKey.split('/'));
  }

  async write(source: NodeJS.ReadableStream, now = new Date()): Promise<StoredFile> {
    const month = String(now.getUTCMonth() + 1).padStart(2, '0');
    const storageKey = `${now.getUTCFullYear()}/${month}/${randomBytes(16).toString('hex')}`;
    const target = this.pathOf(storageKey);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let head = Buffer.alloc(0);
    const observe = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        if (head.length < signatureLength) head = Buffer.concat([head, chunk.subarray(0, signatureLength - head.length)]);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, observe, fs.createWriteStream(target, { flags: 'wx' }));
    } catch (error) {
      await this.remove(storageKey);
      throw error;
    }
    return { storageKey, sizeBytes, sha256: hash.digest('hex'), head };
  }

  /** Opens before answering, so a missing file fails the request instead of breaking a started download. */
  async open(storageKey: string) {
    const handle = await fs.promises.open(this.pathOf(storageKey), 'r');
    return handle.createReadStream();
  }

  async remove(storageKey: string): Promise<void> {
    await fs.promises.rm(this.pathOf(storageKey), { force: true });
  }
}
