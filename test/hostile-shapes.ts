import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { rules } from "../rules/index.js";
import { lint, type LintResult } from "../src/engine/lint.js";
import { incompleteChecks } from "../src/format/summary.js";
import type { HclParser } from "../src/parse/hcl/parser.js";

/**
 * Small inputs that ask for unbounded work, as a pull request could write them: operator chains,
 * wide YAML anchors, format widths, nested for expressions, many-star wildcard patterns. Each is
 * linted on its own; the property is that the run ends with a verdict: findings, or a check said
 * to be incomplete, never an exception.
 */
export type HostileShape =
  | { kind: "chain"; terms: number; op: "+" | "*" | "-" | "&&" | "==" }
  | { kind: "anchor"; width: number; aliases: number }
  | { kind: "format"; width: number }
  | { kind: "nested-for"; depth: number; size: number }
  | { kind: "wildcards"; pattern: string; name: string }
  | { kind: "blowup"; width: number; count: number }
  | { kind: "self-template"; calls: number; padding: number }
  | { kind: "placeholder-prefix"; count: number; aliases: number }
  | { kind: "flux"; kustomizations: number; accounts: number };

export const hostileShape: fc.Arbitrary<HostileShape> = fc.oneof(
  fc.record({ kind: fc.constant("chain" as const), terms: fc.integer({ min: 1, max: 30_000 }), op: fc.constantFrom("+" as const, "*" as const, "-" as const, "&&" as const, "==" as const) }),
  fc.record({ kind: fc.constant("anchor" as const), width: fc.integer({ min: 1, max: 2_000 }), aliases: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ kind: fc.constant("format" as const), width: fc.integer({ min: 0, max: 2_000_000_000 }) }),
  fc.record({ kind: fc.constant("nested-for" as const), depth: fc.integer({ min: 1, max: 7 }), size: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant("wildcards" as const),
    pattern: fc.array(fc.constantFrom("*", "a", "?", "b"), { minLength: 1, maxLength: 40 }).map((p) => p.join("")),
    name: fc.array(fc.constantFrom("a", "b"), { minLength: 1, maxLength: 63 }).map((p) => p.join("")),
  }),
  fc.record({ kind: fc.constant("blowup" as const), width: fc.integer({ min: 1, max: 4_000_000 }), count: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("self-template" as const), calls: fc.integer({ min: 1, max: 6 }), padding: fc.integer({ min: 0, max: 8_000 }) }),
  fc.record({ kind: fc.constant("placeholder-prefix" as const), count: fc.integer({ min: 1, max: 20_000 }), aliases: fc.integer({ min: 0, max: 2_000 }) }),
  fc.record({ kind: fc.constant("flux" as const), kustomizations: fc.integer({ min: 1, max: 500 }), accounts: fc.integer({ min: 1, max: 500 }) }),
);

const OIDC = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE";
const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE";

/** The repository one shape stands in: file name → content. */
export function shapeFiles(shape: HostileShape): Record<string, string> {
  const role = (name: string, condition = "") => `resource "aws_iam_role" "r" {
  name = ${name}
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Federated = "${OIDC}" }, Action = "sts:AssumeRoleWithWebIdentity"${condition} }]
  })
}
`;
  switch (shape.kind) {
    case "chain": {
      const term = shape.op === "&&" ? "true" : "1";
      return { "main.tf": `locals {\n  v = ${Array(shape.terms).fill(term).join(` ${shape.op} `)}\n}\n${role('"r-${local.v}"')}` };
    }
    case "anchor": {
      const wide = Array.from({ length: shape.width }, (_, i) => `      k${i}: v`).join("\n");
      const refs = Array.from({ length: shape.aliases }, (_, i) => `    r${i}: *w`).join("\n");
      return { "sa.yaml": `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  namespace: b\n  annotations:\n    w: &w\n${wide}\n${refs}\n` };
    }
    case "format":
      return { "main.tf": `locals {\n  v = format("%${shape.width}s", "x")\n}\n${role('"r-${local.v}"')}` };
    case "nested-for": {
      const items = `[${Array.from({ length: shape.size }, (_, i) => `"${i}"`).join(", ")}]`;
      const vars = Array.from({ length: shape.depth }, (_, i) => `x${i}`);
      let body = `"${vars.map((v) => `\${${v}}`).join("")}"`;
      for (const v of [...vars].reverse()) body = `[for ${v} in local.items : ${body}]`;
      return { "main.tf": `locals {
  items = ${items}
  all = flatten(${body})
}
${role('"r-${length(local.all)}"')}` };
    }
    case "blowup":
      return {
        "main.tf": `locals {
  big = format("%${shape.width}s", "x")
  all = [for i, c in split("", format("%${shape.count}s", "")) : upper("\${i}\${local.big}")]
}
${role('"r-${length(local.all)}"')}`,
      };
    case "self-template":
      return {
        "main.tf": `locals {
  text = templatefile("\${path.module}/self.tpl", {})
}
${role('"r-${length(local.text)}"')}`,
        "self.tpl": `${"p".repeat(shape.padding)}
${Array.from({ length: shape.calls }, () => '${templatefile("self.tpl", {})}').join("\n")}
`,
      };
    case "placeholder-prefix": {
      const prefix = "${a-".repeat(shape.count);
      const refs = Array.from({ length: shape.aliases }, (_, i) => `    r${i}: *p`).join("\n");
      return { "sa.yaml": `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  namespace: b\n  annotations:\n    eks.amazonaws.com/role-arn: &p "arn:aws:iam::111122223333:role/${prefix}"\n${refs}\n` };
    }
    case "flux": {
      const kustomizations = Array.from({ length: shape.kustomizations }, (_, i) => `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: k${i}\nspec:\n  path: ./apps\n  postBuild:\n    substitute:\n      V${i}: x${i}\n`).join("---\n");
      const accounts = Array.from({ length: shape.accounts }, (_, i) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: s${i}\n  namespace: b\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/\${V${i}}\n`).join("---\n");
      return { "flux.yaml": kustomizations, "apps/sa.yaml": accounts };
    }
    case "wildcards":
      return {
        "main.tf": role('"w"', `, Condition = { StringEquals = { "${ISSUER}:aud" = "sts.amazonaws.com" }, StringLike = { "${ISSUER}:sub" = "system:serviceaccount:apps:${shape.pattern}" } }`),
        "policy.json": JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: `s3:${shape.pattern}`, Resource: "*" }] }),
        "sa.yaml": `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${shape.name}\n  namespace: apps\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/w\n`,
      };
  }
}

/** Lints one shape in a scratch folder: the verdict, and how long and how much heap it took. */
export async function lintShape(shape: HostileShape, hclParser: Promise<HclParser>): Promise<{ result: LintResult; ms: number; heapMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-shape-"));
  try {
    for (const [name, text] of Object.entries(shapeFiles(shape))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await lint({ paths: ["."], cwd: dir, rules, hclParser });
    const ms = performance.now() - started;
    return { result, ms, heapMb: Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a verdict must be: every file accounted for, no crash reported as a diagnostic. */
export function checkVerdict(shape: HostileShape, result: LintResult): void {
  const crash = incompleteChecks(result).find((d) => /internal error|please report/i.test(d.message));
  if (crash) throw new Error(`${JSON.stringify(shape).slice(0, 200)}: ${crash.message}`);
  const failed = result.files.find((f) => f.status === "failed" && /internal error/.test(f.reason));
  if (failed) throw new Error(`${JSON.stringify(shape).slice(0, 200)}: ${failed.file} ${failed.status === "failed" ? failed.reason : ""}`);
}
