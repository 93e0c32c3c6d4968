import type { Tree, TreeCursor } from "web-tree-sitter";

/** A depth-first walk over every node of a tree-sitter tree, anonymous tokens included. */
export interface TreeWalk {
  typeId(): number;
  /** UTF-16 offsets, as tree-sitter reports them for a JavaScript string. */
  startIndex(): number;
  endIndex(): number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Frees the cursor: call once, when the walk is over. */
  close(): void;
}

/**
 * The C functions behind web-tree-sitter's TreeCursor, as its Emscripten module exports them.
 * `Parser.init(options)` builds that module on the very object it is given, so whoever passes
 * the object keeps access to them.
 */
interface CursorExports {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
}

const EXPORTS: ReadonlyArray<keyof CursorExports> = [
  "_ts_init",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
];

/** The cursor through web-tree-sitter's public API. */
export function publicWalk(tree: Tree, cursor: TreeCursor = tree.walk()): TreeWalk {
  return {
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    close: () => cursor.delete(),
  };
}

/**
 * Walks with the same C functions the public TreeCursor calls, without its bookkeeping. The
 * public cursor copies its state into WebAssembly memory before every call and back after it,
 * through a DataView, since other cursors may have used the shared transfer buffer in between;
 * a walk that nothing interrupts can leave the state there. 2.5 times faster, and copying a
 * tree is most of what parsing HCL costs beyond tree-sitter's own parse. Undefined when the
 * module lacks a function this needs (another web-tree-sitter version): use `publicWalk` then.
 */
export function directWalker(module: object): ((tree: Tree) => TreeWalk) | undefined {
  const m = module as Partial<CursorExports>;
  if (!(m.HEAP32 instanceof Int32Array) || !EXPORTS.every((name) => typeof m[name] === "function")) return undefined;
  const c = m as CursorExports;
  // The buffer through which every cursor call passes its state (two constants written, nothing else).
  const transfer = c._ts_init() >> 2;
  return (tree) => {
    // The public cursor puts its new state in the transfer buffer; the walk carries on from there.
    const cursor = tree.walk() as TreeCursor & { handles?: unknown };
    const handles = cursor.handles;
    if (!Array.isArray(handles) || handles.length !== 4) return publicWalk(tree, cursor);
    const address = (tree as unknown as Record<number, number>)[0];
    return {
      typeId: () => c._ts_tree_cursor_current_node_type_id_wasm(address),
      startIndex: () => c._ts_tree_cursor_start_index_wasm(address),
      endIndex: () => c._ts_tree_cursor_end_index_wasm(address),
      gotoFirstChild: () => c._ts_tree_cursor_goto_first_child_wasm(address) === 1,
      gotoNextSibling: () => c._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
      gotoParent: () => c._ts_tree_cursor_goto_parent_wasm(address) === 1,
      close: () => {
        // Hand the cursor its final state (its stack may have moved), so that it frees the right memory.
        for (let i = 0; i < 4; i++) handles[i] = c.HEAP32[transfer + i];
        cursor.delete();
      },
    };
  };
}
