import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { renderRuleDoc, renderRuleIndex } from "../scripts/rule-docs.js";
import { lint } from "../src/engine/lint.js";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname } from "node:path";

const DOCS = resolve(import.meta.dirname, "../docs/rules");

describe("rule docs and metadata", () => {
  it("has exactly one page per rule, generated from the rule (run `npm run docs` after a change)", () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
    expect(pages).toEqual(rules.map((r) => `${r.id}.md`).sort());
    for (const rule of rules) expect(readFileSync(join(DOCS, `${rule.id}.md`), "utf8")).toBe(renderRuleDoc(rule));
    expect(readFileSync(join(DOCS, "README.md"), "utf8")).toBe(renderRuleIndex(rules));
  });

  it("uses kebab-case ids that are unique", () => {
    for (const r of rules) expect(r.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  // The docs' examples are real: the failing one fires its rule, the passing one does not.
  for (const rule of rules) {
    for (const kind of ["fail", "pass"] as const) {
      it(`${rule.id}: the ${kind}ing example ${kind === "fail" ? "fires" : "stays quiet"}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "irsa-lint-doc-"));
        try {
          for (const [path, text] of Object.entries(rule.docs[kind].files)) {
            mkdirSync(dirname(join(dir, path)), { recursive: true });
            writeFileSync(join(dir, path), text);
          }
          const result = await lint({ paths: ["."], cwd: dir, rules: [rule] });
          expect(result.files.every((f) => f.status !== "failed")).toBe(true);
          expect(result.findings.length > 0).toBe(kind === "fail");
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});
