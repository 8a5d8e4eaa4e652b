import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IMPORT_KINDS } from './kinds.js';

const entrySchema = z.object({
  path: z.string().min(1),
  kind: z.enum(IMPORT_KINDS),
  as_at: z.iso.date().optional(),
  from: z.enum(['data', 'project']).default('data'),
});

const manifestSchema = z.object({ about: z.string().optional(), files: z.array(entrySchema).min(1) });

export type ManifestEntry = z.infer<typeof entrySchema>;

/** The project's list of data files in import order (data/manifest.json). */
export function loadManifest(projectDataDir: string): ManifestEntry[] {
  const path = join(projectDataDir, 'manifest.json');
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.files;
}

/** Where an entry's file is: the given data directory, or the project's own for reference tables. */
export function entryPath(entry: ManifestEntry, dataDir: string, projectDataDir: string): string {
  return join(entry.from === 'project' ? projectDataDir : dataDir, entry.path);
}
