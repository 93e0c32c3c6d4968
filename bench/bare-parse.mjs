// The floor: read and parse the same files with the same libraries, single-threaded, nothing else.
// `bare-parse.mjs DIR [--yaml-only]` prints {ms, rssMb, files}; the bench times the whole process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { LineCounter, parseAllDocuments, parseDocument } from "yaml";

const dir = process.argv[2];
const yamlOnly = process.argv.includes("--yaml-only");
const require = createRequire(import.meta.url);
const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 }).split("\n").filter(Boolean);
const started = performance.now();
let parser;
if (!yamlOnly && files.some((f) => f.endsWith(".tf"))) {
  const { Language, Parser } = await import("web-tree-sitter");
  await Parser.init({ locateFile: () => require.resolve("web-tree-sitter/web-tree-sitter.wasm") });
  parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm")));
}
let parsed = 0;
for (const f of files) {
  const path = `${dir}/${f}`;
  if (/\.ya?ml$/.test(f)) parseAllDocuments(readFileSync(path, "utf8"), { lineCounter: new LineCounter() });
  else if (yamlOnly) continue;
  else if (/\.tf$/.test(f)) parser.parse(readFileSync(path, "utf8")).delete();
  else if (/\.json$/.test(f)) parseDocument(readFileSync(path, "utf8"), { lineCounter: new LineCounter() });
  else continue;
  parsed++;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, files: parsed }));
