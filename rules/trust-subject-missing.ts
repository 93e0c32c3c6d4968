import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { conditionsOn, parseOperator } from "../src/iam/evaluate.js";
import { PROBE_SUBJECT, admits, audiences, witness } from "../src/iam/questions.js";
import { unknownReason } from "../src/iam/alternatives.js";
import { providerOf, valuesText } from "../src/iam/trust.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";

const trust = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n${condition}      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n`;

export default defineRule({
  id: "trust-subject-missing",
  severity: "error",
  description: "Web-identity trust statements must restrict the token's sub to ServiceAccounts",
  tags: ["security", "CWE-285"],
  messages: {
    missing: "Trust statement {{owner}} has no {{provider}}:sub condition: every pod of every namespace in the cluster can assume the role",
    negated: "Trust statement {{owner}} only excludes sub {{values}} ({{operator}}): every other pod of every namespace in the cluster can assume the role",
    presence: "Trust statement {{owner}} only requires {{provider}}:sub to be present: every pod of every namespace in the cluster can assume the role",
  },
  docs: {
    rationale:
      "Without a `sub` condition, the trust policy accepts any token the cluster's OIDC provider signs, so any pod in any namespace (including ones an attacker can create) can call AssumeRoleWithWebIdentity and get the role's permissions. The `aud` condition does not help: every IRSA token carries `sts.amazonaws.com`. `StringNotEquals`/`StringNotLike` on `sub` exclude the listed ServiceAccounts and admit every other one, and `Null` only requires the claim to exist. The finding is only made when IAM would admit a ServiceAccount nobody named, in a namespace nobody named: a Deny statement that refuses it keeps the rule quiet.",
    fail: { files: { "iam/trust.json": trust("") } },
    pass: { files: { "iam/trust.json": trust('      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api",\n') } },
    fix: "Add a StringEquals condition on <provider>:sub with the value system:serviceaccount:<namespace>:<serviceaccount>.",
  },
  check(model, report, _options, unchecked) {
    for (const { document, owner, label, role } of trustDocuments(model)) {
      const allows = irsaStatements(model, document, role);
      const auds = audiences(allows, role ? model.serviceAccountsOf(role).map((sa) => knownString(sa.audience) ?? "") : []);
      for (const s of allows) {
        const subs = conditionsOn(s, "sub");
        const ops = subs.map((c) => parseOperator(knownString(c.operator) ?? ""));
        // A positive sub condition (or one not understood) restricts: trust-subject-wildcard judges patterns.
        if (ops.some((op) => !op || (!op.negated && op.base !== "Null"))) {
          const open = subs.find((c) => knownString(c.operator) === undefined);
          if (open) unchecked(open.loc, `the operator of a sub condition of ${label}`, unknownReason(open.operator));
          continue;
        }
        // The claim needs a witness: a ServiceAccount nobody named, in a namespace nobody named, admitted.
        if (!witness(document, [s], [PROBE_SUBJECT], auds)) {
          if (auds.some((aud) => admits(document, [s], PROBE_SUBJECT, aud).admitted === "maybe")) unchecked(s.loc, `whether a statement of ${label} restricts sub`, "part of it is not known");
          continue;
        }
        const provider = providerOf(s);
        const fix = { fix: `Add "${provider}:sub": "system:serviceaccount:<namespace>:<name>" under StringEquals.` };
        const negated = subs.find((_, i) => ops[i]!.negated);
        if (negated) report("negated", negated.loc, { owner, values: valuesText(negated.values), operator: knownString(negated.operator)! }, fix);
        else if (subs.length) report("presence", subs[0].loc, { owner, provider }, fix);
        else report("missing", s.loc, { owner, provider }, fix);
      }
    }
  },
});
