import type { Value } from "../src/core/value.js";
import { defineRule, type Report } from "../src/engine/rule.js";

const MIN = 600;
const MAX = 86400;

type Ids = "tooLow" | "belowPolicy" | "tooHigh" | "notInteger" | "notString";

export default defineRule<Ids, { minimum: number }>({
  id: "token-expiration-minimum",
  severity: "error",
  description: "eks.amazonaws.com/token-expiration must be an integer number of seconds in [600, 86400]",
  tags: ["correctness"],
  messages: {
    tooLow: "{{where}} sets token-expiration {{value}}: below 600 s, the pod identity webhook silently raises it to 600",
    belowPolicy: "{{where}} sets token-expiration {{value}}, below this repository's minimum of {{minimum}} s",
    tooHigh: "{{where}} sets token-expiration {{value}}: above 86400 s, the pod identity webhook silently caps it at 86400",
    notInteger: "{{where}} sets token-expiration \"{{value}}\", which is not a whole number of seconds; the webhook ignores it and uses 86400",
    notString: "{{where}} sets token-expiration as a {{type}}; Kubernetes annotation values must be strings (quote it)",
  },
  docs: {
    rationale:
      "The pod identity webhook reads `eks.amazonaws.com/token-expiration` from the ServiceAccount or the pod (the pod's wins) and sets the projected token's `expirationSeconds`. It raises values below 600 to 600, caps values above 86400 at 86400, and ignores what is not an integer (using the default, 86400) — each silently, so the token the pod gets is not the one written. An unquoted number is rejected by the API server, since annotation values are strings.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: batch\n  namespace: jobs\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/batch\n    eks.amazonaws.com/token-expiration: \"300\"\n",
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: batch\n  namespace: jobs\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/batch\n    eks.amazonaws.com/token-expiration: \"600\"\n",
      },
    },
    fix: "Write a quoted whole number of seconds between 600 and 86400, e.g. \"3600\".",
  },
  options: {
    properties: {
      minimum: { type: "integer", minimum: MIN, maximum: MAX, description: "Lowest token lifetime this repository accepts, in seconds (default 600)" },
    },
    defaults: { minimum: MIN },
  },
  check(model, report, { minimum }) {
    for (const sa of model.serviceAccounts) checkValue(sa.tokenExpiration, `ServiceAccount ${sa.namespace}/${sa.name}`, report, sa.origin === "terraform", minimum);
    for (const w of model.workloads) checkValue(w.tokenExpiration, `${w.kind} ${w.namespace}/${w.name} (pod template)`, report, false, minimum);
  },
});

function checkValue(v: Value | undefined, where: string, report: Report<Ids>, numbersAllowed: boolean, minimum: number): void {
  if (!v) return;
  const fix = { fix: "Use a quoted whole number of seconds between 600 and 86400." };
  if (v.kind === "number" && !numbersAllowed) return report("notString", v.loc, { where, type: "number" }, fix);
  if (v.kind === "bool") return report("notString", v.loc, { where, type: "bool" }, fix);
  if (v.kind !== "string" && v.kind !== "number") return;
  const text = String(v.value).trim();
  if (!/^-?\d+$/.test(text)) return report("notInteger", v.loc, { where, value: text }, fix);
  const n = Number(text);
  if (n < MIN) report("tooLow", v.loc, { where, value: n }, { ...fix, suggestion: { replace: text, with: String(MIN), title: `Raise token-expiration to ${MIN}` } });
  else if (n < minimum) report("belowPolicy", v.loc, { where, value: n, minimum }, { fix: `Use at least ${minimum} seconds.`, suggestion: { replace: text, with: String(minimum), title: `Raise token-expiration to ${minimum}` } });
  else if (n > MAX) report("tooHigh", v.loc, { where, value: n }, fix);
}
