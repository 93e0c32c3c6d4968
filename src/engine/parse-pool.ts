import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DiscoveredFile } from "../discover/discover.js";
import type { HclParser } from "../parse/hcl/parser.js";
import { parseSourceFile, type FileOutcome } from "./parse-files.js";
import type { ParseRequest, ParseResponse } from "./parse-worker.js";

/**
 * Below this many files, starting workers (each loads the parsers and their WebAssembly) costs more
 * than it saves. Measured on 2 vCPUs (npm run bench): 4,000 files parse 0.6 s slower on workers,
 * 20,000 files 1.4 s faster.
 */
const WORKER_THRESHOLD = 8000;
const BATCH = 64;
const MAX_WORKERS = 4;

/**
 * Parses files on worker threads across the cores when there are enough of them (files are
 * independent until linking), else in this thread. Outcomes come back in the files' order.
 */
export async function parseFiles(files: DiscoveredFile[], hcl: () => Promise<HclParser>, maxBytes?: number, requested?: number): Promise<FileOutcome[]> {
  const workerFile = [new URL("./parse-worker.mjs", import.meta.url), new URL("./parse-worker.js", import.meta.url)].map((u) => fileURLToPath(u)).find(existsSync) ?? "";
  // `requested` (--threads) overrides the automatic choice; 1 parses in this thread.
  const threads = requested ?? (files.length < WORKER_THRESHOLD ? 1 : Math.min(MAX_WORKERS, availableParallelism()));
  // From TypeScript sources (tests) or a single-file bundle there is no worker script: parse here.
  if (threads < 2 || !workerFile) {
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await parseSourceFile(file, hcl, maxBytes));
    return outcomes;
  }
  const batches: DiscoveredFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results: FileOutcome[][] = new Array(batches.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerFile));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const batch = next++;
              worker.postMessage({ batch, files: batches[batch], maxBytes } satisfies ParseRequest);
            };
            worker.on("message", (response: ParseResponse) => {
              results[response.batch] = response.outcomes;
              send();
            });
            worker.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
