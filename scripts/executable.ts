import { accessSync, constants } from 'node:fs';

/** Can this user run the file at `path` (a browser, nginx)? */
export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
