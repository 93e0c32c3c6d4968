import type { Declarations } from "../core/declarations.js";
import type { Diagnostic } from "../core/diagnostic.js";

/** What parsing one file yields: declarations, problems found on the way, or why it was skipped. */
export interface FileParseResult {
  declarations: Declarations;
  /** Errors make the file "failed"; warnings and notes are informational. */
  diagnostics: Diagnostic[];
  skipped?: string;
  /** The skipped file may bear on IRSA (a Helm template): the skip is reported as unchecked. */
  unchecked?: true | "template";
  /** Not a file irsa-lint reads after all (a Markdown file without IRSA commands): left out of the report. */
  unlisted?: true;
}
