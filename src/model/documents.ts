import type { PolicyDocument } from "../iam/document.js";
import type { IrsaModel, Role } from "./model.js";

export interface OwnedDocument {
  document: PolicyDocument;
  /**
   * How messages name the document: for trust policies "of role X" or "in file.json" (after "Trust
   * statement"); for permission policies a sentence's subject, "Policy P of role X".
   */
  owner: string;
  role?: Role;
}

/** Several rules and the engine ask for the same lists of one model: each is built once. */
const memo = <T>(build: (model: IrsaModel) => T) => {
  const built = new WeakMap<IrsaModel, T>();
  return (model: IrsaModel): T => {
    if (!built.has(model)) built.set(model, build(model));
    return built.get(model)!;
  };
};

/** Every trust policy in the scan: those of roles, and standalone documents (someone will attach them). */
export const trustDocuments = memo((model): readonly OwnedDocument[] => {
  const roles = model.roles.filter((r) => r.trust).map((r) => ({ document: r.trust!, owner: `of role ${r.displayName}`, role: r }));
  const standalone = model.documents
    .filter((d) => d.statements.some((s) => s.principals.length > 0 || s.notPrincipals.length > 0))
    .map((d) => ({ document: d, owner: `in ${d.loc.file}` }));
  return [...roles, ...standalone];
});

/** Every permission policy a role of the scan uses, plus standalone ones, each once. */
export const permissionDocuments = memo((model): readonly OwnedDocument[] => {
  const seen = new Set<PolicyDocument>();
  const out: OwnedDocument[] = [];
  for (const role of model.roles)
    for (const p of role.policies)
      if (p.document && !seen.has(p.document)) {
        seen.add(p.document);
        out.push({ document: p.document, owner: `Policy ${p.displayName} of role ${role.displayName}`, role });
      }
  for (const d of model.documents)
    if (!seen.has(d) && d.statements.every((s) => s.principals.length === 0 && s.notPrincipals.length === 0)) out.push({ document: d, owner: `Policy in ${d.loc.file}` });
  return out;
});
