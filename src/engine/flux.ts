import { posix } from "node:path";
import { str, type TemplateValue, type Value } from "../core/value.js";
import type { FileOutcome } from "./parse-files.js";

/**
 * Flux's post-build substitution: a `Kustomization` with `postBuild.substitute` replaces `${VAR}`
 * (and `${VAR:=default}`) in the manifests under its `spec.path` before applying them. The
 * ServiceAccounts there get the values the scan shows; a variable it does not show stays unknown.
 * Paths are taken relative to the working directory, where a repository's root usually is.
 */
export function applyFluxSubstitutions(outcomes: FileOutcome[]): void {
  const substitutions = outcomes.flatMap((o) => o.declarations.fluxSubstitutions);
  if (!substitutions.length) return;
  for (const s of substitutions) {
    const prefix = posix.normalize(s.path).replace(/^\.\/?|\/$/g, "");
    for (const o of outcomes) {
      const file = o.status.file;
      if (prefix && file !== prefix && !file.startsWith(`${prefix}/`)) continue;
      o.declarations.serviceAccounts = o.declarations.serviceAccounts.map((sa) => ({
        ...sa,
        roleArn: sa.roleArn && substitute(sa.roleArn, s.values),
        tokenExpiration: sa.tokenExpiration && substitute(sa.tokenExpiration, s.values),
        audience: sa.audience && substitute(sa.audience, s.values),
      }));
    }
  }
}

function substitute(v: Value, values: Map<string, string>): Value {
  if (v.kind !== "template" && !(v.kind === "unknown" && v.placeholder)) return v;
  const parts = v.kind === "template" ? v.parts : [v];
  let changed = false;
  const out = parts.map((p) => {
    if (typeof p === "string" || !p.placeholder) return p;
    const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?\}$/.exec(p.placeholder);
    const value = m ? (values.get(m[1]) ?? m[2]) : undefined;
    if (value === undefined) return p;
    changed = true;
    return value;
  });
  if (!changed) return v;
  if (out.every((p) => typeof p === "string")) return str(out.join(""), v.loc);
  const template: TemplateValue = { kind: "template", parts: out, loc: v.loc };
  return template;
}
