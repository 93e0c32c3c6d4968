import { statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { globby } from "globby";

export type FileKind = "kubernetes" | "terraform" | "terraform-json" | "tfvars" | "tfvars-json" | "iam-json";

export interface DiscoveredFile {
  /** Path relative to the working directory, with forward slashes: how every output names it. */
  path: string;
  absolute: string;
  kind: FileKind;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Absolute folders (or files) the user named: the boundary nothing may be read outside of. */
  roots: string[];
  missing: string[];
}

const PATTERNS = ["**/*.yaml", "**/*.yml", "**/*.tf", "**/*.tf.json", "**/*.tfvars", "**/*.tfvars.json", "**/*.json"];
const IGNORED = ["**/.git/**", "**/node_modules/**", "**/.terraform/**"];

export function classify(path: string): FileKind | undefined {
  if (path.endsWith(".tf")) return "terraform";
  if (path.endsWith(".tf.json")) return "terraform-json";
  if (path.endsWith(".tfvars")) return "tfvars";
  if (path.endsWith(".tfvars.json")) return "tfvars-json";
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return "kubernetes";
  if (path.endsWith(".json")) return "iam-json";
  return undefined;
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** Expands CLI paths into the files to lint, honouring .gitignore, in a stable order. */
export async function discover(paths: string[], cwd: string): Promise<Discovery> {
  const found = new Map<string, DiscoveredFile>();
  const roots: string[] = [];
  const missing: string[] = [];
  for (const p of paths.length ? paths : ["."]) {
    const absolute = isAbsolute(p) ? p : resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      missing.push(p);
      continue;
    }
    roots.push(absolute);
    const entries = isDir
      ? (await globby(PATTERNS, { cwd: absolute, gitignore: true, ignore: IGNORED, dot: true, absolute: true, followSymbolicLinks: false })).map((f) => resolve(f))
      : [absolute];
    for (const file of entries) {
      const kind = classify(file);
      if (kind && !found.has(file)) found.set(file, { path: displayPath(file, cwd), absolute: file, kind });
    }
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, roots, missing };
}
