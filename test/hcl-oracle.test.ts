import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parse as hcl2json } from "@cdktn/hcl2json";
import { globbySync } from "globby";
import { beforeAll, describe, expect, it } from "vitest";
import type { Body, Expr } from "../src/parse/hcl/ast.js";
import { createHclParser, type HclParser } from "../src/parse/hcl/parser.js";

/**
 * Differential test against @cdktn/hcl2json (HashiCorp's HCL parser compiled to WebAssembly): for
 * every .tf file in the repository, the block structure and every literal attribute we parse must
 * agree with it. Expressions are not compared: hcl2json leaves them as "${...}" strings.
 */
const ROOT = resolve(import.meta.dirname, "..");
const FILES = globbySync(["fixtures/**/*.tf", "examples/**/*.tf", "test/data/**/*.tf"], { cwd: ROOT }).filter((f) => !f.includes("broken") && !f.includes("hostile"));

const SKIP = Symbol("expression");

function literal(e: Expr): unknown {
  switch (e.type) {
    case "literal":
      return e.value;
    case "template":
      // hcl2json writes Terraform's JSON syntax, where a literal "${" is escaped as "$${".
      return e.parts.every((p) => p.type === "text")
        ? e.parts.map((p) => (p.type === "text" ? p.value : "")).join("").replace(/\$\{/g, "$$$${").replace(/%\{/g, "%%{")
        : SKIP;
    case "tuple": {
      const items = e.items.map(literal);
      return items.includes(SKIP) ? SKIP : items;
    }
    case "object": {
      const entries = e.items.map((i) => [literal(i.key), literal(i.value)] as const);
      return entries.some(([k, v]) => k === SKIP || v === SKIP || typeof k !== "string") ? SKIP : Object.fromEntries(entries);
    }
    default:
      return SKIP;
  }
}

/** Our AST in hcl2json's shape: blocks nest by type then labels into lists of bodies. */
function shape(body: Body): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of body.attributes) out[a.name] = literal(a.expr);
  for (const b of body.blocks) {
    let cursor = out;
    const keys = [b.type, ...b.labels];
    for (const key of keys.slice(0, -1)) cursor = (cursor[key] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1];
    ((cursor[last] ??= []) as unknown[]).push(shape(b.body));
  }
  return out;
}

function compare(ours: unknown, oracle: unknown, path: string, mismatches: string[]): void {
  if (ours === SKIP) return;
  if (Array.isArray(ours)) {
    if (!Array.isArray(oracle) || oracle.length !== ours.length) return void mismatches.push(`${path}: ${JSON.stringify(oracle)}`);
    ours.forEach((o, i) => compare(o, oracle[i], `${path}[${i}]`, mismatches));
    return;
  }
  if (ours && typeof ours === "object") {
    if (!oracle || typeof oracle !== "object") return void mismatches.push(`${path}: oracle has ${JSON.stringify(oracle)}`);
    for (const [k, v] of Object.entries(ours)) compare(v, (oracle as Record<string, unknown>)[k], `${path}.${k}`, mismatches);
    for (const k of Object.keys(oracle as object)) if (!(k in ours)) mismatches.push(`${path}.${k}: missing in ours`);
    return;
  }
  if (ours !== oracle) mismatches.push(`${path}: ours ${JSON.stringify(ours)}, oracle ${JSON.stringify(oracle)}`);
}

describe("HCL parser agrees with hcl2json", () => {
  let parser: HclParser;
  beforeAll(async () => {
    parser = await createHclParser();
  });

  it("covers a real set of files", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of FILES) {
    it(file, async () => {
      const text = readFileSync(resolve(ROOT, file), "utf8");
      const ours = parser.parse(relative(ROOT, file), text);
      expect(ours.errors).toEqual([]);
      const oracle = await hcl2json(file, text);
      const mismatches: string[] = [];
      compare(shape(ours.file!.body), oracle, "$", mismatches);
      expect(mismatches).toEqual([]);
    });
  }
});
