/** Maps UTF-16 offsets of a text to 1-based line and column, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line of the last lookup: parsers ask about nearby offsets, mostly in order. */
  private last = 0;

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /** The location of a span: one object, for parsers that locate every node. */
  span(file: string, start: number, end: number): { file: string; line: number; column: number; endLine: number; endColumn: number } {
    const a = this.lineOf(start);
    const b = this.lineOf(end);
    return { file, line: a + 1, column: start - this.starts[a] + 1, endLine: b + 1, endColumn: end - this.starts[b] + 1 };
  }

  /** The 0-based line of an offset. */
  private lineOf(offset: number): number {
    const { starts, last } = this;
    if (starts[last] <= offset && !(starts[last + 1] <= offset)) return last;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }
}
