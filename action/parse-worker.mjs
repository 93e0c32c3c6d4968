import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  createHclParser,
  parseSourceFile,
  readInput
} from "./chunk-T6OZMFMQ.mjs";
import "./chunk-Z4QXSMQ6.mjs";
import "./chunk-NHPH4HMX.mjs";
import "./chunk-JUKLW5JI.mjs";

// src/engine/parse-worker.ts
import { parentPort } from "node:worker_threads";
var parser;
var hcl = () => parser ??= createHclParser();
parentPort?.on("message", async (request) => {
  const outcomes = [];
  const sources = request.files.map((file) => readInput(file, request.read));
  for (const [i, file] of request.files.entries()) outcomes.push(await parseSourceFile(file, hcl, request.read, sources[i]));
  const buffers = outcomes.flatMap((o) => o.syntax ? [o.syntax.tree.nodes.buffer] : []);
  parentPort.postMessage({ indices: request.indices, outcomes }, buffers);
});
