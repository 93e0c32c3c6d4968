import { resolve, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type Range,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { rules } from "../../rules/index.js";
import { configLintOptions, findConfig, loadConfig, type Config } from "../config/load.js";
import type { SourceLocation } from "../core/location.js";
import { explain, type Chain } from "../engine/explain.js";
import { lint, type LintResult } from "../engine/lint.js";
import { helpUri, type Finding, type Suggestion } from "../engine/rule.js";

/**
 * `irsa-lint lsp`: the engine behind the Language Server Protocol over stdio. Every change to an
 * open document (unsaved text included) re-lints the workspace, since a link crosses files: a role
 * renamed in a .tf moves the diagnostic on the ServiceAccount that annotates it. Diagnostics carry
 * the other end as related information; hover shows the explain chain in brief; unambiguous fixes
 * are code actions. Runs are serialised: a change during a run schedules one more after it.
 */
export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): void {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  let root = process.cwd();
  let latest: LintResult | undefined;
  let published = new Set<string>();
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void relint(), 80);
  };

  async function relint(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        const overlay = Object.fromEntries(documents.all().flatMap((d) => (d.uri.startsWith("file:") ? [[fileURLToPath(d.uri), d.getText()]] : [])));
        const configFile = findConfig(root);
        const config: Config = configFile ? await loadConfig(configFile, rules, root) : { rules: {} };
        latest = await lint({ paths: ["."], cwd: root, rules, ...configLintOptions(config, root), overlay, threads: 1 });
        publish(latest);
      } catch (e) {
        connection.console.error(`irsa-lint: ${(e as Error).message}`);
      }
    })();
    await running;
    running = undefined;
    if (again) {
      again = false;
      await relint();
    }
  }

  function publish(result: LintResult): void {
    const byUri = new Map<string, Diagnostic[]>();
    const add = (file: string, d: Diagnostic) => {
      const uri = uriOf(root, file);
      byUri.set(uri, [...(byUri.get(uri) ?? []), d]);
    };
    for (const f of result.findings) add(f.location.file, diagnosticOf(root, f));
    for (const s of result.files) if (s.status === "failed") add(s.file, { range: rangeOf(s.location), severity: DiagnosticSeverity.Error, source: "irsa-lint", message: `not checked: ${s.reason}` });
    for (const n of result.notChecked) add(n.location.file, { range: rangeOf(n.location), severity: DiagnosticSeverity.Information, source: "irsa-lint", message: `not checked (${n.rules.join(", ")}): ${n.message}` });
    for (const uri of published) if (!byUri.has(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) connection.sendDiagnostics({ uri, diagnostics });
    published = new Set(byUri.keys());
  }

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith("file:")) root = fileURLToPath(folder);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "irsa-lint" },
    };
  });
  connection.onInitialized(schedule);
  documents.onDidChangeContent(schedule);
  documents.onDidClose(schedule);
  connection.onDidChangeWatchedFiles(schedule);

  connection.onHover((params) => {
    if (!latest || !params.textDocument.uri.startsWith("file:")) return null;
    const file = relative(root, fileURLToPath(params.textDocument.uri));
    const found = explain(latest, { kind: "location", file, line: params.position.line + 1 });
    if ("notFound" in found) return null;
    return { contents: { kind: "markdown", value: found.chains.map(brief).join("\n\n---\n\n") } };
  });

  connection.onCodeAction((params) => {
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const suggestion = (d.data as { suggestion?: Suggestion } | undefined)?.suggestion;
      if (!suggestion?.at) continue;
      actions.push({
        title: suggestion.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uriOf(root, suggestion.at.file)]: [{ range: rangeOf(suggestion.at), newText: suggestion.with }] } },
      });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

function diagnosticOf(root: string, f: Finding): Diagnostic {
  return {
    range: rangeOf(f.location),
    severity: f.severity === "error" ? DiagnosticSeverity.Error : f.severity === "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: "irsa-lint",
    code: f.ruleId,
    codeDescription: { href: helpUri(f.ruleId) },
    message: f.fix ? `${f.message}. ${f.fix}` : f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri: uriOf(root, r.location.file), range: rangeOf(r.location) }, message: r.message })),
    ...(f.suggestion?.at ? { data: { suggestion: f.suggestion } } : {}),
  };
}

/** A location (1-based lines and columns, end exclusive) as an LSP range (0-based). */
function rangeOf(l: SourceLocation): Range {
  return { start: { line: l.line - 1, character: l.column - 1 }, end: { line: Math.max(l.endLine, l.line) - 1, character: Math.max(l.endColumn - 1, l.line === l.endLine ? l.column : 0) } };
}

const uriOf = (root: string, file: string) => pathToFileURL(resolve(root, file)).href;

/** The explain chain in a few lines of Markdown, for hover. */
function brief(c: Chain): string {
  const lines = [`**ServiceAccount ${c.serviceAccount.key}**: ${c.verdict === "works" ? "the chain works" : c.verdict === "broken" ? "the chain is broken" : "not fully checked"}`];
  lines.push(`- token: sub \`${c.token.sub}\`, aud \`${c.token.aud}\`, ${c.token.expirationSeconds} s`);
  lines.push(`- link: ${c.link.status}${c.link.reason ? ` (${c.link.reason})` : ""}`);
  if (c.role) lines.push(`- role \`${c.role.name}\`: trust admits this token: ${c.role.trust ? { yes: "yes", no: "no", maybe: "not known" }[c.role.trust.admits] : "not known"}`);
  if (c.podIdentity) lines.push(`- EKS Pod Identity wins: role \`${c.podIdentity.role ?? "?"}\``);
  for (const f of c.findings) lines.push(`- ${f.severity} \`${f.ruleId}\`: ${f.message}`);
  return lines.join("\n");
}
