import type { SourceLocation } from "../core/location.js";

/** An inline suppression comment: `# irsa-lint-disable-next-line rule-a, rule-b -- reason`. */
export interface Directive {
  kind: "next-line" | "line" | "file";
  rules: string[];
  /** Required: a suppression without a reason is itself reported. */
  reason?: string;
  loc: SourceLocation;
}

const DIRECTIVE = /(?:#|\/\/)\s*irsa-lint-disable-(next-line|line|file)\b([^\n]*)$/;

/** Finds suppression comments in YAML (`#`) and HCL (`#`, `//`) sources, line by line. */
export function scanDirectives(file: string, text: string): Directive[] {
  if (!text.includes("irsa-lint-disable")) return [];
  const directives: Directive[] = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const [body, reason] = splitReason(m[2]);
    const column = (m.index ?? 0) + 1;
    directives.push({
      kind: m[1] as Directive["kind"],
      rules: body.split(/[\s,]+/).filter(Boolean),
      reason,
      loc: { file, line: i + 1, column, endLine: i + 1, endColumn: line.length + 1 },
    });
  });
  return directives;
}

function splitReason(rest: string): [string, string | undefined] {
  const at = rest.indexOf(" --");
  if (at < 0) return [rest, undefined];
  const reason = rest.slice(at + 3).trim();
  return [rest.slice(0, at), reason || undefined];
}
