import type { Expr } from "../parse/hcl/ast.js";

/** How a message names a condition: its source, when it is a reference or a simple comparison. */
export function describeCondition(e: Expr): string {
  const text = exprText(e, 3);
  return text !== undefined && text.length <= 80 ? text : `the condition at line ${e.loc.line}`;
}

function exprText(e: Expr, depth: number): string | undefined {
  if (depth < 0) return undefined;
  switch (e.type) {
    case "variable":
      return e.name;
    case "literal":
      return JSON.stringify(e.value);
    case "traverse": {
      let out = exprText(e.object, depth - 1);
      for (const step of e.steps) {
        if (out === undefined) return undefined;
        out += step.type === "attr" ? `.${step.name}` : step.type === "splat" ? "[*]" : `[${exprText(step.index, depth - 1) ?? "…"}]`;
      }
      return out;
    }
    case "unary": {
      const operand = exprText(e.operand, depth - 1);
      return operand === undefined ? undefined : `${e.op}${operand}`;
    }
    case "binary": {
      const [left, right] = [exprText(e.left, depth - 1), exprText(e.right, depth - 1)];
      return left === undefined || right === undefined ? undefined : `${left} ${e.op} ${right}`;
    }
    default:
      return undefined;
  }
}
