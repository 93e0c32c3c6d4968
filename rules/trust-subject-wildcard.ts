import { globMatches } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { alternatives, unknownReason, withConditionValue } from "../src/iam/alternatives.js";
import { defineRule } from "../src/engine/rule.js";
import { conditionsOn, parseOperator } from "../src/iam/evaluate.js";
import { audiences, patternInstances, witness } from "../src/iam/questions.js";
import { subject } from "../src/iam/trust.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";

const trust = (sub: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": {\n      "StringLike": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "${sub}" },\n      "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com" }\n    }\n  }]\n}\n`;

export default defineRule({
  id: "trust-subject-wildcard",
  severity: "warning",
  description: "StringLike sub patterns must not admit more ServiceAccounts than intended",
  tags: ["security", "CWE-285"],
  messages: {
    namespace: "Trust statement {{owner}} admits sub \"{{pattern}}\"{{when}}: a wildcard namespace lets ServiceAccounts of any namespace assume the role{{admits}}",
    name: "Trust statement {{owner}} admits sub \"{{pattern}}\"{{when}}: every ServiceAccount matching it can assume the role{{admits}}",
  },
  docs: {
    rationale:
      "`StringLike` with `*` or `?` in the `sub` value admits every ServiceAccount whose name matches, including ones created later by anyone who can create ServiceAccounts in that namespace. A wildcard in the namespace part (`system:serviceaccount:*:app`) is an error: whoever can create a namespace can assume the role. The message lists the scanned ServiceAccounts the pattern admits today. A pattern a Deny statement or another condition narrows so that no new name gets in is not reported.",
    fail: { files: { "iam/trust.json": trust("system:serviceaccount:*:payments-api") } },
    pass: { files: { "iam/trust.json": trust("system:serviceaccount:payments:payments-api") } },
    fix: "List the exact subjects under StringEquals; keep StringLike only for a deliberate, namespace-scoped name pattern.",
  },
  check(model, report, _options, unchecked) {
    for (const { document, owner, label, role } of trustDocuments(model)) {
      const allows = irsaStatements(model, document, role);
      const auds = audiences(allows, role ? model.serviceAccountsOf(role).map((sa) => knownString(sa.audience) ?? "") : []);
      for (const s of allows) {
        for (const c of conditionsOn(s, "sub")) {
          const op = parseOperator(knownString(c.operator) ?? "");
          if (!op?.glob || op.negated) continue;
          for (const written of c.values) {
            const options = alternatives(written);
            if (!options) unchecked(written.loc, `a sub value of ${label}`, unknownReason(written));
            for (const { value: v, when } of options ?? []) {
            const pattern = knownString(v);
            if (pattern === undefined || !/[*?]/.test(pattern) || pattern.includes("${")) continue;
            // Only what IAM would admit: a name the wildcard matches that nobody chose, no Deny refusing it
            // (a branch of a conditional is judged as the code writes it).
            const asWritten = v === written ? { document, statement: s } : withConditionValue(document, s, c, written, v);
            if (!witness(asWritten.document, [asWritten.statement], patternInstances(pattern), auds)) continue;
            const namespacePart = /^system:serviceaccount:([^:]*)/.exec(pattern)?.[1] ?? "*";
            const admitted = model.serviceAccounts
              .filter((sa) => sa.namespaceKnown !== false && sa.nameKnown !== false && globMatches(pattern, subject(sa.namespace, sa.name)))
              .filter((sa) => witness(asWritten.document, [asWritten.statement], [subject(sa.namespace, sa.name)], auds))
              .map((sa) => sa.key);
            const admits = admitted.length ? `; today: ${admitted.slice(0, 5).join(", ")}${admitted.length > 5 ? ` and ${admitted.length - 5} more` : ""}` : "";
            const wildNamespace = /[*?]/.test(namespacePart);
            report(wildNamespace ? "namespace" : "name", v.loc, { owner, pattern, admits, when: when ? ` when ${when}` : "" }, {
              severity: wildNamespace ? "error" : undefined,
              fix: "Replace the pattern with the exact system:serviceaccount:<namespace>:<name> values under StringEquals.",
              ...(when ? { condition: when } : {}),
            });
            }
          }
        }
      }
    }
  },
});
