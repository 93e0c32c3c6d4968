import type { Declarations } from "../core/declarations.js";
import { unknown, type Value } from "../core/value.js";

/**
 * Commands name their policy documents by file (`--assume-role-policy-document file://trust.json`):
 * the parser leaves a placeholder `file://<path>`, and the document is the IAM JSON file of the scan
 * at that path, which then belongs to the role (no longer a document on its own). A file the scan
 * does not contain leaves the document unknown, saying so.
 */
export function attachDocumentFiles(decls: Declarations): void {
  const byFile = new Map(decls.documents.map((d) => [d.loc.file, d.document]));
  const resolve = (v: Value | undefined): Value | undefined => {
    if (v?.kind !== "unknown" || !v.placeholder?.startsWith("file://")) return v;
    const path = v.placeholder.slice("file://".length);
    return byFile.get(path) ?? unknown(`the policy document file ${path} is not in the scan`, v.loc);
  };
  for (const r of decls.roles) if (r.trust) r.trust = resolve(r.trust);
  for (const a of decls.attachments) if (a.inline) a.inline = { ...a.inline, document: resolve(a.inline.document)! };
}
