import { posix } from "node:path";
import type { Declarations } from "../core/declarations.js";

/**
 * A plan (or state) scanned with the Terraform it comes from is one configuration: what the plan
 * declares at an address the HCL of the plan's folder also declares is the HCL's (findings point
 * at the `.tf` declaration, as checkov's plan enrichment does), and counted once. What only the
 * plan has (a module not on disk) stays the plan's.
 */
export function withoutPlanDuplicates(decls: Declarations): void {
  const planRoles = decls.roles.filter((r) => r.id.startsWith("plan:"));
  if (!planRoles.length) return;
  const hcl = new Set(decls.roles.filter((r) => r.id.includes("::")).map((r) => r.id));
  // Root ids are `<posix.dirname of the root's files>::address`: "." for the scan's top folder.
  const folder = (file: string) => posix.dirname(file);
  const duplicate = (id: string, file: string) => id.startsWith("plan:") && hcl.has(`${folder(file)}::${id.slice("plan:".length)}`);
  const dropped = new Set(planRoles.filter((r) => duplicate(r.id, r.loc.file)).map((r) => r.loc.file));
  if (!dropped.size) return;
  decls.roles = decls.roles.filter((r) => !duplicate(r.id, r.loc.file));
  // The plan's other objects in those files describe the same resources: the HCL's are kept.
  decls.policies = decls.policies.filter((p) => !(p.id.startsWith("plan:") && dropped.has(p.loc.file)));
  decls.attachments = decls.attachments.filter((a) => !dropped.has(a.loc.file));
  decls.serviceAccounts = decls.serviceAccounts.filter((sa) => !(sa.origin === "terraform" && dropped.has(sa.loc.file)));
  decls.oidcProviders = decls.oidcProviders.filter((p) => !(p.id.startsWith("plan:") && dropped.has(p.loc.file)));
  decls.podIdentityAssociations = decls.podIdentityAssociations.filter((a) => !dropped.has(a.loc.file));
}
