import type { Diagnostic } from "../core/diagnostic.js";
import { firstUnknown, isKnown, type Value } from "../core/value.js";
import { conditionsOn } from "../iam/evaluate.js";
import { irsaStatements } from "./irsa.js";
import type { IrsaModel } from "./model.js";

/**
 * One note per value a check needed but could not know, with the reason. They explain why a rule
 * stayed quiet (`--verbose`, SARIF notifications); they never fail a run.
 */
export function unresolvedNotes(model: IrsaModel): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const note = (what: string, v: Value) => {
    const why = firstUnknown(v)?.reason ?? "not known";
    notes.push({ level: "note", message: `${what} is not known (${why}); checks that need it were skipped`, location: v.loc });
  };
  for (const sa of model.serviceAccounts) {
    if (sa.roleArn && !isKnown(sa.roleArn) && model.rolesOf(sa).length === 0) note(`role ARN of ServiceAccount ${sa.key}`, sa.roleArn);
  }
  for (const role of model.roles) {
    if (role.name.kind === "unknown" && !role.namePrefix) note(`name of role ${role.displayName}`, role.name);
    if (!role.trust?.complete && role.trustSource) note(`part of the trust policy of role ${role.displayName}`, role.trustSource);
    for (const s of irsaStatements(model, role.trust, role)) {
      for (const c of conditionsOn(s, "sub")) {
        const unknownValue = c.values.find((v) => !isKnown(v));
        if (unknownValue) note(`a sub value in the trust policy of role ${role.displayName}`, unknownValue);
      }
    }
  }
  return notes;
}
