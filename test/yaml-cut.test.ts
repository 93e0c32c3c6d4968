import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parseDocument } from "yaml";
import { LineIndex } from "../src/core/lines.js";
import type { Value } from "../src/core/value.js";
import { chartServiceAccounts, chartValuesSelector } from "../src/parse/chart-values.js";
import { MANIFEST, MANIFEST_SELECTOR } from "../src/parse/kubernetes.js";
import type { Selector } from "../src/parse/yaml-cut.js";
import { withoutUnread } from "../src/parse/yaml-cut.js";
import { MANIFEST_YAML, yamlToValue } from "../src/parse/yaml-value.js";

const ROOT = join(import.meta.dirname, "..");

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { app: api }
spec:
  replicas: 2
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels:
        app: api
    spec:
      serviceAccountName: api
      containers:
      - name: api
        image: example/api:1
        env:
        # a comment in a value cut
        - name: A
          value: "1"
      - image: example/side:1
        args: |
          run
        ports: [{ containerPort: 80 }]
        name: side
`;

/** Lines cut, by number (1-based); every kept line maps back to where it was. */
function cutLines(text: string, select: Selector): number[] {
  const cut = withoutUnread(text, select)!;
  const kept = new Set<number>();
  const lines = new LineIndex(text);
  for (let o = 0; o < cut.text.length; o++) {
    expect(text[cut.original(o)]).toBe(cut.text[o]);
    kept.add(lines.position(cut.original(o)).line);
  }
  return text.split("\n").flatMap((_, i) => (kept.has(i + 1) || i + 1 === text.split("\n").length ? [] : [i + 1]));
}

describe("cutting what nobody reads before parsing YAML", () => {
  it("cuts the keys a shape does not read, with their values, and maps every offset back", () => {
    // labels, replicas, selector, the template's labels, images, args and ports; env is read (credentials
    // set there win over the role); a key on an item's `-` line stays, so the second container keeps its shape.
    expect(cutLines(DEPLOYMENT, MANIFEST_SELECTOR)).toEqual([5, 7, 8, 9, 12, 13, 18, 24, 25, 26]);
  });

  it("keeps chart values that can hold a serviceAccount block, four levels down", () => {
    const values = `image:
  repository: x
controller:
  replicas: 2
  serviceAccount:
    name: ctl
deep:
  a:
    b:
      c:
        serviceAccount: { name: too-deep }
`;
    expect(cutLines(values, chartValuesSelector(0))).toEqual([1, 2, 4, 10, 11]);
  });

  it("leaves the text to the parser whole where cutting could change what it means", () => {
    const cases = {
      anchor: "metadata:\n  labels: &l { a: b }\n  name: x\n",
      tab: "metadata:\n\tname: x\n",
      quotedKey: 'metadata:\n  "name": x\n',
      repeatedKey: "metadata:\n  labels: {}\n  labels: {}\n",
      openFlow: "metadata:\n  labels: { a: b,\n    c: d }\n",
      openQuote: 'metadata:\n  name: "a\n    b"\n',
      nestedDash: "items:\n- - a\n",
      secondDocument: "kind: A\n---\nkind: B\n",
      directive: "%YAML 1.1\n---\nkind: A\n",
      flowRoot: "{ kind: A }\n",
    };
    for (const [name, text] of Object.entries(cases)) expect(withoutUnread(text, MANIFEST_SELECTOR), name).toBeUndefined();
  });

  it("reads the same values from cut text as from the whole, on every YAML file of the fixtures, examples and bench repositories", async () => {
    const bench = mkdtempSync(join(tmpdir(), "irsa-lint-cut-"));
    // @ts-expect-error: the bench's generator is plain JavaScript
    const { generate, generateGitOps } = await import("../bench/generate.mjs");
    generate(join(bench, "monorepo"), 5);
    generateGitOps(join(bench, "gitops"), 5);
    let compared = 0;
    for (const file of yamlFiles([join(ROOT, "fixtures"), join(ROOT, "examples"), bench])) {
      const text = readFileSync(file, "utf8");
      for (const source of text.split(/^(?=---(?:[ \t\r\n]|$))/m)) {
        const cut = withoutUnread(source, MANIFEST_SELECTOR);
        if (cut === undefined || cut.text === source) continue;
        const whole = parseAllDocuments(source, MANIFEST_YAML);
        const part = parseAllDocuments(cut.text, MANIFEST_YAML);
        if (part.some((d) => d.errors.length)) continue; // parsed whole instead, by design
        const lines = new LineIndex(source);
        // A document cut whole is no document: one with nothing read is nothing either.
        const convert = (docs: typeof whole, text: string, original: (o: number) => number) =>
          docs.map((d) => comparable(yamlToValue(d, d.contents, file, (o) => lines.position(original(o)), { shape: MANIFEST, placeholders: true, source: text }))).filter((v) => v !== null);
        expect(convert(part, cut.text, cut.original), file).toEqual(convert(whole, source, (o) => o));
        compared++;
      }
      if (/values[^/]*\.ya?ml$/.test(file)) {
        const cut = withoutUnread(text, chartValuesSelector(0));
        if (cut === undefined) continue;
        const lines = new LineIndex(text);
        const accounts = (t: string, original: (o: number) => number) => {
          const doc = parseDocument(t, MANIFEST_YAML);
          return doc.errors.length ? undefined : chartServiceAccounts(yamlToValue(doc, doc.contents, file, (o) => lines.position(original(o)), { placeholders: true, source: t }), { origin: "helm" });
        };
        const part = accounts(cut.text, cut.original);
        if (part) expect(part, file).toEqual(accounts(text, (o) => o));
        compared++;
      }
    }
    rmSync(bench, { recursive: true, force: true });
    expect(compared).toBeGreaterThan(50);
  });
});

function yamlFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles([path]);
      return /\.ya?ml$/.test(name) ? [path] : [];
    }),
  );
}

/**
 * A value as readers see it: a mapping whose read keys were all cut reads as nothing, as an
 * empty one does; a mapping's span may shrink to the keys that are read (readers locate keys and
 * scalars, never a partly read mapping: see serviceAccountLoc).
 */
function comparable(v: Value | undefined): unknown {
  if (!v) return undefined;
  if (v.kind === "null") return null;
  if (v.kind === "object") return v.entries.size === 0 ? null : [...v.entries].map(([k, x]) => [k, v.keyLocs.get(k), comparable(x)]);
  if (v.kind === "list") return v.items.map(comparable);
  return v;
}
