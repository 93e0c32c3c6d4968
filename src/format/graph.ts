import type { Graph } from "../engine/graph.js";

const SHAPES: Record<Graph["nodes"][number]["kind"], [string, string]> = {
  serviceAccount: ["([", "])"],
  workload: ["[", "]"],
  role: ["[[", "]]"],
  trust: ["[/", "/]"],
  provider: ["{{", "}}"],
  policy: ["[", "]"],
  unresolved: ["{", "}"],
};

/**
 * A label in Mermaid's quoted form: everything that could close the label, the node, the code
 * fence around it or start HTML is written as an entity code (`#quot;`, `#35;` …), so what a
 * repository names cannot change the diagram.
 */
function mermaidText(s: string): string {
  return [...s.replace(/[\r\n\t]+/g, " ")]
    .map((c) => (/[A-Za-z0-9 .,:/_+=@()-]/.test(c) ? c : `#${c.codePointAt(0)};`))
    .join("");
}

/** Mermaid `flowchart LR`: GitHub renders it in Markdown; unresolved links dashed, broken ones red. */
export function formatMermaid(graph: Graph, options: { maxNodes?: number } = {}): string {
  const shown = new Set(graph.nodes.slice(0, options.maxNodes ?? Infinity).map((n) => n.id));
  const lines = ["flowchart LR"];
  for (const n of graph.nodes) {
    if (!shown.has(n.id)) continue;
    const [open, close] = SHAPES[n.kind];
    lines.push(`  ${n.id}${open}"${mermaidText(n.label)}${n.at ? `<br/>${mermaidText(n.at)}` : ""}"${close}`);
  }
  const red: number[] = [];
  let index = 0;
  for (const e of graph.edges) {
    if (!shown.has(e.from) || !shown.has(e.to)) continue;
    const arrow = e.resolved ? "-->" : "-.->";
    lines.push(`  ${e.from} ${arrow}${e.label ? `|"${mermaidText(e.label)}"|` : ""} ${e.to}`);
    if (e.broken) red.push(index);
    index++;
  }
  if (red.length) lines.push(`  linkStyle ${red.join(",")} stroke:#d1242f,stroke-width:2px`);
  const hidden = graph.nodes.length - shown.size;
  if (hidden > 0) lines.push(`  more["#43;${hidden} more, irsa-lint graph shows them all"]`);
  return `${lines.join("\n")}\n`;
}

/** Graphviz DOT: the same nodes and edges, for `dot -Tsvg`. */
export function formatDot(graph: Graph): string {
  const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
  const shape = { serviceAccount: "ellipse", workload: "box", role: "box3d", trust: "parallelogram", provider: "hexagon", policy: "note", unresolved: "diamond" } as const;
  const lines = ["digraph irsa {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];'];
  for (const n of graph.nodes) lines.push(`  ${n.id} [label=${q(n.at ? `${n.label}\n${n.at}` : n.label)}, shape=${shape[n.kind]}];`);
  for (const e of graph.edges) {
    const attrs = [e.resolved ? "" : "style=dashed", e.broken ? 'color="#d1242f", penwidth=2' : "", e.label ? `label=${q(e.label)}` : ""].filter(Boolean).join(", ");
    lines.push(`  ${e.from} -> ${e.to}${attrs ? ` [${attrs}]` : ""};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
