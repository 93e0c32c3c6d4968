import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { LineIndex } from "../src/core/lines.js";
import { getEntry, type Value } from "../src/core/value.js";
import { parseKubernetes } from "../src/parse/kubernetes.js";
import { MANIFEST_YAML, yamlToValue } from "../src/parse/yaml-value.js";

const MULTI = `# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: first
  namespace: a
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/first
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: in-list
      annotations:
        eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/in-list"
automount: yes
`;

describe("Kubernetes parser", () => {
  it("leaves documents that cannot bear on IRSA unparsed, and still places the others exactly", () => {
    const text = "kind: Service\nspec: [unclosed\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: a\n";
    const { declarations, diagnostics } = parseKubernetes("k8s/app.yaml", text);
    expect(diagnostics).toEqual([]);
    expect(declarations.serviceAccounts[0].loc).toEqual({ file: "k8s/app.yaml", line: 7, column: 9, endLine: 7, endColumn: 12 });
    // The same syntax error in a document that may matter is reported where it is.
    const broken = parseKubernetes("k8s/app.yaml", text.replace("kind: Service\n", "kind: ServiceAccount\n"));
    expect(broken.diagnostics[0].location).toMatchObject({ line: 3, column: 1 });
  });

  it("keeps a stream with directives whole: a directive belongs to the document after it", () => {
    const text = "kind: ConfigMap\n...\n%YAML 1.1\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n";
    const { declarations, diagnostics } = parseKubernetes("k8s/app.yaml", text);
    expect(diagnostics).toEqual([]);
    expect(declarations.serviceAccounts[0]).toMatchObject({ name: "api", loc: { line: 8, column: 9 } });
  });

  it("keeps file-absolute positions across documents and inside kind: List", () => {
    const { declarations, diagnostics } = parseKubernetes("k8s/all.yaml", MULTI);
    expect(diagnostics).toEqual([]);
    const [first, inList] = declarations.serviceAccounts;
    expect(first).toMatchObject({ name: "first", namespace: "a", loc: { file: "k8s/all.yaml", line: 10, column: 9, endLine: 10, endColumn: 14 } });
    expect(first.roleArn?.loc).toEqual({ file: "k8s/all.yaml", line: 13, column: 33, endLine: 13, endColumn: 69 });
    expect(inList).toMatchObject({ name: "in-list", namespace: "default" });
    expect(inList.roleArn).toMatchObject({ kind: "string", value: "arn:aws:iam::123456789012:role/in-list", loc: { line: 23, column: 37 } });
  });

  it("reads YAML 1.1 as the API server does: yes is a boolean, a quoted false a string", () => {
    const text = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\nautomountServiceAccountToken: no\n";
    expect(parseKubernetes("sa.yaml", text).declarations.serviceAccounts[0].automount).toMatchObject({ kind: "bool", value: false });
    const quoted = text.replace("no\n", '"false"\n');
    expect(parseKubernetes("sa.yaml", quoted).declarations.serviceAccounts[0].automount).toMatchObject({ kind: "string", value: "false" });
  });

  it("types the scalars it reads as a YAML 1.1 parse would have typed them all", () => {
    const text = [
      "ints: [12, 0x1F, 017, 0b101, 1_000, -7, 190:20:30]",
      "floats: [1.5, 6.8523015e+5, .inf, -.Inf, .NaN, 190:20:30.15]",
      "bools: [yes, No, ON, off, y, n, true, FALSE]",
      "nulls: [~, null, Null, '']",
      "strings: ['yes', \"12\", plain text, 1.2.3]",
      "block: |\n  12",
      "tagged: [!!int \"7\", !!str 5, !!int abc, !!float 1, !!bool yes, ! 12]",
      "dates: [2001-12-14t21:59:43.10-05:00, 2002-12-14]",
      "anchor: &a 42",
      "alias: *a",
      "yes: key typed too",
      "3: numeric key",
      "~: null key",
    ].join("\n");
    const lines = new LineIndex(text);
    const position = (o: number) => lines.position(o);
    const eager = parseDocument(text, { version: "1.1", prettyErrors: false });
    const lazy = parseDocument(text, MANIFEST_YAML);
    expect(lazy.errors).toEqual([]);
    expect(yamlToValue(lazy, lazy.contents, "f.yaml", position)).toEqual(yamlToValue(eager, eager.contents, "f.yaml", position));
  });

  it("keeps a CloudFormation short-form tag's scalar as written", () => {
    const text = "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !Ref 123\n";
    const doc = parseDocument(text, MANIFEST_YAML);
    const value = yamlToValue(doc, doc.contents, "t.yaml", (o) => new LineIndex(text).position(o));
    const ref = ["Resources", "Role", "Properties", "RoleName", "Ref"].reduce<Value | undefined>((v, key) => getEntry(v, key), value);
    expect(ref).toMatchObject({ kind: "string", value: "123" });
  });

  it("reads every workload kind's pod template, with the default service account", () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: jobs }
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: { eks.amazonaws.com/token-expiration: "900" }
        spec:
          containers: [{ name: c, image: i }]
`;
    const [w] = parseKubernetes("cron.yaml", cron).declarations.workloads;
    expect(w).toMatchObject({ kind: "CronJob", name: "nightly", namespace: "jobs", serviceAccountName: "default" });
    expect(w.tokenExpiration).toMatchObject({ value: "900", loc: { line: 9, column: 62 } });
    // The `spec:` key: a span that edits to the containers leave alone (a stable fingerprint).
    expect(w.serviceAccountLoc).toMatchObject({ line: 10, column: 9 });
  });

  it("skips Helm templates and non-Kubernetes YAML with a reason, and reports syntax errors with a position", () => {
    const template = parseKubernetes("t.yaml", "kind: ServiceAccount\nmetadata:\n  name: {{ .Values.name }}\n");
    expect([template.skipped, template.unchecked]).toEqual([expect.stringMatching(/^Helm template/), "template"]);
    expect(parseKubernetes("t.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n").skipped).toBe("a template ({{ }}) of no ServiceAccount or workload");
    expect(parseKubernetes("ci.yaml", "# {{ not a template }}\nrun: echo ${{ github.sha }} # {{ x }}\n").skipped).toMatch(/no ServiceAccount, workload/);
    expect(parseKubernetes("sa.yaml", 'kind: ServiceAccount\nmetadata:\n  name: "a # {{ b }}"\n').unchecked).toBe("template");
    expect(parseKubernetes("ci.yaml", "on: push\njobs: {}\n").skipped).toMatch(/no ServiceAccount, workload/);
    // ConfigMaps and Secrets are read (Flux substituteFrom, Argo CD cluster Secrets), but not a large one (a dashboard).
    expect(parseKubernetes("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { ROLE: arn }\n").declarations.configData).toHaveLength(1);
    expect(parseKubernetes("cm.yaml", `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { dashboard: "${"x".repeat(40_000)}" }\n---\napiVersion: v1\nkind: Service\n`).declarations.configData).toHaveLength(0);
    expect(parseKubernetes("other.yaml", "apiVersion: v1\nkind: Pod\n---\nfoo: bar\n").skipped).toBeUndefined();
    const bad = parseKubernetes("bad.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: [unclosed\n");
    expect(bad.diagnostics[0]).toMatchObject({ level: "error", location: { file: "bad.yaml" } });
    expect(bad.diagnostics[0].message).toMatch(/^YAML syntax error: /);
  });

  it("caps alias expansion so an alias bomb cannot exhaust memory", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(10).fill(`*${"abcdefghi"[i - 1]}`).join(", ")}]`);
    const bomb = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bomb\n${levels.join("\n")}\n`;
    const result = parseKubernetes("bomb.yaml", bomb);
    expect(result.declarations.serviceAccounts[0].name).toBe("bomb");
  });
});
