// Copies the WebAssembly the HCL parser loads into dist/, and writes the CLI entry point.
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
mkdirSync("dist/wasm", { recursive: true });
copyFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"), "dist/wasm/tree-sitter-terraform.wasm");
copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), "dist/wasm/web-tree-sitter.wasm");
writeFileSync(
  "dist/cli.js",
  `#!/usr/bin/env node
import { main } from "./src/cli.js";
process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
`,
);
chmodSync("dist/cli.js", 0o755);
