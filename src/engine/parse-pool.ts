import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import type { DiscoveredFile, FileKind } from "../discover/discover.js";
import type { HclParser } from "../parse/hcl/parser.js";
import { parseSourceFile, type FileOutcome, type ReadOptions } from "./parse-files.js";
import type { ParseRequest, ParseResponse } from "./parse-worker.js";

/**
 * Below this many files, starting a worker costs more than it saves. Measured on 2 vCPUs with
 * the bench's repositories: 2,070 files lint 4% slower on two threads, 4,142 files 9% faster.
 */
const WORKER_THRESHOLD = 3000;
const WORKER_BATCH = 96;
/** Batches a worker holds at once, so it never waits for this thread to hand out the next. */
const IN_FLIGHT = 2;
const MAX_THREADS = 4;

export interface ParseOptions extends ReadOptions {
  /** Threads to parse on, this one included (`--threads`); by default one per core for large scans. */
  threads?: number;
  /**
   * Runs on this thread as soon as every file Terraform reads is parsed, while workers go on
   * with the rest. It should `breathe()` often so that the workers are kept busy meanwhile.
   */
  afterTerraformFiles?: (outcomes: FileOutcome[]) => Promise<void>;
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
      return statSync(join(dir, ".git", "index")).size > WORKER_THRESHOLD * 100;
    } catch {
      if (dirname(dir) === dir) return false;
    }
  }
}

const TERRAFORM_KINDS: ReadonlySet<FileKind> = new Set(["terraform", "terraform-json", "tfvars", "tfvars-json"]);

/**
 * Parses files across the cores when there are enough of them (files are independent until
 * linking). This thread takes part, Terraform files first, so it can evaluate them while the
 * workers parse the rest; workers take files from the other end and send HCL back as flat syntax
 * trees (transferred, not copied). Outcomes come back in the files' order.
 */
export async function parseFiles(files: DiscoveredFile[], hcl: () => Promise<HclParser>, options: ParseOptions, starting: Promise<Worker[]> = Promise.resolve([])): Promise<FileOutcome[]> {
  const started = await starting;
  const threads = !workerFile() ? 1 : (options.threads ?? (files.length < WORKER_THRESHOLD ? 1 : defaultThreads()));
  const order = [...files.keys()].sort((a, b) => Number(TERRAFORM_KINDS.has(files[b].kind)) - Number(TERRAFORM_KINDS.has(files[a].kind)) || a - b);
  const terraformCount = files.filter((f) => TERRAFORM_KINDS.has(f.kind)).length;
  const outcomes: FileOutcome[] = new Array(files.length);
  let front = 0;
  let back = order.length;
  let interludeDone = false;
  const interlude = async () => {
    interludeDone = true;
    await options.afterTerraformFiles?.(order.slice(0, terraformCount).map((i) => outcomes[i]));
  };

  const workers = started.splice(0, threads - 1);
  if (workers.length < threads - 1) {
    const { Worker } = await import("node:worker_threads");
    while (workers.length < threads - 1) workers.push(new Worker(workerFile()));
  }
  void Promise.all(started.map((w) => w.terminate()));
  try {
    const done = workers.map((worker) => feed(worker));
    while (front < back) {
      if (!interludeDone && front === terraformCount) await interlude();
      const index = order[front++];
      outcomes[index] = await parseSourceFile(files[index], hcl, options);
      // Let the workers' answers in now and then, and hand them their next batches.
      if (workers.length) await breathe();
    }
    await Promise.all(done);
    if (!interludeDone) await interlude();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;

  function feed(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let pending = 0;
      const send = () => {
        if (front >= back) return;
        const count = Math.min(WORKER_BATCH, back - front);
        const indices = order.slice(back - count, back);
        back -= count;
        pending++;
        worker.postMessage({ indices, files: indices.map((i) => files[i]), read: { maxBytes: options.maxBytes, roots: options.roots } } satisfies ParseRequest);
      };
      worker.on("message", (response: ParseResponse) => {
        response.indices.forEach((index, k) => (outcomes[index] = response.outcomes[k]));
        pending--;
        send();
        if (pending === 0) resolve();
      });
      worker.on("error", reject);
      for (let i = 0; i < IN_FLIGHT; i++) send();
      if (pending === 0) resolve();
    });
  }
}

const SLICE_MS = 8;
let sliceEnd = 0;

/** Yields to the event loop once a slice of work has passed: lets worker threads' messages in. */
export function breathe(): Promise<void> | undefined {
  const now = performance.now();
  if (now < sliceEnd) return undefined;
  sliceEnd = now + SLICE_MS;
  return new Promise((resolve) => setImmediate(resolve));
}
