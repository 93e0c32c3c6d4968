import { parentPort } from "node:worker_threads";
import type { DiscoveredFile } from "../discover/discover.js";
import { createHclParser, type HclParser } from "../parse/hcl/parser.js";
import { parseSourceFile, type FileOutcome } from "./parse-files.js";

/** A parse worker: takes batches of files, answers with their outcomes, in order. */
export interface ParseRequest {
  batch: number;
  files: DiscoveredFile[];
  maxBytes?: number;
}

export interface ParseResponse {
  batch: number;
  outcomes: FileOutcome[];
}

let parser: Promise<HclParser> | undefined;
const hcl = () => (parser ??= createHclParser());

parentPort?.on("message", async (request: ParseRequest) => {
  const outcomes: FileOutcome[] = [];
  for (const file of request.files) outcomes.push(await parseSourceFile(file, hcl, request.maxBytes));
  parentPort!.postMessage({ batch: request.batch, outcomes } satisfies ParseResponse);
});
