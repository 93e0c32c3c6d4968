/** Files larger than this are not read (`--max-file-size` moves it for scanned files). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
