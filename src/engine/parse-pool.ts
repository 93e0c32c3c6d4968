import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import type { DiscoveredFile } from "../discover/discover.js";
import type { HclParser } from "../parse/hcl/parser.js";
import { feedsTerraform, needsHcl, parseSourceFile, type FileOutcome, type ReadOptions } from "./parse-files.js";
import type { ParseRequest, ParseResponse } from "./parse-worker.js";

/**
 * Below this much work, starting a worker costs more than it saves: a worker takes a few hundred
 * milliseconds to answer its first batch, and both threads then compile their code apart. Work is
 * counted in manifests; an HCL file (parsed, then copied out of tree-sitter) weighs HCL_WEIGHT.
 * Measured on 2 vCPUs with the bench's repositories: 3,000 manifests lint 9% slower on two threads.
 */
const WORKER_THRESHOLD = 4500;
const HCL_WEIGHT = 3;
const WORKER_BATCH = 96;
/**
 * Workers parse HCL; they join in on the other files only while at least this many remain. A
 * thread new to YAML runs its parser's code cold: at 1,000 teams this thread ended up waiting
 * 50–200 ms for a worker's last cold batches of manifests, and leaving them here was 3% faster;
 * at 5,000 teams it is the same either way. Below it, as below WORKER_THRESHOLD, a second thread
 * on manifests does not pay. With `--threads`, workers take any file.
 */
const JOIN_AT = 3000;
/** Batches a worker holds at once, so it never waits for this thread to hand out the next. */
const IN_FLIGHT = 2;
const MAX_THREADS = 4;

export interface ParseOptions extends ReadOptions {
  /** Threads to parse on, this one included (`--threads`); by default one per core for large scans. */
  threads?: number;
  /** Sees each outcome on this thread as it arrives, in no particular order. */
  onOutcome?: (file: DiscoveredFile, outcome: FileOutcome) => void;
  /**
   * Other work for this thread (evaluating Terraform), done before its next file: runs for a
   * slice and says whether more is waiting. Workers parse meanwhile.
   */
  between?: () => boolean;
}

/** The worker script: absent when running from TypeScript sources (tests) or a one-file bundle. */
const workerFile = () => [new URL("./parse-worker.mjs", import.meta.url), new URL("./parse-worker.js", import.meta.url)].map((u) => fileURLToPath(u)).find(existsSync) ?? "";
const defaultThreads = () => Math.min(MAX_THREADS, availableParallelism());

/**
 * Starts parse workers before discovery has counted the files, so that their start-up (a few
 * hundred milliseconds on a busy machine) overlaps it, when the scan looks large: git's index
 * lists more files than the worker threshold. `parseFiles` stops the ones it does not need.
 */
export async function startWorkers(paths: string[], cwd: string, requested?: number): Promise<Worker[]> {
  const file = workerFile();
  const threads = requested ?? defaultThreads();
  if (!file || threads < 2 || (requested === undefined && !largeRepository(resolve(cwd, paths[0] ?? ".")))) return [];
  const { Worker } = await import("node:worker_threads");
  return Array.from({ length: threads - 1 }, () => new Worker(file));
}

/** An index entry takes about 100 bytes: a cheap guess at the size of a work tree, before listing it. */
function largeRepository(from: string): boolean {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      return statSync(join(dir, ".git", "index")).size > (WORKER_THRESHOLD / HCL_WEIGHT) * 100;
    } catch {
      if (dirname(dir) === dir) return false;
    }
  }
}

/**
 * Parses files across the cores when there are enough of them (files are independent until
 * linking). This thread takes part, manifests and policies first (their outcomes stay here,
 * uncopied), and evaluates Terraform roots as their files arrive (`between`); workers take
 * Terraform files from the other end and send them back as flat syntax trees (transferred, not
 * copied). Measured on 2 vCPUs, this order is 2–4% faster than the reverse. Outcomes come back in
 * the files' order.
 */
export async function parseFiles(files: DiscoveredFile[], hcl: () => Promise<HclParser>, options: ParseOptions, starting: Promise<Worker[]> = Promise.resolve([])): Promise<FileOutcome[]> {
  const started = await starting;
  const work = files.reduce((sum, f) => sum + (needsHcl(f) ? HCL_WEIGHT : 1), 0);
  const threads = !workerFile() ? 1 : (options.threads ?? (work < WORKER_THRESHOLD ? 1 : defaultThreads()));
  // `--threads` asks for the threads whatever the files: workers then take any file.
  const joinAt = options.threads === undefined ? JOIN_AT : 0;
  const order = [...files.keys()].sort((a, b) => Number(feedsTerraform(files[a])) - Number(feedsTerraform(files[b])) || a - b);
  const outcomes: FileOutcome[] = new Array(files.length);
  const arrive = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    options.onOutcome?.(files[index], outcome);
  };
  let front = 0;
  let back = order.length;
  const breathe = slicer();
  let wake = () => {};

  const workers = started.splice(0, threads - 1);
  if (workers.length < threads - 1) {
    const { Worker } = await import("node:worker_threads");
    while (workers.length < threads - 1) workers.push(new Worker(workerFile()));
  }
  void Promise.all(started.map((w) => w.terminate()));
  try {
    let finished = false;
    const done = Promise.all(workers.map((worker) => feed(worker))).then(() => void (finished = true));
    done.catch(() => {}); // a worker's crash is thrown where `done` is awaited, not as an unhandled rejection

    while (front < back) {
      if (!options.between?.()) {
        const index = order[front++];
        arrive(index, await parseSourceFile(files[index], hcl, options));
      }
      // Let the workers' answers in now and then, and hand them their next batches.
      if (workers.length) await breathe();
    }
    // The rest is with the workers: do the other work as their answers come in.
    while (!finished) {
      if (options.between?.()) await breathe();
      else await Promise.race([done, new Promise<void>((resolve) => (wake = resolve))]);
    }
    await done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;

  function feed(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let pending = 0;
      let joined = false;
      /** How many files at the back, up to `most`, need HCL. */
      const hclRun = (most: number) => {
        let k = 0;
        while (k < most && needsHcl(files[order[back - 1 - k]])) k++;
        return k;
      };
      const send = () => {
        if (front >= back) return;
        if (!joined && !needsHcl(files[order[back - 1]])) {
          if (back - front < joinAt) return;
          joined = true;
        }
        let count = Math.min(WORKER_BATCH, back - front);
        // Until it joins in, a batch holds HCL files only.
        if (!joined) count = hclRun(count);
        const indices = order.slice(back - count, back);
        back -= count;
        pending++;
        worker.postMessage({ indices, files: indices.map((i) => files[i]), read: { maxBytes: options.maxBytes, roots: options.roots, ...(options.overlay ? { overlay: options.overlay } : {}) } } satisfies ParseRequest);
      };
      worker.on("message", (response: ParseResponse) => {
        response.indices.forEach((index, k) => arrive(index, response.outcomes[k]));
        pending--;
        send();
        wake();
        if (pending === 0) resolve();
      });
      worker.on("error", reject);
      for (let i = 0; i < IN_FLIGHT; i++) send();
      if (pending === 0) resolve();
    });
  }
}

/** How long this thread works before it answers the workers again. */
export const SLICE_MS = 8;

/** A pause that yields to the event loop once a slice of work has passed: lets worker threads' messages in. */
function slicer(): () => Promise<void> | undefined {
  let sliceEnd = 0;
  return () => {
    const now = performance.now();
    if (now < sliceEnd) return undefined;
    sliceEnd = now + SLICE_MS;
    return new Promise((resolve) => setImmediate(resolve));
  };
}
