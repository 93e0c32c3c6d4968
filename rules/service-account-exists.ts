import { pushTo } from "../src/core/collections.js";
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "service-account-exists",
  severity: "warning",
  description: "A workload's serviceAccountName should name a ServiceAccount defined in its namespace",
  tags: ["correctness"],
  messages: {
    missing: "{{workload}} runs as ServiceAccount {{sa}}, which no scanned manifest defines in namespace {{namespace}} (it defines {{others}}){{hint}}",
  },
  docs: {
    rationale:
      "A pod whose `serviceAccountName` names no existing ServiceAccount is not created at all (the API server rejects it); one that names a different ServiceAccount than intended runs without the IRSA role. The rule runs only for namespaces whose ServiceAccounts are in the scan, so a workload whose ServiceAccount is managed elsewhere stays quiet.",
    fail: {
      files: {
        "k8s/app.yaml":
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  serviceAccountName: payment-api\n  containers:\n    - name: api\n      image: example.com/api:1\n",
      },
    },
    pass: {
      files: {
        "k8s/app.yaml":
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  serviceAccountName: payments-api\n  containers:\n    - name: api\n      image: example.com/api:1\n",
      },
    },
    fix: "Correct serviceAccountName, or add the ServiceAccount to the namespace's manifests.",
  },
  check(model, report) {
    const byNamespace = new Map<string, string[]>();
    // A ServiceAccount whose namespace is chosen at deploy time may be the one in any namespace.
    const anywhere = new Set<string>();
    // A ServiceAccount whose name is not known may be the workload's, in its namespace or any.
    const anyName = new Set<string>();
    let anyAnywhere = false;
    for (const sa of model.serviceAccounts) {
      if (sa.nameKnown === false) {
        if (sa.namespaceKnown === false) anyAnywhere = true;
        else anyName.add(sa.namespace);
        continue;
      }
      pushTo(byNamespace, sa.namespace, sa.name);
      if (sa.namespaceKnown === false) anywhere.add(sa.name);
    }
    if (anyAnywhere) return;
    for (const w of model.workloads) {
      const names = byNamespace.get(w.namespace);
      if (!names || w.serviceAccount || w.serviceAccountName === "default" || anywhere.has(w.serviceAccountName) || anyName.has(w.namespace)) continue;
      const close = names.find((n) => n.replace(/s$/, "") === w.serviceAccountName.replace(/s$/, "") || n.includes(w.serviceAccountName) || w.serviceAccountName.includes(n));
      report("missing", w.serviceAccountLoc, {
        workload: `${w.kind} ${w.namespace}/${w.name}`,
        sa: w.serviceAccountName,
        namespace: w.namespace,
        others: [...names].sort().slice(0, 5).join(", "),
        hint: close ? `; did you mean ${close}?` : "",
      });
    }
  },
});
