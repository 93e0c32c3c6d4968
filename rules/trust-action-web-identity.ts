import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { WEB_IDENTITY_ACTION } from "../src/iam/trust.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements, webIdentityMisactions } from "../src/model/irsa.js";

const trust = (action: string, extraPrincipal = "") =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"${extraPrincipal} },\n    "Action": "${action}",\n    "Condition": { "StringEquals": {\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api",\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n`;

const HARMLESS = new Set([WEB_IDENTITY_ACTION.toLowerCase(), "sts:tagsession"]);

export default defineRule({
  id: "trust-action-web-identity",
  severity: "error",
  description: "An OIDC provider may only be trusted for sts:AssumeRoleWithWebIdentity, and alone",
  tags: ["security", "CWE-285"],
  messages: {
    action: "Trust statement {{owner}} lets the OIDC provider {{action}}: IRSA needs only sts:AssumeRoleWithWebIdentity",
    mixed: "Trust statement {{owner}} trusts the OIDC provider and {{principal}} in one statement: its sub/aud conditions then also apply to (or fail for) the other principal",
    notWebIdentity: "Trust statement {{owner}} allows {{action}} to the cluster's OIDC provider: a web identity token can only call sts:AssumeRoleWithWebIdentity, so no pod ever gets the role through it",
  },
  docs: {
    rationale:
      "A Federated OIDC principal is only ever used with `sts:AssumeRoleWithWebIdentity`. `sts:*` or `*` grants more than IRSA needs (with other principals, `sts:AssumeRole` too); `sts:TagSession` beside it is harmless, since EKS tokens carry no session tags, and a web-identity statement that also names `*` or an AWS principal mixes two trust relationships whose conditions do not fit each other. Keep one statement per provider, with one action.",
    fail: { files: { "iam/trust.json": trust("sts:*") } },
    pass: { files: { "iam/trust.json": trust("sts:AssumeRoleWithWebIdentity") } },
    fix: "Set Action to sts:AssumeRoleWithWebIdentity and move any other principal into a statement of its own.",
  },
  check(model, report) {
    for (const { document, owner, role } of trustDocuments(model)) {
      for (const s of webIdentityMisactions(model, document)) {
        const at = s.actions[0] ?? s.notActions[0];
        report("notWebIdentity", at?.loc ?? s.actionLoc ?? s.loc, { owner, action: s.actions.map((a) => knownString(a) ?? "${…}").join(", ") || "NotAction" }, { fix: "Set Action to sts:AssumeRoleWithWebIdentity." });
      }
      for (const s of irsaStatements(model, document, role)) {
        for (const a of s.actions) {
          const action = knownString(a);
          // IAM action names are not case-sensitive; sts:TagSession is harmless here (EKS tokens carry no session tags)
          // and the terraform-aws-modules trust policies include it.
          if (action !== undefined && !HARMLESS.has(action.toLowerCase())) report("action", a.loc, { owner, action });
        }
        const other = s.principals.find((p) => p.type === "AWS" || p.type === "*" || p.type === "Service");
        if (other) report("mixed", other.value.loc, { owner, principal: other.type === "*" ? '"*"' : `${other.type} ${knownString(other.value) ?? "principal"}` });
      }
    }
  },
});
