// npm run db:info -- [--db PATH] [--json]
import { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import { databaseInfo } from '../server/db/queries/info.js';
import { readableVersions } from '../server/db/versions.js';

const options = new Command('db:info')
  .description('Counts, networks, imports, schema version and integrity check of a registry database.')
  .option('--db <path>', 'the database (default DB_PATH or data/registry.sqlite)')
  .option('--json', 'print JSON')
  .parse()
  .opts<{ db?: string; json?: boolean }>();

try {
  const path = options.db ? resolve(options.db) : loadConfig().dbPath;
  const db = openDatabase(path, { readonly: true });
  const info = { ...databaseInfo(db), versions: readableVersions(db) };
  db.close();
  if (options.json) console.log(JSON.stringify(info, null, 2));
  else {
    const e = info.establishments;
    console.log(`${path}: schema v${info.schema_version}, integrity ${info.integrity_check}`);
    console.log(`council areas ${info.council_areas}, regions ${info.regions}, aliases ${info.area_aliases}`);
    console.log(`establishments ${e.total} (${e.in_council_areas} in the council areas)`);
    for (const n of info.networks) {
      console.log(
        `${n.id}: ${n.members} members, ${n.groups} groups, ${n.council_areas_covered} areas covered, as at ${n.as_at ?? '-'}`,
      );
    }
    console.log(`milestones ${info.milestones}; imports ${info.imports.length}`);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const kept = info.versions.filter((version) => !version.current);
    console.log(
      `data versions readable: ${info.versions.length} (${kept.length} kept, ${mb(kept.reduce((n, k) => n + k.bytes, 0))} on disk)`,
    );
    for (const version of info.versions) {
      const what =
        version.kind === null ? 'import no longer recorded' : `${version.kind} ${version.file_name}`;
      console.log(`  v=${version.v}${version.current ? ' (current)' : ''}: ${what}, ${mb(version.bytes)}`);
    }
  }
} catch (error) {
  console.error(`db:info: ${(error as Error).message}`);
  process.exitCode = 1;
}
