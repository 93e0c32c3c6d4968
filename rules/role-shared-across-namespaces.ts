import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { irsaStatements } from "../src/model/irsa.js";
import { conditionsOn } from "../src/iam/evaluate.js";
import { audiences, witness } from "../src/iam/questions.js";
import { parseSubject } from "../src/iam/trust.js";
import type { Condition, Statement } from "../src/iam/document.js";

const trust = (subs: string) =>
  `{\n  "Role": {\n    "RoleName": "shared",\n    "Path": "/",\n    "Arn": "arn:aws:iam::123456789012:role/shared",\n    "AssumeRolePolicyDocument": {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n        "Action": "sts:AssumeRoleWithWebIdentity",\n        "Condition": { "StringEquals": {\n          "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": ${subs},\n          "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n        } }\n      }]\n    }\n  }\n}\n`;

export default defineRule({
  id: "role-shared-across-namespaces",
  severity: "warning",
  description: "One IRSA role should not be assumable from several namespaces",
  tags: ["security"],
  messages: {
    shared: "Role {{role}} can be assumed by ServiceAccounts of {{count}} namespaces ({{namespaces}}): compromising one namespace gives the others' AWS permissions",
  },
  docs: {
    rationale:
      "Namespaces are the usual boundary between teams and environments. A role whose trust admits ServiceAccounts of several namespaces lets a compromised workload in any of them act with the permissions meant for the others, and makes it impossible to tighten one without breaking another. Give each namespace its own role.",
    fail: { files: { "iam/shared-role.json": trust('["system:serviceaccount:payments:api", "system:serviceaccount:payments-staging:api"]') } },
    pass: { files: { "iam/shared-role.json": trust('["system:serviceaccount:payments:api", "system:serviceaccount:payments:worker"]') } },
    fix: "Create one role per namespace, each trusting only its own ServiceAccounts.",
  },
  check(model, report) {
    for (const role of model.reportedRoles) {
      const allows = irsaStatements(model, role.trust, role);
      // Subjects naming a namespace, before asking IAM about any: most roles name one namespace.
      const named: Array<{ ns: string; text: string; statement: Statement; condition: Condition }> = [];
      for (const statement of allows)
        for (const condition of conditionsOn(statement, "sub"))
          for (const v of condition.values) {
            const text = knownString(v) ?? "";
            const ns = parseSubject(text)?.namespace;
            if (ns && !/[*?]/.test(ns)) named.push({ ns, text, statement, condition }); // wildcards are trust-subject-wildcard's
          }
      if (new Set(named.map((n) => n.ns)).size < 2) continue;
      const auds = audiences(allows);
      const namespaces = new Set<string>();
      let first;
      for (const { ns, text, statement, condition } of named) {
        // Only a subject IAM admits: not one a negated operator or a Deny excludes.
        if (!witness(role.trust!, [statement], [text], auds)) continue;
        namespaces.add(ns);
        first ??= condition.valuesLoc;
      }
      if (namespaces.size < 2) continue;
      const list = [...namespaces].sort();
      report("shared", first!, { role: role.displayName, count: list.length, namespaces: list.join(", ") }, { fix: "Split the role: one per namespace." });
    }
  },
});
