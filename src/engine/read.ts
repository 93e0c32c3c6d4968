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
    const info = fstatSync(fd);
    if (!info.isFile()) return { skipped: "not a regular file" };
    if (info.size > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    for (let n = 1; length < bytes.length && n > 0; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
    return decode(bytes.subarray(0, length));
  } catch (e) {
    return failure(e);
  } finally {
    closeSync(fd);
  }
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
    if (bytes.length > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
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
