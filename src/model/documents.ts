import { memoised } from "../core/collections.js";
import type { PolicyDocument } from "../iam/document.js";
import { irsaStatements, isWorkloadRole } from "./irsa.js";
import type { IrsaModel, Role } from "./model.js";

export interface OwnedDocument {
  document: PolicyDocument;
  /**
   * How messages name the document: for trust policies "of role X" or "in file.json" (after "Trust
   * statement"); for permission policies a sentence's subject, "Policy P of role X".
   */
  owner: string;
  /** How "not checked" entries name it: `policy P of role R`, `the trust policy in F` (see ownerText). */
  label: string;
  role?: Role;
}

// Several rules and the engine ask for the same lists of one model: each is built once (memoised).

/** Every trust policy in the scan: those of roles, and standalone documents (someone will attach them). */
export const trustDocuments = memoised((model: IrsaModel): readonly OwnedDocument[] => {
  const roles = model.reportedRoles.filter((r) => r.trust).map((r) => ({ document: r.trust!, owner: `of role ${r.displayName}`, label: `the trust policy of role ${r.displayName}`, role: r }));
  const standalone = model.documents
    .filter((d) => d.statements.some((s) => s.principals.length > 0 || s.notPrincipals.length > 0))
    .map((d) => ({ document: d, owner: `in ${d.loc.file}`, label: `the trust policy in ${d.loc.file}` }));
  return [...roles, ...standalone];
});

/** Every permission policy a role of the scan uses, plus standalone ones, each once. */
export const allPermissionDocuments = memoised((model: IrsaModel): readonly OwnedDocument[] => {
  const seen = new Set<PolicyDocument>();
  const out: OwnedDocument[] = [];
  for (const role of model.reportedRoles)
    for (const p of role.policies)
      if (p.document && !seen.has(p.document)) {
        seen.add(p.document);
        out.push({ document: p.document, owner: `Policy ${p.displayName} of role ${role.displayName}`, label: ownerText(p.displayName, role.displayName), role });
      }
  for (const d of model.documents)
    if (!seen.has(d) && d.statements.every((s) => s.principals.length === 0 && s.notPrincipals.length === 0)) out.push({ document: d, owner: `Policy in ${d.loc.file}`, label: ownerText(undefined, undefined, d.loc.file) });
  return out;
});

/**
 * The permission policies of roles a cluster's pods use (IRSA, Pod Identity): the subject of the
 * permission rules. A Lambda's or a CI pipeline's role is not. A standalone document belongs to a
 * workload role when it sits beside a standalone IRSA trust document of the same name (the AWS CLI
 * layout: `trust-policy.json` and `permissions.json`, `app-trust.json` and `app-policy.json`); a
 * document named for something else (`cloud9-role-permission-policy.json` beside
 * `crossplane-role-trust-policy.json`) is another role's.
 */
export const permissionDocuments = memoised((model: IrsaModel): readonly OwnedDocument[] => {
  const irsaTrusts = new Map<string, Set<string>>();
  for (const t of trustDocuments(model))
    if (!t.role && irsaStatements(model, t.document).length > 0) {
      const dir = dirname(t.document.loc.file);
      irsaTrusts.set(dir, (irsaTrusts.get(dir) ?? new Set()).add(stem(t.document.loc.file)));
    }
  const beside = (file: string) => {
    const stems = irsaTrusts.get(dirname(file));
    const own = stem(file);
    return !!stems && (own === "" || stems.has(own) || stems.has(""));
  };
  return allPermissionDocuments(model).filter((d) => (d.role ? isWorkloadRole(model, d.role) : beside(d.document.loc.file)));
});

/** A document's file name without the words every policy file has: `crossplane` of `crossplane-role-trust-policy-template.json`. */
function stem(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "").toLowerCase();
  return name
    .split(/[-_.\s]+/)
    .filter((w) => w && !GENERIC_WORDS.has(w))
    .join("-");
}

const GENERIC_WORDS = new Set(["trust", "assume", "relationship", "relationships", "policy", "policies", "permission", "permissions", "document", "doc", "template", "role", "iam", "irsa", "json"]);

const dirname = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf("/")));

/** How "not checked" entries name a permission policy, the same in every rule: `policy P of role R`, `the policy in F`. */
export function ownerText(policy: string | undefined, role: string | undefined, file?: string): string {
  return policy !== undefined && role !== undefined ? `policy ${policy} of role ${role}` : `the policy in ${file}`;
}
