import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSource } from "../src/engine/read.js";

const dir = mkdtempSync(join(tmpdir(), "irsa-lint-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading a source file", () => {
  it("reads small, empty and larger-than-the-read-buffer files whole, and refuses one over the limit", () => {
    const cases = { empty: "", small: "kind: ServiceAccount\n", large: `# ${"x".repeat(3 * 1024 * 1024)}\nkind: ServiceAccount\n` };
    for (const [name, text] of Object.entries(cases)) {
      writeFileSync(join(dir, name), text);
      expect(readSource(join(dir, name)), name).toEqual({ text });
    }
    expect(readSource(join(dir, "large"), 2 * 1024 * 1024)).toEqual({ skipped: "larger than 2 MB" });
    expect(readSource(join(dir, "small"), 4)).toEqual({ skipped: "larger than 0 MB" });
  });
});
