import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { globbySync } from "globby";
import { rules } from "../rules/index.js";
import { lint } from "../src/engine/lint.js";
import { createHclParser } from "../src/parse/hcl/parser.js";
import { FIXTURES } from "./helpers.js";

/** Fixture repositories whose files get mutated. */
const MUTATED = ["seed-payments-api", "local-modules", "trust-subject-matches", "terraform-document-sources", "terraform-json", "policy-no-wildcards", "cloudformation", "eksctl", "helm-values", "kustomize", "account-export", "pod-identity"];
/** Repositories left alone, checked only by rules that look at one ServiceAccount or pod at a time. */
const UNTOUCHED = ["token-expiration-minimum", "role-arn-format", "automount-not-disabled"];
const LOCAL_RULES = new Set(["token-expiration-minimum", "role-arn-format", "automount-not-disabled"]);

export type Mutation = "truncate" | "flip" | "duplicate-line" | "delete-brace" | "insert";

function mutate(text: Buffer, kind: Mutation, a: number, b: number): Buffer {
  const at = text.length ? a % text.length : 0;
  switch (kind) {
    case "truncate":
      return text.subarray(0, at);
    case "flip": {
      const copy = Buffer.from(text);
      if (copy.length) copy[at] ^= 1 << (b % 8);
      return copy;
    }
    case "duplicate-line": {
      const lines = text.toString("latin1").split("\n");
      const i = a % lines.length;
      lines.splice(i, 0, lines[i]);
      return Buffer.from(lines.join("\n"), "latin1");
    }
    case "delete-brace": {
      const braces = [...text.toString("latin1").matchAll(/[{}[\]()"]/g)].map((m) => m.index!);
      if (!braces.length) return text;
      const i = braces[a % braces.length];
      return Buffer.concat([text.subarray(0, i), text.subarray(i + 1)]);
    }
    case "insert":
      return Buffer.concat([text.subarray(0, at), Buffer.from([b % 256, (b >> 8) % 256]), text.subarray(at)]);
  }
}

export interface FuzzRepo {
  run(fileIndex: number, kind: Mutation, a: number, b: number): Promise<void>;
  dispose(): void;
}

/** A scratch copy of the fixtures, and a check of one mutation against an unmutated run. */
export async function fuzzRepo(): Promise<FuzzRepo> {
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-fuzz-"));
  for (const name of [...MUTATED, ...UNTOUCHED]) cpSync(join(FIXTURES, name), join(dir, name), { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  const targets = globbySync(MUTATED.map((m) => `${m}/**/*`), { cwd: dir }).sort();
  const hclParser = createHclParser();
  const lintAll = () => lint({ paths: ["."], cwd: dir, rules, hclParser });
  const local = (r: Awaited<ReturnType<typeof lintAll>>) =>
    r.findings.filter((f) => LOCAL_RULES.has(f.ruleId) && UNTOUCHED.some((u) => f.location.file.startsWith(`${u}/`))).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`);
  const expected = local(await lintAll());
  if (expected.length < 5) throw new Error("the untouched repositories should have findings");

  return {
    async run(fileIndex, kind, a, b) {
      const target = join(dir, targets[fileIndex % targets.length]);
      const original = readFileSync(target);
      writeFileSync(target, mutate(original, kind, a, b));
      try {
        const result = await lintAll();
        const statuses = new Set(result.files.map((f) => f.file));
        if (statuses.size !== result.files.length) throw new Error("a file has two statuses");
        const got = local(result);
        if (JSON.stringify(got) !== JSON.stringify(expected))
          throw new Error(`mutating ${targets[fileIndex % targets.length]} (${kind}) changed findings in untouched files:\n${got.join("\n")}`);
      } finally {
        writeFileSync(target, original);
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const mutationArbitrary = fc.tuple(
  fc.nat(),
  fc.constantFrom<Mutation>("truncate", "flip", "duplicate-line", "delete-brace", "insert"),
  fc.nat(),
  fc.nat(),
);
