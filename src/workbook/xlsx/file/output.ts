import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { WorkbookFileError } from "../errors";
import { drained } from "./through";

/**
 * A file written next to its destination and moved over it only when complete: a
 * failure (or a refusal found halfway) leaves OUT as it was, and OUT may be the file
 * being read.
 */
export class AtomicFile {
  private readonly temp: string;
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    this.stream = createWriteStream(this.temp);
    this.stream.on("error", (error) => (this.failure ??= error));
  }

  /** Writes with back-pressure: waits while the disk is behind. */
  write = async (bytes: Uint8Array): Promise<void> => {
    if (this.failure) throw this.cannotWrite(this.failure);
    if (!this.stream.write(bytes)) await drained(this.stream);
    if (this.failure) throw this.cannotWrite(this.failure);
  };

  private cannotWrite(error: Error): WorkbookFileError {
    return new WorkbookFileError(`cannot write ${this.path}: ${error.message}`);
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) {
      await this.discard();
      throw this.cannotWrite(this.failure);
    }
    try {
      await rename(this.temp, this.path);
    } catch (error) {
      await this.discard();
      throw this.cannotWrite(error as Error);
    }
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}

/** Runs a write into an AtomicFile: committed when `write` succeeds, discarded when it throws. */
export async function writeAtomically<T>(path: string, write: (sink: (bytes: Uint8Array) => Promise<void>) => Promise<T>): Promise<T> {
  const file = new AtomicFile(path);
  try {
    const result = await write(file.write);
    await file.commit();
    return result;
  } catch (error) {
    await file.discard();
    throw error;
  }
}
