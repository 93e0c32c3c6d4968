import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  MAX_FILE_BYTES,
  symlinkRefusal
} from "./chunk-NHPH4HMX.mjs";

// src/engine/read.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync } from "node:fs";
var decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
var NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
var NON_BLOCKING = constants.O_NONBLOCK ?? 0;
function readSource(absolute, maxBytes = MAX_FILE_BYTES, roots) {
  let fd;
  try {
    if (roots && !NO_FOLLOW && lstatSync(absolute).isSymbolicLink()) return readSymlink(absolute, maxBytes, roots);
    fd = openSync(absolute, constants.O_RDONLY | NON_BLOCKING | (roots ? NO_FOLLOW : 0));
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return { gone: true };
    if (code === "ELOOP" && roots) return readSymlink(absolute, maxBytes, roots);
    return failure(e);
  }
  try {
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
    const code = e.code;
    if (code === "EISDIR" || code === "EAGAIN") return { skipped: "not a regular file" };
    return failure(e);
  } finally {
    closeSync(fd);
  }
}
var shared = Buffer.allocUnsafe(1 << 20);
function readInto(fd, bytes, length) {
  for (let n = 1; length < bytes.length && n > 0; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
  return length;
}
function tooLarge(maxBytes) {
  return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
}
function readSymlink(absolute, maxBytes, roots) {
  const refusal = symlinkRefusal(absolute, roots);
  return refusal ? { skipped: refusal } : readSource(absolute, maxBytes);
}
function readStdin(maxBytes = MAX_FILE_BYTES) {
  try {
    const bytes = readFileSync(0);
    if (bytes.length > maxBytes) return tooLarge(maxBytes);
    return decode(bytes);
  } catch (e) {
    return failure(e);
  }
}
function decode(bytes) {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return bytes.includes(0) ? { skipped: "binary file" } : { failed: "not valid UTF-8" };
  }
}
function failure(e) {
  const code = e.code;
  return { failed: code === "EACCES" ? "permission denied" : `cannot be read (${code ?? e.message})` };
}

export {
  readSource,
  readStdin
};
