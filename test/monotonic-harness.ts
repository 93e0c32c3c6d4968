import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { globbySync } from "globby";
import { rules } from "../rules/index.js";
import { LineIndex } from "../src/core/lines.js";
import { lint } from "../src/engine/lint.js";
import type { Block, Body, Expr, TemplatePart } from "../src/parse/hcl/ast.js";
import { createHclParser, type HclParser } from "../src/parse/hcl/parser.js";
import { FIXTURES } from "./helpers.js";

/**
 * The evaluator's promise, as a property: replacing any sub-expression of a fixture's Terraform by
 * a value not known (a variable without a value) can only take findings away, never add one. A
 * finding whose premise is an unknown would break it. The one exception is by design: a conditional
 * whose condition becomes unknown is each of its branches, and a finding on a branch names it.
 */
const REPOSITORIES = [
  "seed-payments-api",
  "local-modules",
  "link-by-reference",
  "trust-subject-matches",
  "terraform-document-sources",
  "terraform-kubernetes-objects",
  "pod-identity",
  "optional-attributes",
  "non-eks-federation",
  "unknown-names-decide",
  "role-arn-resolves",
  "trust-security",
];

const UNKNOWN = "var.irsa_lint_unknown";

interface Site {
  file: string;
  start: number;
  end: number;
}

export interface MonotonicRepo {
  sites: Site[];
  check(site: Site): Promise<void>;
  dispose(): void;
}

export async function monotonicRepo(parser?: Promise<HclParser>): Promise<MonotonicRepo> {
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-monotonic-"));
  for (const name of REPOSITORIES) cpSync(join(FIXTURES, name), join(dir, name), { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  const hclParser = parser ?? createHclParser();
  const hcl = await hclParser;
  const files = globbySync("**/*.tf", { cwd: dir }).sort();
  // Every folder declares the variable that has no value anywhere: a root's and a module's alike.
  // Folders outside modules/ are deployments (a provider block): in a module folder no root calls,
  // a role of unknown name is a template and blocks no annotation, by design, not by accident.
  for (const folder of new Set(files.map((f) => dirname(f))))
    writeFileSync(join(dir, folder, "irsa_lint_unknown.tf"), `variable "irsa_lint_unknown" {}\n${/(^|\/)modules\//.test(folder) ? "" : 'provider "aws" {}\n'}`);
  const sites: Site[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    const parsed = hcl.parse(file, text).file;
    if (!parsed) continue;
    const lines = new LineIndex(text);
    const offset = (line: number, column: number) => lines.offset(line, column);
    for (const e of expressionsOf(parsed.body)) if (e.loc.line === e.loc.endLine) sites.push({ file, start: offset(e.loc.line, e.loc.column), end: offset(e.loc.endLine, e.loc.endColumn) });
  }
  const findingsOf = async (unconditional = false) => {
    const result = await lint({ paths: readdirSync(dir), cwd: dir, rules, hclParser });
    const counts = new Map<string, number>();
    // A branch of a conditional whose condition became unknown is what the code writes: reported by
    // design, naming the condition (Finding.condition), and so outside the promise.
    for (const f of result.findings.filter((x) => !unconditional || !x.condition)) {
      const key = `${f.ruleId} ${f.location.file}:${f.location.line}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { counts, messages: result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`) };
  };
  const original = await findingsOf();
  return {
    sites,
    async check(site) {
      const path = join(dir, site.file);
      const text = readFileSync(path, "utf8");
      writeFileSync(path, text.slice(0, site.start) + UNKNOWN + text.slice(site.end));
      try {
        const mutated = await findingsOf(true);
        for (const [key, n] of mutated.counts)
          if (n > (original.counts.get(key) ?? 0))
            throw new Error(`replacing ${JSON.stringify(text.slice(site.start, site.end))} in ${site.file} by an unknown added a finding:\n${mutated.messages.filter((m) => m.startsWith(key)).join("\n")}`);
      } finally {
        writeFileSync(path, text);
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Where a sub-expression may be replaced by a reference: not in variables, providers or module sources. */
function* expressionsOf(body: Body): Generator<Expr> {
  for (const a of body.attributes) if (a.name !== "source" && a.name !== "version") yield* walk(a.expr);
  for (const b of body.blocks) if (!SKIPPED.has(b.type)) yield* expressionsOf(b.body);
}

const SKIPPED = new Set<Block["type"]>(["variable", "terraform", "provider", "output"]);

function* walk(e: Expr): Generator<Expr> {
  yield e;
  switch (e.type) {
    case "template":
      for (const p of e.parts) yield* parts(p);
      break;
    case "tuple":
      for (const i of e.items) yield* walk(i);
      break;
    case "object":
      for (const i of e.items) yield* walk(i.value);
      break;
    case "traverse":
      yield* walk(e.object);
      break;
    case "call":
      for (const a of e.args) yield* walk(a);
      break;
    case "conditional":
      yield* walk(e.cond);
      yield* walk(e.then);
      yield* walk(e.else);
      break;
    case "binary":
      yield* walk(e.left);
      yield* walk(e.right);
      break;
    case "unary":
      yield* walk(e.operand);
      break;
    case "for":
      yield* walk(e.collection);
      break;
  }
}

function* parts(p: TemplatePart): Generator<Expr> {
  if (p.type === "interp") yield* walk(p.expr);
}

export const siteArbitrary = (count: number) => fc.nat({ max: Math.max(0, count - 1) });
