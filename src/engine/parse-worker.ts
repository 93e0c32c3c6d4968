import { parentPort } from "node:worker_threads";
import type { DiscoveredFile } from "../discover/discover.js";
import { createHclParser, type HclParser } from "../parse/hcl/parser.js";
import { parseSourceFile, readInput, type FileOutcome, type ReadOptions } from "./parse-files.js";

/** A parse worker: takes batches of files, answers with their outcomes, in order. */
export interface ParseRequest {
  /** Where the files stand in the scan, echoed back so outcomes keep the files' order. */
  indices: number[];
  files: DiscoveredFile[];
  read: ReadOptions;
}

export interface ParseResponse {
  indices: number[];
  outcomes: FileOutcome[];
}

let parser: Promise<HclParser> | undefined;
const hcl = () => (parser ??= createHclParser());

parentPort?.on("message", async (request: ParseRequest) => {
  const outcomes: FileOutcome[] = [];
  // Reading a batch in one go, then parsing it, spends less time in the kernel than alternating.
  const sources = request.files.map((file) => readInput(file, request.read));
  for (const [i, file] of request.files.entries()) outcomes.push(await parseSourceFile(file, hcl, request.read, sources[i]));
  // Syntax trees move to the main thread without a copy.
  const buffers = outcomes.flatMap((o) => (o.syntax ? [o.syntax.tree.nodes.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ indices: request.indices, outcomes } satisfies ParseResponse, buffers);
});
