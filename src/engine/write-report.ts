import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { InputError } from "./errors.js";

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Writes a report (`--output`, `--write-baseline`, the Action's SARIF) without ever following a
 * symbolic link a pull request may have committed in its place: the target must not be a link, a
 * path inside the workspace must stay inside it once its folders' links are resolved, and the text
 * goes to a new file that is then renamed over the target. Missing folders are created.
 * `confined`: the path must lie inside the workspace or one of these folders (the Action: the
 * runner's temporary folder), never written through a link there either; the CLI lets a user name any path.
 */
export function writeReport(path: string, text: string, workspace: string, option: string, confined?: string[]): string {
  const absolute = resolve(workspace, path);
  const base = [workspace, ...(confined ?? [])].map((f) => resolve(f)).find((folder) => inside(absolute, folder));
  if (confined && !base) throw new InputError(`${option} ${path}: outside the workspace${confined.length ? ` and ${confined.join(", ")}` : ""}`);
  // A path outside the workspace was chosen by whoever runs irsa-lint (`-o /dev/stdout`), not by
  // the repository: written as named.
  if (!base) {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    return absolute;
  }
  const realWorkspace = realpathSync(base);
  let existing = dirname(absolute);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const realExisting = realpathSync(existing);
  if (!inside(realExisting, realWorkspace)) throw new InputError(`${option} ${path}: its folder is a symbolic link out of ${base === resolve(workspace) ? "the workspace" : base}; irsa-lint does not write through links`);
  const folder = resolve(realExisting, relative(existing, dirname(absolute)));
  mkdirSync(folder, { recursive: true });
  const target = join(folder, basename(absolute));
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) throw new InputError(`${option} ${path}: is a symbolic link; irsa-lint does not write through links`);
  if (stat && !stat.isFile()) throw new InputError(`${option} ${path}: is not a regular file`);
  const temporary = join(folder, `.${basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    writeSync(fd, text);
  } catch (e) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temporary, target);
  return target;
}
