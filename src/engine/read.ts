import { readFile, stat } from "node:fs/promises";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { text: string } | { skipped: string } | { failed: string };

/** Reads a source file as text: BOM removed, binary and oversized files turned away with a reason. */
export async function readSource(absolute: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  try {
    const info = await stat(absolute);
    if (info.size > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const bytes = await readFile(absolute);
    if (bytes.includes(0)) return { skipped: "binary file" };
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err instanceof TypeError) return { failed: "not valid UTF-8" };
    return { failed: err.code === "EACCES" ? "permission denied" : `cannot be read (${err.code ?? err.message})` };
  }
}
