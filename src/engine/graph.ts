import type { SourceLocation } from "../core/location.js";
import { asItems, displayValue, knownString } from "../core/value.js";
import { irsaStatements } from "../model/irsa.js";
import type { Role, ServiceAccount } from "../model/model.js";
import { explain, parseTarget } from "./explain.js";
import type { LintResult } from "./lint.js";

/** The linked model as nodes and edges (`irsa-lint graph`, the job summary's diagram). */
export interface Graph {
  nodes: Array<{ id: string; kind: "serviceAccount" | "workload" | "role" | "trust" | "provider" | "policy" | "unresolved"; label: string; at: string | null }>;
  edges: Array<{ from: string; to: string; kind: "runs-as" | "annotates" | "pod-identity" | "trusts" | "federated" | "attached"; resolved: boolean; broken: boolean; label: string | null }>;
}

const where = (l: SourceLocation | undefined) => (l ? `${l.file}:${l.line}` : null);

/**
 * Every ServiceAccount with a role annotation or a Pod Identity association, the workloads that
 * run as it, the role it links to (or a node saying why none), the role's IRSA trust statements,
 * the OIDC providers they federate and the policies attached. An edge is `broken` when explain
 * finds the chain broken; `resolved` false when the role is not known. `focus` keeps one chain.
 */
export function graphOf(result: LintResult, options: { focus?: string; onlyBroken?: boolean } = {}): Graph {
  const model = result.model;
  const graph: Graph = { nodes: [], edges: [] };
  const ids = new Map<string, string>();
  const node = (key: string, kind: Graph["nodes"][number]["kind"], label: string, at: SourceLocation | undefined) => {
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(key, id);
      graph.nodes.push({ id, kind, label, at: where(at) });
    }
    return id;
  };
  const edge = (e: Graph["edges"][number]) => {
    if (!graph.edges.some((x) => x.from === e.from && x.to === e.to && x.kind === e.kind)) graph.edges.push(e);
  };
  const roleNode = (role: Role, broken: boolean) => {
    const id = node(`role ${role.id}`, "role", `role ${role.displayName}`, role.loc);
    for (const s of irsaStatements(model, role.trust, role)) {
      const subs = s.conditions.filter((c) => /:sub$/i.test(knownString(c.key) ?? "")).flatMap((c) => c.values.map(displayValue));
      const trust = node(`trust ${role.id} ${s.index}`, "trust", `trust statement ${s.index + 1}${subs.length ? `: ${subs.slice(0, 3).join(", ")}${subs.length > 3 ? ", …" : ""}` : ""}`, s.loc);
      edge({ from: id, to: trust, kind: "trusts", resolved: true, broken, label: null });
      for (const p of s.principals.filter((x) => x.type === "Federated"))
        for (const v of asItems(p.value)) {
          const text = displayValue(v);
          const provider = node(`provider ${text}`, "provider", `OIDC provider ${text.split(":oidc-provider/")[1] ?? text}`, model.oidcProviders.find((o) => text.endsWith((knownString(o.url) ?? "\0").replace(/^https:\/\//, "")))?.loc);
          edge({ from: trust, to: provider, kind: "federated", resolved: true, broken: false, label: null });
        }
    }
    for (const p of role.policies) {
      const policy = node(`policy ${role.id} ${p.displayName}`, "policy", `${p.kind} policy ${p.displayName}`, p.attachedAt);
      edge({ from: id, to: policy, kind: "attached", resolved: true, broken: false, label: null });
    }
    return id;
  };
  const wanted = (sa: ServiceAccount) => (sa.roleArn || model.podIdentityOf(sa)) && (!options.focus || sa.key === options.focus);
  for (const sa of model.serviceAccounts.filter(wanted)) {
    const chain = (explain(result, parseTarget(sa.key)) as { chains?: Array<{ serviceAccount: { declaredAt: SourceLocation }; verdict: string }> }).chains?.find((c) => c.serviceAccount.declaredAt === sa.loc);
    const broken = chain?.verdict === "broken";
    if (options.onlyBroken && !broken) continue;
    const saId = node(`sa ${sa.key} ${where(sa.loc)}`, "serviceAccount", `ServiceAccount ${sa.namespaceKnown === false ? "?" : sa.namespace}/${sa.name}`, sa.loc);
    for (const w of model.workloadsOf(sa)) edge({ from: node(`workload ${w.kind} ${w.namespace}/${w.name} ${where(w.loc)}`, "workload", `${w.kind} ${w.namespace}/${w.name}`, w.loc), to: saId, kind: "runs-as", resolved: true, broken: false, label: null });
    const association = model.podIdentityOf(sa);
    if (association)
      for (const role of association.roles) edge({ from: saId, to: roleNode(role, broken), kind: "pod-identity", resolved: true, broken, label: "Pod Identity" });
    if (!sa.roleArn) continue;
    const roles = model.rolesOf(sa);
    const report = result.links.find((l) => l.kind === "annotation" && l.location === sa.roleArn!.loc);
    if (roles.length) for (const role of roles) edge({ from: saId, to: roleNode(role, broken), kind: "annotates", resolved: true, broken, label: null });
    else {
      const missing = node(`unresolved ${where(sa.roleArn.loc)}`, "unresolved", report?.status === "missing" ? `no role named ${displayValue(sa.roleArn).split("/").pop()}` : `role not resolved: ${report?.reason ?? displayValue(sa.roleArn)}`, sa.roleArn.loc);
      edge({ from: saId, to: missing, kind: "annotates", resolved: false, broken: report?.status === "missing" || broken, label: null });
    }
  }
  return graph;
}
