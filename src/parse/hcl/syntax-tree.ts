import type { TreeWalk } from "./tree-walk.js";

/**
 * A tree-sitter syntax tree copied out of WebAssembly into one typed array. Walking it needs no
 * call into WebAssembly and no object per node, and it crosses threads without being serialised
 * node by node: parse workers send it to the thread that evaluates Terraform.
 */
export interface SyntaxTree {
  text: string;
  /** Four numbers per node, in document order: type, start, end (UTF-16 offsets), and the index just past its last descendant. */
  nodes: Int32Array;
  /** The grammar's node types, shared by every tree of that grammar. */
  grammar: Grammar;
}

export interface Grammar {
  types: readonly string[];
  named: readonly boolean[];
  /** Types copied without their children (see OPAQUE). */
  opaque: readonly boolean[];
}

/**
 * Nodes the HCL converter reads by their range alone (a string literal is the text between its
 * quotes; a number, a boolean, null and a variable name are their text; a bracket or heredoc
 * opener is where it stands): leaving their tokens out spares a third of the calls into WebAssembly.
 */
export const OPAQUE: readonly string[] = [
  ...["string_lit", "variable_expr", "numeric_lit", "bool_lit", "null_lit"],
  ...["block_start", "block_end", "object_start", "object_end", "tuple_start", "tuple_end", "heredoc_start"],
];

export function grammarOf(types: readonly string[], named: readonly boolean[]): Grammar {
  return { types, named, opaque: types.map((t) => OPAQUE.includes(t)) };
}

const STRIDE = 4;

/** Copies a tree out through one cursor: five calls into WebAssembly per node. */
export function flatten(cursor: TreeWalk, text: string, grammar: Grammar): SyntaxTree {
  let nodes = new Int32Array(STRIDE * 256);
  let count = 0;
  const open: number[] = [];
  try {
    for (;;) {
      if ((count + 1) * STRIDE > nodes.length) {
        const grown = new Int32Array(nodes.length * 2);
        grown.set(nodes);
        nodes = grown;
      }
      const at = count * STRIDE;
      nodes[at] = cursor.typeId();
      nodes[at + 1] = cursor.startIndex();
      nodes[at + 2] = cursor.endIndex();
      open.push(count++);
      if (!grammar.opaque[nodes[at]] && cursor.gotoFirstChild()) continue;
      // Close this node, then every ancestor that has no next sibling.
      nodes[open.pop()! * STRIDE + 3] = count;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { text, nodes: nodes.slice(0, count * STRIDE), grammar };
        nodes[open.pop()! * STRIDE + 3] = count;
      }
    }
  } finally {
    cursor.close();
  }
}

/** A node of a flattened tree: the few properties the HCL converter reads. */
export class SyntaxNode {
  constructor(
    readonly tree: SyntaxTree,
    readonly index: number,
  ) {}

  get type(): string {
    return this.tree.grammar.types[this.tree.nodes[this.index * STRIDE]] ?? "ERROR";
  }

  get isNamed(): boolean {
    return this.tree.grammar.named[this.tree.nodes[this.index * STRIDE]] ?? true;
  }

  get startIndex(): number {
    return this.tree.nodes[this.index * STRIDE + 1];
  }

  get endIndex(): number {
    return this.tree.nodes[this.index * STRIDE + 2];
  }

  get text(): string {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }

  private kids?: readonly SyntaxNode[];

  /** Children in order, comments left out (they carry no meaning for evaluation); made once per node. */
  get children(): readonly SyntaxNode[] {
    return (this.kids ??= this.readChildren());
  }

  private readChildren(): SyntaxNode[] {
    const { nodes } = this.tree;
    const out: SyntaxNode[] = [];
    const end = nodes[this.index * STRIDE + 3];
    for (let c = this.index + 1; c < end; c = nodes[c * STRIDE + 3]) {
      const child = new SyntaxNode(this.tree, c);
      if (child.type !== "comment") out.push(child);
    }
    return out;
  }
}

export function rootOf(tree: SyntaxTree): SyntaxNode {
  return new SyntaxNode(tree, 0);
}
