import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { posix, relative, resolve, sep } from "node:path";
import { insideRoots } from "../discover/discover.js";
import { MAX_FILE_BYTES } from "../core/limits.js";
import { LineIndex } from "../core/lines.js";
import type { SourceLocation } from "../core/location.js";
import { unknown, type Value } from "../core/value.js";
import type { HclParser } from "../parse/hcl/parser.js";
import type { Expr } from "../parse/hcl/ast.js";
import { parseJsonWithPositions, relocate } from "../parse/iam-json.js";
import type { Budget } from "./budget.js";
import { failure, iterate } from "./convert.js";
import { FileTaint } from "./taint.js";
import { Evaluator, type ReferenceResolver } from "./evaluator.js";
import type { FunctionHost } from "./functions.js";
import { EMPTY_SCOPE } from "./scope.js";

const TEMPLATE_PREFIX = "x = <<IRSA_LINT_TEMPLATE\n";

/** For evaluation contexts where no reference is allowed (tfvars, template files). */
export const NO_REFERENCES: ReferenceResolver = {
  resolve: (root, _steps, loc) => ({ value: failure(`${root} cannot be referenced here`, loc), used: 0 }),
};

export const NO_FILES: FunctionHost = {
  readFile: () => ({ error: "file() is not available here" }),
  parseJson: (_t, _f, loc) => unknown("JSON not decoded here", loc),
  templateFile: (_p, _v, loc) => unknown("templatefile() is not available here", loc),
};

/** File access for Terraform functions: relative to the root, inside the scanned tree only. */
export class Host {
  private readonly texts = new Map<string, string>();
  readonly taint = new FileTaint();
  /** Files read as templates (templatefile): Terraform renders them, so they are not manifests of their own. */
  readonly rendered = new Set<string>();
  private readonly indexes = new Map<string, LineIndex>();
  /** Template files parsed once, whoever renders them how often. */
  private readonly templates = new Map<string, Expr | undefined>();

  constructor(
    private readonly cwd: string,
    private readonly scanRoots: string[],
    private readonly hcl?: HclParser,
    private readonly readable?: (absolute: string) => boolean,
  ) {}

  /** A scanned Terraform file's text: JSON in its heredocs is placed in it, and file() reads it from here. */
  addText(file: string, text: string): void {
    this.texts.set(file, text);
  }

  forRoot(rootDir: string, budget?: Budget): FunctionHost {
    const host: FunctionHost = {
      readFile: (path, loc) => this.readFile(rootDir, path, loc),
      parseJson: (text, file, loc, verbatim) => this.parseJson(text, file, loc, verbatim),
      templateFile: (path, vars, loc) => this.templateFile(path, vars, loc, host, rootDir),
      budget,
      taint: this.taint,
    };
    return host;
  }

  private readFile(rootDir: string, path: string, loc: SourceLocation): { text: string; file: string } | { error: string } {
    // path.module-based paths are relative to the working directory; others to the root module.
    const moduleDir = posix.dirname(loc.file);
    const fromCwd = path.startsWith(`${moduleDir}/`) || posix.isAbsolute(path);
    const display = fromCwd ? posix.normalize(path) : posix.normalize(posix.join(rootDir, path));
    const text = readConfined(this.cwd, resolve(this.cwd, display), this.scanRoots, this.readable);
    // One reason for every refusal: whether a path exists outside what may be read is not told.
    if (text === undefined) return { error: `file ${path} is not read: file() reads only regular files of up to 5 MB inside the scanned folders that git tracks or does not ignore, not through symbolic links nor in version-control metadata (.git)` };
    this.texts.set(display, text);
    return { text, file: display };
  }

  private parseJson(text: string, file: string, loc: SourceLocation, verbatim?: { file: string; offset: number; text: string }): Value {
    let index: LineIndex | undefined;
    if (verbatim && this.texts.has(verbatim.file)) {
      index = this.indexes.get(verbatim.file) ?? new LineIndex(this.texts.get(verbatim.file)!);
      this.indexes.set(verbatim.file, index);
    }
    const parsed = index
      ? parseJsonWithPositions(verbatim!.file, verbatim!.text, (o) => index!.position(o), verbatim!.offset)
      : parseJsonWithPositions(file, text);
    if (!parsed.value) return failure(`invalid JSON: ${parsed.error?.message}`, loc);
    return index ? parsed.value : relocate(parsed.value, unknown("", loc));
  }

  /** templatefile(): the file is an HCL template whose only names are the given variables. */
  private templateFile(path: string, vars: Value, loc: SourceLocation, host: FunctionHost, rootDir: string): Value {
    if (!this.hcl) return unknown("templatefile() needs the HCL parser", loc);
    const read = this.readFile(rootDir, path, loc);
    if ("error" in read) return unknown(read.error, loc);
    this.rendered.add(read.file);
    const expr = this.templateExpr(read.file, read.text);
    if (!expr) return unknown(`template ${path} has a syntax error`, loc);
    const pairs = iterate(vars);
    if (!pairs) return unknown("templatefile() variables not known", loc);
    const scope = EMPTY_SCOPE.with(Object.fromEntries(pairs.map(([k, v]) => [String((k as { value: unknown }).value), v])));
    // Terraform refuses templatefile() inside a template: a template rendering itself is an error, not a loop.
    const inner: FunctionHost = { ...host, templateFile: (_p, _v, at) => failure("templatefile() cannot be called from inside a template (Terraform refuses it)", at) };
    const rendered = new Evaluator(NO_REFERENCES, inner).eval(expr, scope);
    // Rendered text with the template's lines (no directive or value adding or taking a line): its
    // line n is the template's line n, so what is parsed from it is located by line, as partly known renderings are.
    const lined = rendered.kind === "string" && rendered.verbatimFrom === undefined && lineCount(rendered.value) === lineCount(read.text) ? { ...rendered, loc: { file: read.file, line: 1, column: 1, endLine: 1, endColumn: 1 }, blockIndent: 0, templateLines: read.text.split("\n") } : rendered;
    return this.taint.spread(lined);
  }

  /** A template file's expression, parsed once and moved back to its place in the file. */
  private templateExpr(file: string, text: string): Expr | undefined {
    const key = `${file}\u0000${text}`;
    if (this.templates.has(key)) return this.templates.get(key);
    const body = text.endsWith("\n") ? text : `${text}\n`;
    const parsed = this.hcl!.parse(file, `${TEMPLATE_PREFIX}${body}IRSA_LINT_TEMPLATE\n`);
    const found = parsed.file?.body.attributes[0]?.expr;
    let expr: Expr | undefined;
    if (found) {
      expr = unwrap(found);
      // The rendered text no longer maps to the file offset by offset: anchor it at the file's start
      // (the heredoc it was parsed as is gone: its text starts on line 1).
      expr.loc = { ...expr.loc, line: 1, column: 1 };
      if (expr.type === "template") expr.heredoc = false;
    }
    this.templates.set(key, expr);
    return expr;
  }
}

/** Moves a template parsed behind TEMPLATE_PREFIX back to its place in the template file. */
function unwrap<T>(node: T): T {
  if (Array.isArray(node)) return node.map(unwrap) as T;
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "loc" && v && typeof v === "object") {
      const l = v as SourceLocation;
      out[k] = { ...l, line: Math.max(1, l.line - 1), endLine: Math.max(1, l.endLine - 1) };
    } else if (k === "offset" && typeof v === "number") out[k] = v - TEMPLATE_PREFIX.length;
    else out[k] = unwrap(v);
  }
  return out as T;
}


/** Folders of version control metadata: `.git/config` holds the CI job's token. */
const VCS_METADATA = new Set([".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", "CVS"]);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * A file's text, if Terraform's file() may read it here: a regular file inside the scanned roots,
 * reached without a symbolic link, outside version-control metadata, within the size cap.
 */
export function readConfined(cwd: string, absolute: string, roots: string[], readable?: (absolute: string) => boolean): string | undefined {
  let fd: number | undefined;
  try {
    // The real path must be the path itself: no link anywhere on the way, not even inside the roots.
    const real = realpathSync(absolute);
    if (real !== resolve(realpathSync(cwd), relative(cwd, absolute))) return undefined;
    if (!insideRoots(real, roots) || real.split(sep).some((part) => VCS_METADATA.has(part))) return undefined;
    // A file git ignores (an untracked `secrets.env`) is no part of the repository: never read.
    if (readable && !readable(real)) return undefined;
    fd = openSync(real, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return readFileSync(fd, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const lineCount = (text: string) => text.replace(/\n$/, "").split("\n").length;
