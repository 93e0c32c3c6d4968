import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { globby } from "globby";

export type FileKind = "kubernetes" | "terraform" | "terraform-json" | "tfvars" | "tfvars-json" | "iam-json";

export interface DiscoveredFile {
  /** Path relative to the working directory, with forward slashes: how every output names it. */
  path: string;
  absolute: string;
  kind: FileKind;
  /** Set when the file must not be read: a symlink out of the scanned tree, or a broken one. */
  refuse?: string;
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
    roots.push(realpathSync(absolute));
    // onlyFiles: false lists symlinks to files too, so each of them gets a status instead of silence.
    const entries = isDir
      ? (await globby(PATTERNS, { cwd: absolute, gitignore: true, ignore: IGNORED, dot: true, absolute: true, followSymbolicLinks: false, onlyFiles: false })).map((f) => resolve(f))
      : [absolute];
    for (const file of entries) {
      const kind = classify(file);
      if (kind && !found.has(file)) found.set(file, { path: displayPath(file, cwd), absolute: file, kind });
    }
  }
  // Symlinked folders are not followed (no cycles); a symlinked file is read only inside the roots.
  for (const f of found.values()) f.refuse = refusal(f.absolute, roots);
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, roots, missing };
}

function refusal(absolute: string, roots: string[]): string | undefined {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return "broken symbolic link";
  }
  if (!roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep))) return "symbolic link to outside the scanned tree";
  try {
    if (!statSync(real).isFile()) return "not a regular file";
  } catch {
    return "cannot be read";
  }
  return undefined;
}
