import { pathToFileURL } from "node:url";
import type { Log, Notification, PhysicalLocation, ReportingDescriptor, Result } from "sarif";
import type { SourceLocation } from "../core/location.js";
import type { LintResult } from "../engine/lint.js";
import { DOCS_ROOT, helpUri, type AnyRule } from "../engine/rule.js";
import { SUPPRESSION_RULES } from "../engine/suppress.js";
import { VERSION } from "../version.js";
import { summarizeCoverage } from "../engine/coverage.js";
import { incompleteChecks } from "./summary.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SECURITY_SEVERITY: Record<string, string> = { error: "7.5", warning: "5.0", note: "2.0" };

function physical(loc: SourceLocation): PhysicalLocation {
  return {
    artifactLocation: { uri: encodeURI(loc.file), uriBaseId: "%SRCROOT%" },
    region: { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: Math.max(loc.endColumn, loc.line === loc.endLine ? loc.column + 1 : 1) },
  };
}

function descriptor(rule: AnyRule): ReportingDescriptor {
  const security = rule.tags.includes("security");
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.rationale },
    help: { text: `${rule.docs.rationale}\n\nFix: ${rule.docs.fix}`, markdown: `${rule.docs.rationale}\n\n**Fix:** ${rule.docs.fix}` },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: rule.tags,
      ...(security ? { "security-severity": SECURITY_SEVERITY[rule.severity] } : {}),
    },
  };
}

function toolDescriptor(rule: { id: string; description: string; help: string }): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: rule.help },
    helpUri: `${DOCS_ROOT}/configuration.md#suppressions`,
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["maintainability"] },
  };
}

/** SARIF 2.1.0 for GitHub code scanning: every rule's metadata, exact regions, stable fingerprints. */
export function formatSarif(result: LintResult, rules: AnyRule[], cwd: string): string {
  const descriptors = [...rules.map(descriptor), ...Object.values(SUPPRESSION_RULES).map(toolDescriptor)];
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
  const results: Result[] = [...result.findings, ...result.suppressed].map((f) => {
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: f.severity,
      message: { text: f.fix ? `${f.message}. ${f.fix}` : f.message },
      locations: [{ physicalLocation: physical(f.location) }],
      relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: physical(r.location), message: { text: r.message } })),
      partialFingerprints: { "irsaLintFinding/v1": f.fingerprint ?? "" },
      ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind, justification: f.suppression.justification }] } : {}),
    };
  });
  const notifications: Notification[] = [
    ...result.files.flatMap((f): Notification[] =>
      f.status === "failed"
        ? [{ level: "error", message: { text: `${f.file}: ${f.reason}` }, locations: [{ physicalLocation: physical(f.location) }] }]
        : f.status === "skipped"
          ? [{ level: f.unchecked ? "warning" : "note", message: { text: `${f.file} ${f.unchecked ? "not checked" : "skipped"}: ${f.reason}` }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: "%SRCROOT%" } } }] }]
          : [],
    ),
    ...[...incompleteChecks(result), ...result.diagnostics.filter((d) => d.level !== "error")].map(
      (d): Notification => ({ level: d.level, message: { text: d.message }, locations: [{ physicalLocation: physical(d.location) }] }),
    ),
  ];
  const log: Log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "irsa-lint", version: VERSION, semanticVersion: VERSION, informationUri: "https://github.com/irsa-lint/irsa-lint", rules: descriptors } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(cwd.endsWith("/") ? cwd : `${cwd}/`).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        // What the run examined: role annotations and Pod Identity associations, and what became of them.
        properties: { irsaLint: { links: summarizeCoverage(result.links) } },
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
