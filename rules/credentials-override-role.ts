import { defineRule, type Unchecked } from "../src/engine/rule.js";
import type { ContainerDecl } from "../src/core/declarations.js";
import type { Value } from "../src/core/value.js";
import type { IrsaModel, Workload } from "../src/model/model.js";

const STATIC_KEYS = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);
const PROFILE_KEYS = new Set(["AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"]);

const workload = (env: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reports
  namespace: reports
spec:
  selector:
    matchLabels: { app: reports }
  template:
    metadata:
      labels: { app: reports }
    spec:
      serviceAccountName: reports
      containers:
        - name: reports
          image: example.com/reports:1
          env:
${env}`;

export default defineRule({
  id: "credentials-override-role",
  severity: "error",
  description: "A pod that uses IRSA or Pod Identity must not set AWS credentials the SDK prefers over its role",
  tags: ["correctness", "security"],
  messages: {
    keys: "Container {{container}} of {{workload}} sets {{variable}}{{via}}: every AWS SDK reads these keys before the web identity token or Pod Identity, so the pod never uses role {{role}} of ServiceAccount {{sa}}",
    profile: "Container {{container}} of {{workload}} sets {{variable}}{{via}}: with some SDKs a profile or credentials file is read before the web identity token, and the pod may not use role {{role}} of ServiceAccount {{sa}}",
  },
  docs: {
    rationale:
      "The AWS SDKs look for credentials in a fixed order, and environment variables come first: AWS's IRSA and Pod Identity documentation warns that a workload whose credentials are earlier in the chain keeps using them. A container that sets `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (in `env`, or through `envFrom` of a Secret or ConfigMap of the scan that holds those keys) runs with those static keys, whatever its ServiceAccount's role allows, and the keys are long-lived secrets the role was meant to replace. `AWS_PROFILE`, `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` may do the same, depending on the SDK and the profile: a note. A value set from a Secret the scan does not contain is still a key set: reported.",
    fail: { files: { "k8s/reports.yaml": workload("            - name: AWS_ACCESS_KEY_ID\n              valueFrom: { secretKeyRef: { name: legacy-keys, key: id } }\n            - name: AWS_SECRET_ACCESS_KEY\n              valueFrom: { secretKeyRef: { name: legacy-keys, key: secret } }\n") } },
    pass: { files: { "k8s/reports.yaml": workload("            - name: AWS_REGION\n              value: eu-west-1\n") } },
    fix: "Remove the static keys (and the Secret that holds them): the ServiceAccount's role gives the pod its credentials.",
  },
  check(model, report, _options, unchecked) {
    for (const w of model.workloads) {
      const sa = w.serviceAccount;
      const role = sa ? roleName(model, w) : undefined;
      if (!sa || role === undefined) continue;
      const skipped = new Set((w.skipContainers?.kind === "string" ? w.skipContainers.value : "").split(",").map((s) => s.trim()));
      for (const c of w.containers ?? []) {
        if (skipped.has(c.name)) continue;
        for (const { variable, loc, via } of credentialVariables(model, w, c, unchecked)) {
          const data = { container: c.name || "(unnamed)", workload: `${w.kind} ${w.namespace}/${w.name}`, variable, via, role, sa: sa.key };
          if (STATIC_KEYS.has(variable)) report("keys", loc, data, { fix: `Remove ${variable} from the container: role ${role} gives it credentials.` });
          else report("profile", loc, data, { severity: "note", fix: `Remove ${variable}, or make sure the profile it selects uses the web identity token.` });
        }
      }
    }
  },
});

/** The role a workload's ServiceAccount gets (IRSA annotation, or a Pod Identity association), as messages name it. */
function roleName(model: IrsaModel, w: Workload): string | undefined {
  const sa = w.serviceAccount!;
  const association = model.podIdentityOf(sa);
  const roles = association ? association.roles : model.rolesOf(sa);
  if (roles.length) return roles[0].displayName;
  if (association || sa.roleArn) return "given to it";
  return undefined;
}

const isEmpty = (v: Value | undefined) => v?.kind === "string" && v.value.trim() === "";

/** The credential variables a container sets: in `env`, or through `envFrom` of a scanned Secret or ConfigMap. */
function credentialVariables(model: IrsaModel, w: Workload, c: ContainerDecl, unchecked: Unchecked) {
  const out: Array<{ variable: string; loc: ContainerDecl["env"][number]["loc"]; via: string }> = [];
  const seen = new Set<string>();
  for (const e of c.env)
    // An empty value is no credential: the SDKs treat it as unset.
    if ((STATIC_KEYS.has(e.name) || PROFILE_KEYS.has(e.name)) && !seen.has(e.name) && !isEmpty(e.value)) {
      seen.add(e.name);
      out.push({ variable: e.name, loc: e.loc, via: e.fromSecret ? ` (from Secret ${e.fromSecret})` : "" });
    }
  for (const f of c.envFrom) {
    // An overlay's generator may replace the base's object: a key is set when every definition sets it.
    const sources = model.configData(f.kind, f.name, w.namespace);
    if (!sources.length) continue;
    for (const key of new Set(sources.flatMap((s) => [...s.data.keys()]))) {
      const variable = `${f.prefix}${key}`;
      if (!(STATIC_KEYS.has(variable) || PROFILE_KEYS.has(variable)) || seen.has(variable)) continue;
      seen.add(variable);
      const setBy = sources.filter((s) => s.data.has(key) && !isEmpty(s.data.get(key)));
      if (setBy.length === sources.length) out.push({ variable, loc: f.loc, via: ` (through envFrom ${f.kind} ${f.name})` });
      else {
        const open = sources.find((s) => !s.data.has(key) && s.generated?.partial);
        if (open) unchecked(f.loc, `whether ${variable} reaches container ${c.name || "(unnamed)"}`, `${f.kind} ${f.name} is also made by the generator at ${open.loc.file}:${open.loc.line}, from files irsa-lint does not read`);
      }
    }
  }
  return out;
}
