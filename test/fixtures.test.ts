import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { incompleteChecks } from "../src/format/summary.js";
import { FIXTURES, brief, fixtureNames, lintFixture } from "./helpers.js";

interface Expected {
  description: string;
  findings: Array<{ rule: string; file: string; line: number; column: number; message?: string; severity?: string }>;
  /** Files whose status is not "linted", with that status. */
  files?: Record<string, "skipped" | "failed">;
  /** Checks that could not run (limits, internal errors): where, and what the message says. */
  incomplete?: Array<{ file: string; line: number; message: string }>;
  /** Role annotations and Pod Identity associations: where, what became of them, and why. */
  links?: Array<{ file: string; line: number; status: string; reason: string }>;
  /** Elements rules could not know: where, and what the entry says (compared whole when given). */
  notChecked?: Array<{ file: string; line: number; message: string }>;
}

describe("fixture repositories", () => {
  for (const name of fixtureNames()) {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8")) as Expected;
    it(`${name}: ${expected.description}`, async () => {
      const result = await lintFixture(name);
      const sortKey = (f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${String(f.line).padStart(5, "0")}:${String(f.column).padStart(4, "0")}:${f.rule}`;
      const want = expected.findings.map(({ rule, file, line, column }) => ({ rule, file, line, column })).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
      const got = brief(result).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
      expect(got).toEqual(want);
      for (const e of expected.findings.filter((f) => f.message !== undefined)) {
        const here = result.findings.filter((f) => f.ruleId === e.rule && f.location.file === e.file && f.location.line === e.line);
        expect(here.map((f) => f.message).join("\n")).toContain(e.message);
      }
      for (const e of expected.findings.filter((f) => f.severity)) {
        const here = result.findings.filter((f) => f.ruleId === e.rule && f.location.file === e.file && f.location.line === e.line);
        expect(here.map((f) => f.severity), `${e.rule} at ${e.file}:${e.line}`).toContain(e.severity);
      }
      const statuses = Object.fromEntries(result.files.filter((f) => f.status !== "linted").map((f) => [f.file, f.status]));
      expect(statuses).toEqual(expected.files ?? {});
      const incomplete = incompleteChecks(result).map((d) => ({ file: d.location.file, line: d.location.line, message: d.message }));
      expect(incomplete).toEqual((expected.incomplete ?? []).map((e) => ({ ...e, message: expect.stringContaining(e.message) })));
      if (expected.notChecked) {
        const notChecked = result.notChecked.map((n) => ({ file: n.location.file, line: n.location.line, message: n.message }));
        expect(notChecked).toEqual(expected.notChecked.map((e) => ({ ...e, message: expect.stringContaining(e.message) })));
      }
      if (expected.links) {
        const links = result.links.map((l) => ({ file: l.location.file, line: l.location.line, status: l.status, reason: l.reason ?? "" })).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
        expect(links).toEqual(expected.links.map((e) => ({ ...e, reason: expect.stringContaining(e.reason) })));
      }
    });
  }
});

describe("severity of one finding", () => {
  it("a read-only prefix pattern on the resources its statement names is a note, one reaching Write an error", async () => {
    const result = await lintFixture("iam-catalog");
    const pattern = result.findings.filter((f) => f.ruleId === "policy-no-wildcards").map((f) => [f.location.line, f.severity]);
    expect(pattern).toEqual([
      [27, "note"],
      [33, "error"],
    ]);
  });
});
