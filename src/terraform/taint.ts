import type { Value } from "../core/value.js";


/**
 * Text read by file() or templatefile() may be anything in the work tree, a token a CI step left
 * there included. Strings computed from it (interpolated, or passed through a string function) are
 * tracked, so that messages never quote one whole: the engine elides any message value that
 * contains one. Decoding JSON is not tracked: a policy document's actions are ordinary values.
 */
export class FileTaint {
  private readonly values = new WeakSet<object>();
  /** The tracked texts of the whole scan, for the engine to elide. */
  readonly texts = new Set<string>();

  mark(v: Value): Value {
    this.values.add(v);
    if (v.kind === "string" && v.value !== "") this.texts.add(v.value);
    return v;
  }

  /** Whether a value, or anything inside it, was computed from a file's text. */
  has(v: Value): boolean {
    if (this.values.has(v)) return true;
    if (v.kind === "list") return v.items.some((i) => this.has(i));
    if (v.kind === "object") {
      for (const item of v.entries.values()) if (this.has(item)) return true;
    }
    return false;
  }

  /** Marks a function's result, and every string inside it, when an argument was tainted. */
  spread(result: Value): Value {
    this.mark(result);
    if (result.kind === "list") for (const i of result.items) this.spread(i);
    else if (result.kind === "object") for (const i of result.entries.values()) this.spread(i);
    return result;
  }
}

