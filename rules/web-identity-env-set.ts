import { parseArnValue } from "../src/core/arn.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";

const WEB_IDENTITY_KEYS = ["AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"];

const workload = (env: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports
---
apiVersion: batch/v1
kind: Job
metadata:
  name: export
  namespace: reports
spec:
  template:
    spec:
      serviceAccountName: reports
      restartPolicy: Never
      containers:
        - name: export
          image: example.com/export:1
${env}`;

export default defineRule({
  id: "web-identity-env-set",
  severity: "error",
  description: "Containers of an IRSA pod must leave AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE to the pod identity webhook",
  tags: ["correctness"],
  messages: {
    other: "Container {{container}} of {{workload}} sets AWS_ROLE_ARN to {{value}}: the webhook then injects nothing, and the container assumes that role, not role {{annotated}}, which ServiceAccount {{sa}} annotates",
    half: "Container {{container}} of {{workload}} sets {{variable}} but not {{missing}}: the webhook injects neither when one is set, so the SDK finds no complete web identity configuration and the pod gets no credentials from role {{annotated}}",
    redundant: "Container {{container}} of {{workload}} sets AWS_ROLE_ARN to the role its ServiceAccount {{sa}} annotates: the webhook then injects nothing, and a later change of the annotation is silently ignored",
  },
  docs: {
    rationale:
      "The pod identity webhook adds `AWS_ROLE_ARN` and `AWS_WEB_IDENTITY_TOKEN_FILE` to each container, unless the container already defines either of them (amazon-eks-pod-identity-webhook, `pkg/handler/handler.go`, `addEnvToContainer`): then it adds neither. A container that sets its own `AWS_ROLE_ARN` assumes that role, not the annotation's; one that sets only one of the two has an incomplete web identity configuration; one that sets the annotation's role by hand works until someone changes the annotation (a warning).",
    fail: { files: { "k8s/export.yaml": workload("          env:\n            - name: AWS_ROLE_ARN\n              value: arn:aws:iam::123456789012:role/reports-admin\n            - name: AWS_WEB_IDENTITY_TOKEN_FILE\n              value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token\n") } },
    pass: { files: { "k8s/export.yaml": workload("          env:\n            - name: AWS_REGION\n              value: eu-west-1\n") } },
    fix: "Remove AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE from the container: the webhook sets both from the ServiceAccount.",
  },
  check(model, report) {
    for (const w of model.workloads) {
      const sa = w.serviceAccount;
      if (!sa?.roleArn) continue;
      const annotated = knownString(sa.roleArn);
      const annotatedName = parseArnValue(sa.roleArn)?.name ?? "(its role)";
      for (const c of w.containers ?? []) {
        const set = WEB_IDENTITY_KEYS.map((k) => c.env.find((e) => e.name === k));
        const [roleArn, tokenFile] = set;
        if (!roleArn && !tokenFile) continue;
        const data = { container: c.name || "(unnamed)", workload: `${w.kind} ${w.namespace}/${w.name}`, sa: sa.key, annotated: annotatedName };
        if (!roleArn || !tokenFile) {
          const present = (roleArn ?? tokenFile)!;
          report("half", present.loc, { ...data, variable: present.name, missing: roleArn ? "AWS_WEB_IDENTITY_TOKEN_FILE" : "AWS_ROLE_ARN" });
          continue;
        }
        const value = roleArn.value && knownString(roleArn.value);
        // A value from a Secret or a placeholder is not known: nothing is said of which role it is.
        if (value === undefined || annotated === undefined) continue;
        if (value === annotated) report("redundant", roleArn.loc, data, { severity: "warning" });
        else report("other", roleArn.value!.loc, { ...data, value });
      }
    }
  },
});
