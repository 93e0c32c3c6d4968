import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { permissionDocuments } from "../src/model/documents.js";

const policy = (element: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    ${element},\n    "Resource": "arn:aws:s3:::payments-receipts/*"\n  }]\n}\n`;

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
    fail: { files: { "iam/policy.json": policy('"NotAction": "iam:*"') } },
    pass: { files: { "iam/policy.json": policy('"Action": ["s3:GetObject", "s3:PutObject"]') } },
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
