/**
 * A span in a source file. Lines and columns are 1-based; columns count UTF-16 code units
 * (SARIF's default column kind); `endColumn` is exclusive, as in SARIF regions.
 */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function locationOf(
  file: string,
  start: { line: number; column: number },
  end: { line: number; column: number },
): SourceLocation {
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** A location covering the whole first line of a file: used only when a file has no better anchor. */
export function fileStart(file: string): SourceLocation {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
