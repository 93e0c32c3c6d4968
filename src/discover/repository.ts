import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The repository's top level: the nearest folder upwards holding `.git` (a folder, or a linked
 * worktree's file), or `dir` itself outside git. SARIF and baselines name files relative to it,
 * so that a run from a subfolder names them as GitHub does.
 */
export function repositoryRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return dir;
  }
}
