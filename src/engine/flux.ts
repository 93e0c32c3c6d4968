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
  // Kustomizations by the folder they apply: a file looks its folders up, never every Kustomization
  // (thousands of them times thousands of ServiceAccounts was quadratic).
  const byPath = new Map<string, number[]>();
  substitutions.forEach((s, i) => {
    const prefix = posix.normalize(s.path).replace(/^\.\/?|\/$/g, "");
    const list = byPath.get(prefix) ?? [];
    byPath.set(prefix, list);
    list.push(i);
  });
  for (const o of outcomes) {
    if (!o.declarations.serviceAccounts.some((sa) => [sa.roleArn, sa.tokenExpiration, sa.audience].some(hasPlaceholderPart))) continue;
    const applying = foldersOf(o.status.file).flatMap((folder) => byPath.get(folder) ?? []).sort((a, b) => a - b);
    for (const i of applying) {
      const { values } = substitutions[i];
      o.declarations.serviceAccounts = o.declarations.serviceAccounts.map((sa) => ({
        ...sa,
        roleArn: sa.roleArn && substitute(sa.roleArn, values),
        tokenExpiration: sa.tokenExpiration && substitute(sa.tokenExpiration, values),
        audience: sa.audience && substitute(sa.audience, values),
      }));
    }
  }
}

/** `a/b/c.yaml`: the file itself, `a/b`, `a` and the root (""), the paths a Kustomization may apply it from. */
function foldersOf(file: string): string[] {
  const out = [file, ""];
  for (let at = file.lastIndexOf("/"); at > 0; at = file.lastIndexOf("/", at - 1)) out.push(file.slice(0, at));
  return out;
}

function hasPlaceholderPart(v: Value | undefined): boolean {
  if (!v) return false;
  if (v.kind === "unknown") return !!v.placeholder;
  return v.kind === "template" && v.parts.some((p) => typeof p !== "string" && !!p.placeholder);
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
