import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { main } from "../src/cli.js";
import { lint } from "../src/engine/lint.js";
import { formatMarkdownSummary } from "../src/format/markdown-summary.js";
import { formatMermaid } from "../src/format/graph.js";
import { FIXTURES } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "..");

async function run(args: string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  return { code, stdout, stderr };
}

/** Mermaid's own parser (it needs a DOM for its sanitizer: jsdom's). */
async function mermaidParses(text: string): Promise<true> {
  const { window } = new JSDOM("");
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import("mermaid");
  await mermaid.parse(text);
  return true;
}

const ajv = new Ajv2020.default({ strict: false, allErrors: true });
const validateExplain = ajv.compile(JSON.parse(readFileSync(join(ROOT, "schemas/explain.schema.json"), "utf8")));

describe("irsa-lint explain", () => {
  it("walks both ServiceAccounts of examples/, naming the broken link at the line that breaks it", async () => {
    const api = await run(["explain", "team-payments/payments-api", "examples/"]);
    expect(api.code).toBe(1);
    expect(api.stdout).toContain("Link: names no scanned role: no scanned role has that name (role-arn-resolves)  (examples/broken-payments-api/kubernetes/payments-api.yaml:7:33)");
    expect(api.stdout).toContain("✖ error role-arn-resolves: ServiceAccount team-payments/payments-api annotates role payments-api-prod, but no scanned role has that name (did you mean payments-api-production?)  (examples/broken-payments-api/kubernetes/payments-api.yaml:7:33)");
    expect(api.stdout).toMatch(/^Verdict: the chain works$/m); // the healthy example's copy
    const worker = await run(["explain", "team-payments/payments-worker", "examples/"]);
    expect(worker.stdout).toMatch(/^ {6}StringEquals oidc\.eks\.us-east-1\.amazonaws\.com\/id\/EXAMPLED539D4633E53DE1B71EXAMPLE:sub system:serviceaccount:payments:payments-api → no {2}\(examples\/broken-payments-api\/terraform\/irsa\.tf:\d+:\d+\)$/m);
    expect(worker.stdout).toMatch(/✖ error trust-subject-matches: .*payments-worker/);
    expect(worker.code).toBe(1);
  });

  for (const [shape, target, dir] of [
    ["resolved", "team-payments/payments-api", "examples/payments-api"],
    ["unresolved", "lessons/063/k8s/sa.yaml:8", "fixtures/linking-soundly"],
    ["pod-identity", "finance/reports", "fixtures/pod-identity"],
    ["wildcard-and-deny", "team-a/api", "fixtures/trust-semantics"],
  ] as const) {
    it(`prints the ${shape} chain shape, and the same chain as JSON its schema describes`, async () => {
      const cwd = dir.startsWith("fixtures/") ? join(ROOT, dir) : ROOT;
      const paths = dir.startsWith("fixtures/") ? ["."] : [dir];
      const text = await run(["explain", target, ...paths], cwd);
      await expect(text.stdout).toMatchFileSnapshot(join(ROOT, "test", "snapshots", `explain-${shape}.txt`));
      const json = await run(["explain", "--format", "json", target, ...paths], cwd);
      const doc = JSON.parse(json.stdout);
      expect(validateExplain(doc), JSON.stringify(validateExplain.errors?.slice(0, 3))).toBe(true);
      expect(json.code).toBe(text.code);
      expect(doc.chains.length).toBeGreaterThan(0);
    });
  }

  it("finds a chain by role name and by FILE:LINE, and says what is closest when nothing matches (exit 2)", async () => {
    const byRole = await run(["explain", "payments-api-production", "examples/payments-api"]);
    expect(byRole.stdout).toMatch(/^ServiceAccount team-payments\/payments-api/);
    const byLine = await run(["explain", "examples/payments-api/kubernetes/namespaces/team-payments/serviceaccount.yaml:7", "examples/payments-api"]);
    expect(byLine.stdout).toBe(byRole.stdout);
    const typo = await run(["explain", "team-payments/payments-apl", "examples/"]);
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining("no ServiceAccount team-payments/payments-apl in the scan (did you mean team-payments/payments-api?)")]);
    expect((await run(["explain"])).stderr).toMatch(/explain needs what to explain/);
  });
});

describe("irsa-lint graph", () => {
  it("writes Mermaid the real Mermaid parser accepts, for every fixture repository", async () => {
    const dirs = readdirSync(FIXTURES).filter((d) => !["hostile", "broken-files"].includes(d));
    let edges = 0;
    for (const d of dirs) {
      const { stdout, code } = await run(["graph", "."], join(FIXTURES, d));
      expect(code, d).toBe(0);
      await expect(mermaidParses(stdout), d).resolves.toBe(true);
      edges += stdout.split("\n").filter((l) => /-->|-\.->/.test(l)).length;
    }
    expect(edges).toBeGreaterThan(50);
  }, 120_000);

  it("draws unresolved links dashed and broken ones red; --focus keeps one chain; JSON and DOT carry the same graph", async () => {
    const mermaid = await run(["graph", "examples/"]);
    expect(mermaid.stdout).toMatch(/^ {2}n\d+ -\.-> n\d+$/m);
    expect(mermaid.stdout).toMatch(/^ {2}linkStyle [\d,]+ stroke:#d1242f,stroke-width:2px$/m);
    const focus = JSON.parse((await run(["graph", "--format", "json", "--focus", "team-payments/payments-worker", "examples/"])).stdout);
    expect(focus.nodes.filter((n: { kind: string }) => n.kind === "serviceAccount").map((n: { label: string }) => n.label)).toEqual(["ServiceAccount team-payments/payments-worker"]);
    expect(focus.edges.some((e: { broken: boolean }) => e.broken)).toBe(true);
    const dot = await run(["graph", "--format", "dot", "examples/"]);
    expect(dot.stdout).toMatch(/^digraph irsa \{/);
    const graphviz = spawnSync("dot", ["-Tsvg"], { input: dot.stdout, encoding: "utf8" });
    if (!graphviz.error) expect([graphviz.status, graphviz.stderr]).toEqual([0, ""]);
    expect((await run(["graph", "--focus", "nobody/here", "examples/"])).code).toBe(2);
  });

  it("puts the broken links in the job summary as a diagram, escaped and within GitHub's size limit", async () => {
    const result = await lint({ paths: ["examples/broken-payments-api"], cwd: ROOT, rules });
    const summary = formatMarkdownSummary(result, { path: (f) => f });
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(summary)?.[1];
    expect(block).toBeDefined();
    await expect(mermaidParses(block!)).resolves.toBe(true);
    expect(block).toContain("no role named payments-api-prod");
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect(block).not.toContain("`");
  });

  it("writes what a repository names as entity codes: a label cannot end its node, the diagram or the fence", async () => {
    const hostile = 'x"]) --> evil[("owned")]\n```\n<img src=x onerror=alert(1)> @admin';
    const text = formatMermaid({ nodes: [{ id: "n0", kind: "serviceAccount", label: hostile, at: "k8s/a.yaml:1" }, { id: "n1", kind: "role", label: "role r", at: null }], edges: [{ from: "n0", to: "n1", kind: "annotates", resolved: true, broken: true, label: hostile }] });
    await expect(mermaidParses(text)).resolves.toBe(true);
    expect(text.split("\n").filter((l) => /^ {2}n\d/.test(l))).toHaveLength(3); // two nodes and one edge
    // Every label is one quoted string of entity codes and plain characters.
    const labels = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1].replaceAll("<br/>", ""));
    expect(labels).toHaveLength(3);
    for (const label of labels) expect(label).not.toMatch(/[`<>[\]{}|]/);
  });
});
