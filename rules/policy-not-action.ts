import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { permissionDocuments } from "../src/model/documents.js";
import { irsaTrustJson } from "./examples.js";

/** The AWS CLI's layout: the role's trust and permissions side by side. */
const role = (element: string) => ({
  "iam/trust-policy.json": irsaTrustJson("payments", "payments-api"),
  "iam/permissions.json": `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    ${element},
    "Resource": "arn:aws:s3:::payments-receipts/*"
  }]
}
`,
});

export default defineRule({
  id: "policy-not-action",
  severity: "warning",
  description: "Allow statements should list what they grant, not what they leave out (NotAction, NotResource)",
  tags: ["security", "CWE-269"],
  messages: {
    notAction: "{{owner}} allows NotAction: every action except those listed, including every action AWS adds later",
    notResource: "{{owner}} allows its actions on NotResource: every resource except those listed",
  },
  docs: {
    rationale:
      "`Allow` with `NotAction` grants every action of every service except the few listed, and silently grows with each new AWS API; `NotResource` does the same for resources. Both are easy to misread as restrictions. They belong in Deny statements.",
    fail: { files: role('"NotAction": "iam:*"') },
    pass: { files: role('"Action": ["s3:GetObject", "s3:PutObject"]') },
    fix: "List the actions (and resources) the workload uses; keep NotAction/NotResource for Deny statements.",
  },
  check(model, report) {
    for (const { document, owner } of permissionDocuments(model)) {
      for (const s of document.statements) {
        if (knownString(s.effect) !== "Allow") continue;
        if (s.notActions.length) report("notAction", s.notActions[0].loc, { owner });
        if (s.notResources.length) report("notResource", s.notResources[0].loc, { owner });
      }
    }
  },
});
