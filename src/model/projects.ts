/**
 * Projects side by side in one scan: tutorial lessons, per-provider variants, sibling stacks. A
 * file's project is the nearest enclosing folder that holds infrastructure code (Terraform,
 * CloudFormation, eksctl, IaC objects) in its subtree; a folder with none of its own (`k8s/`)
 * belongs to the next enclosing one, up to the scan's root (""). An annotation is judged against
 * its project: a name no role has is "missing" only where the project declares roles at all.
 */
export class Projects {
  /** Folders holding infrastructure code (each file's folder and every folder above it). */
  private readonly holding = new Set<string>();

  constructor(infraFiles: Iterable<string>) {
    for (const file of infraFiles) {
      for (let dir = folderOf(file); dir !== ""; dir = folderOf(dir)) this.holding.add(dir);
      this.holding.add("");
    }
  }

  /** The project of a file (or folder): the nearest enclosing folder holding infrastructure code. */
  of(file: string): string {
    for (let dir = folderOf(file); dir !== ""; dir = folderOf(dir)) if (this.holding.has(dir)) return dir;
    return "";
  }
}

/** Whether two files may deploy to one cluster: one's folder is in the other's project (either way round). */
export function sameProjects(projectOf: (file: string) => string, a: string, b: string): boolean {
  return inProject(folderOf(a), projectOf(b)) || inProject(folderOf(b), projectOf(a));
}

/** Whether `folder` is `project` or below it. */
export function inProject(folder: string, project: string): boolean {
  return project === "" || folder === project || folder.startsWith(`${project}/`);
}

/** How many leading folders two paths share: the nearer of two roles shares more with the annotation. */
export function sharedFolders(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** The folder of a path, "" for the scan's top folder. */
export function folderOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? "" : path.slice(0, at);
}
