import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync } from "node:fs";
import { MAX_FILE_BYTES } from "../core/limits.js";
import { symlinkRefusal } from "../discover/discover.js";


/** `gone`: listed by git but no longer in the work tree; such a file is not part of the scan. */
/** A skip here is always `unchecked`: the file was not read, so nobody knows what it holds. */
export type ReadResult = { text: string } | { skipped: string } | { failed: string } | { gone: true };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** Where the platform has it, opening refuses a symlink, so no file needs a separate lstat first. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO opened without it would block the run until something writes to it. */
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;

/**
 * Reads a source file as text: BOM removed; binary, oversized and special files turned away with
 * a reason. With `roots`, a symlink is read only when it resolves inside them. Synchronous on
 * purpose: a tight loop of sync reads beats awaiting one promise per file.
 */
export function readSource(absolute: string, maxBytes = MAX_FILE_BYTES, roots?: string[]): ReadResult {
  let fd: number;
  try {
    // Where the platform cannot refuse a symlink on opening, look first.
    if (roots && !NO_FOLLOW && lstatSync(absolute).isSymbolicLink()) return readSymlink(absolute, maxBytes, roots);
    fd = openSync(absolute, constants.O_RDONLY | NON_BLOCKING | (roots ? NO_FOLLOW : 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { gone: true };
    if (code === "ELOOP" && roots) return readSymlink(absolute, maxBytes, roots);
    return failure(e);
  }
  try {
    // Most source files fit the thread's buffer: read first, and ask the size only of a large
    // file (fstat's Stats, dates and all, cost more than the read of a small file).
    const length = readInto(fd, shared, 0);
    if (length === 0 && !fstatSync(fd).isFile()) return { skipped: "not a regular file" };
    if (length < shared.length) return length > maxBytes ? tooLarge(maxBytes) : decode(shared.subarray(0, length));
    const info = fstatSync(fd);
    if (!info.isFile()) return { skipped: "not a regular file" };
    if (info.size > maxBytes) return tooLarge(maxBytes);
    const bytes = Buffer.allocUnsafe(Math.max(info.size, length));
    shared.copy(bytes, 0, 0, length);
    return decode(bytes.subarray(0, readInto(fd, bytes, length)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A directory, or a FIFO something holds open: nothing to lint.
    if (code === "EISDIR" || code === "EAGAIN") return { skipped: "not a regular file" };
    return failure(e);
  } finally {
    closeSync(fd);
  }
}

/** This thread's read buffer. */
const shared = Buffer.allocUnsafe(1 << 20);

/** Reads until the file ends or `bytes` is full, from `length` on: the length read. */
function readInto(fd: number, bytes: Buffer, length: number): number {
  for (let n = 1; length < bytes.length && n > 0; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
  return length;
}

function tooLarge(maxBytes: number): ReadResult {
  return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
}

/** A symlink is read, followed, only when it resolves inside the scanned roots. */
function readSymlink(absolute: string, maxBytes: number, roots: string[]): ReadResult {
  const refusal = symlinkRefusal(absolute, roots);
  return refusal ? { skipped: refusal } : readSource(absolute, maxBytes);
}

/** Standard input (`irsa-lint -`): one stream, read whole. */
export function readStdin(maxBytes = MAX_FILE_BYTES): ReadResult {
  try {
    const bytes = readFileSync(0);
    if (bytes.length > maxBytes) return tooLarge(maxBytes);
    return decode(bytes);
  } catch (e) {
    return failure(e);
  }
}

function decode(bytes: Uint8Array): ReadResult {
  try {
    // A NUL byte alone does not make a file binary (Terraform accepts one in a comment): the
    // parser decides whether it stands where it may.
    return { text: decoder.decode(bytes) };
  } catch {
    return bytes.includes(0) ? { skipped: "binary file" } : { failed: "not valid UTF-8" };
  }
}

function failure(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  return { failed: code === "EACCES" ? "permission denied" : `cannot be read (${code ?? (e as Error).message})` };
}
