import { posix } from "node:path";
import { getEntry, knownString, type Value } from "../core/value.js";
import type { Expr, HclFile } from "../parse/hcl/ast.js";

/**
 * `data "terraform_remote_state"` reads another root's outputs from its state. When the state is
 * that of a root in the scan, the outputs are known as that root's are (or unknown by reference,
 * exactly as a module's outputs are). A root's state is where its `backend` (or `cloud`) block
 * says: the same backend type and the same identifying settings (s3 `bucket` and `key`, gcs
 * `bucket` and `prefix`, azurerm `storage_account_name`, `container_name` and `key`, remote/cloud
 * `organization` and workspace `name`), or, for `local`, the same file (`terraform.tfstate` in the
 * root by default).
 */
export interface Backend {
  type: string;
  settings: Map<string, string>;
}

/** The settings that tell one state from another, by backend type. */
const IDENTITY: Record<string, string[]> = {
  s3: ["bucket", "key"],
  gcs: ["bucket", "prefix"],
  azurerm: ["storage_account_name", "container_name", "key"],
  remote: ["organization", "workspaces.name"],
  cloud: ["organization", "workspaces.name"],
  http: ["address"],
  consul: ["address", "path"],
  pg: ["conn_str", "schema_name"],
  local: ["path"],
};

/** A root's backend, read from its `terraform` blocks (backend settings are literals); `local` when none is declared. */
export function backendOf(files: HclFile[]): Backend {
  for (const f of files)
    for (const t of f.body.blocks)
      if (t.type === "terraform")
        for (const b of t.body.blocks) {
          if (b.type !== "backend" && b.type !== "cloud") continue;
          const settings = new Map<string, string>();
          for (const a of b.body.attributes) {
            const text = literal(a.expr);
            if (text !== undefined) settings.set(a.name, text);
          }
          for (const inner of b.body.blocks)
            for (const a of inner.body.attributes) {
              const text = literal(a.expr);
              if (text !== undefined) settings.set(`${inner.type}.${a.name}`, text);
            }
          return { type: b.type === "cloud" ? "cloud" : (b.labels[0] ?? "local"), settings };
        }
  return { type: "local", settings: new Map() };
}

/** Whether a remote state's `backend` and `config`, read from `from`, name the state of the root in `dir`. */
export function statesMatch(type: string, config: Value | undefined, from: string, dir: string, backend: Backend): boolean {
  const wanted = type === "remote" && backend.type === "cloud" ? "cloud" : type;
  if (wanted !== backend.type && !(wanted === "cloud" && backend.type === "remote")) return false;
  if (type === "local") {
    const path = knownString(getEntry(config, "path")) ?? "terraform.tfstate";
    // `${path.module}/...` is already a path from the scan's folder (path.module evaluates to it); a bare path is the root's.
    const state = path.startsWith(`${from}/`) ? path : posix.join(from, path);
    return posix.normalize(state) === posix.normalize(posix.join(dir, backend.settings.get("path") ?? "terraform.tfstate"));
  }
  const keys = IDENTITY[wanted];
  if (!keys) return false;
  const setting = (key: string) => {
    const [first, second] = key.split(".");
    return knownString(second ? getEntry(getEntry(config, first), second) : getEntry(config, first));
  };
  // Every identifying setting must be known on both sides and equal: an unknown one names no state for certain.
  return keys.every((key) => {
    const theirs = backend.settings.get(key);
    const ours = setting(key);
    return theirs !== undefined && ours !== undefined && theirs === ours;
  });
}

function literal(e: Expr): string | undefined {
  if (e.type === "literal") return e.value === null ? undefined : String(e.value);
  if (e.type === "template" && e.parts.length === 1 && e.parts[0].type === "text") return e.parts[0].value;
  return undefined;
}
