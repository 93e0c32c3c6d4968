import type { TemplatePart } from "./ast.js";

/** Text rules of HCL templates: escapes in quoted strings and heredocs, and `<<-` indentation. */

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

export function unescapeQuoted(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, esc: string | undefined) => {
    if (m === "$${") return "${";
    if (m === "%%{") return "%{";
    if (esc && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return ESCAPES[esc ?? ""] ?? m;
  });
}

export function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/** `<<-` heredocs drop the indentation common to all their lines. */
/** `<<-` heredoc parts with their common indentation removed, and how many columns that was. */
export function stripped(parts: TemplatePart[]): { parts: TemplatePart[]; indent: number } {
  let min = Infinity;
  let atLineStart = true;
  for (const p of parts) {
    if (p.type !== "text") {
      atLineStart = false;
      continue;
    }
    const lines = p.value.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) atLineStart = true;
      if (atLineStart && (line.trim() !== "" || i === lines.length - 1)) {
        if (line.trim() !== "") min = Math.min(min, line.length - line.trimStart().length);
      }
      if (line !== "") atLineStart = false;
    });
  }
  if (!Number.isFinite(min) || min === 0) return { parts, indent: 0 };
  let lineStart = true;
  const out = parts.map((p) => {
    if (p.type !== "text") {
      lineStart = false;
      return p;
    }
    const value = p.value
      .split("\n")
      .map((line, i) => {
        const strip = i > 0 || lineStart;
        return strip ? line.replace(new RegExp(`^[ \\t]{0,${min}}`), "") : line;
      })
      .join("\n");
    lineStart = p.value.endsWith("\n");
    return { ...p, value };
  });
  return { parts: out, indent: min };
}
