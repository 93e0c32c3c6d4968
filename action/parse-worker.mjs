import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  createHclParser,
  parseSourceFile,
  readInput
} from "./chunk-DE4AR4TB.mjs";
import "./chunk-NJ35RL6Z.mjs";
import "./chunk-Y6RI3X2J.mjs";
import "./chunk-6MZWJWAL.mjs";

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
