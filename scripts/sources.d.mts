// Types of scripts/sources.mjs (plain JavaScript, for run.mjs), for the TypeScript that uses it.
export function sourceFiles(root: string, dirs: readonly string[]): string[];
export function sourceHash(root: string, dirs: readonly string[]): string;
export function staleReason(root: string, dirs: readonly string[], stamp: string): string | null;
export function writeStamp(stamp: string, hash: string): void;
