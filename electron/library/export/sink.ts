/**
 * A file written piece by piece with back-pressure: `write` waits when the OS is behind, so
 * a 10,000-article export holds one article's text at a time, not the whole output.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export class FileSink {
  /** Bytes accepted so far. */
  bytes = 0;
  private failure: Error | null = null;

  private constructor(private readonly stream: WriteStream) {
    stream.on('error', (error) => (this.failure ??= error));
  }

  /** Creates the file; fails if it exists (temporary names are fresh, so that means a bug or a race). */
  static async create(path: string): Promise<FileSink> {
    const stream = createWriteStream(path, { flags: 'wx', highWaterMark: 1 << 20 });
    await once(stream, 'open');
    return new FileSink(stream);
  }

  /**
   * A one-file export's whole life: the file is created first (so the temporary exists for
   * the whole export), `fill` writes it, and it is closed, or on any failure destroyed
   * (the exporter then removes it).
   */
  static async writeFile(path: string, fill: (sink: FileSink) => Promise<void>): Promise<{ files: 1; bytes: number }> {
    const sink = await FileSink.create(path);
    try {
      await fill(sink);
      await sink.close();
    } finally {
      await sink.destroy();
    }
    return { files: 1, bytes: sink.bytes };
  }

  /** The underlying stream, for piping a producer (the EPUB zip) into it. */
  get writable(): WriteStream {
    return this.stream;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes and closes; resolves once every byte is on its way to the disk. */
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure) throw this.failure;
  }

  /** Closes without flushing, for a failed or cancelled export (the file is removed after). */
  async destroy(): Promise<void> {
    if (this.stream.closed) return;
    this.stream.destroy();
    await once(this.stream, 'close').catch(() => undefined);
  }
}
