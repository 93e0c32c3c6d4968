/** A problem with what the user asked for (not with a scanned file): the CLI exits 2. */
export class InputError extends Error {}
