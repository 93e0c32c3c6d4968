import { readFileSync, statSync } from "node:fs";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { text: string } | { skipped: string } | { failed: string };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Reads a source file as text: BOM removed, binary and oversized files turned away with a reason.
 * Synchronous on purpose: a tight loop of sync reads beats awaiting one promise per file.
 */
export function readSource(absolute: string, maxBytes = MAX_FILE_BYTES, knownSize?: number, stdin = false): ReadResult {
  try {
    const size = stdin ? 0 : (knownSize ?? statSync(absolute).size);
    if (size > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const bytes = readFileSync(stdin ? 0 : absolute);
    if (bytes.length > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    if (bytes.includes(0)) return { skipped: "binary file" };
    return { text: decoder.decode(bytes) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err instanceof TypeError) return { failed: "not valid UTF-8" };
    return { failed: err.code === "EACCES" ? "permission denied" : `cannot be read (${err.code ?? err.message})` };
  }
}
