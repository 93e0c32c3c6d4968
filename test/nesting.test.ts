import { describe, expect, it } from "vitest";
import { excessiveNesting, MAX_NESTING } from "../src/core/nesting.js";
import { createHclParser } from "../src/parse/hcl/parser.js";
import { parseJsonWithPositions } from "../src/parse/iam-json.js";
import { parseKubernetes } from "../src/parse/kubernetes.js";

const nested = (open: string, close: string, depth: number, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

describe("nesting limit", () => {
  it("rejects the first bracket past the limit, whatever the thread's stack", () => {
    expect(excessiveNesting(nested("[", "]", MAX_NESTING))).toBeUndefined();
    expect(excessiveNesting(nested("[", "]", MAX_NESTING + 1))).toBe(MAX_NESTING);
    expect(excessiveNesting(`{"a": ${nested("{\"b\": ", "}", 600)}}`)).toBeGreaterThan(0);
  });

  it("does not count brackets inside strings or comments", () => {
    expect(excessiveNesting(`{"s": "${"[".repeat(2000)}"}`)).toBeUndefined();
    expect(excessiveNesting(`a: 1 # ${"[".repeat(2000)}\n`)).toBeUndefined();
    expect(excessiveNesting(`{"s": "\\"${"[".repeat(2000)}"}`)).toBeUndefined();
  });

  it("turns too deep JSON, YAML and HCL into a positioned error", async () => {
    // The object around it is a level too.
    expect(parseJsonWithPositions("p.json", `{\n"Statement": ${nested("[", "]", 3000)}}`).error).toEqual({ message: "nested too deeply to read", line: 2, column: 13 + MAX_NESTING });
    const yaml = parseKubernetes("k8s/sa.yaml", `apiVersion: v1\nkind: ServiceAccount\nmetadata: ${nested("{a: ", "}", 3000)}\n`);
    expect(yaml.diagnostics[0]).toMatchObject({ message: "YAML syntax error: nested too deeply to read", location: { line: 3, column: 11 + 4 * MAX_NESTING } });
    const hcl = (await createHclParser()).parse("main.tf", `locals {\n  x = ${nested("[", "]", 3000)}\n}\n`);
    expect(hcl.errors[0]).toMatchObject({ message: "HCL nested too deeply to read", location: { line: 2, column: 6 + MAX_NESTING } });
  });
});
