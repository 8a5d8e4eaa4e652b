// A registry `scale` times the shipped one, generated from a seed: establishments, a teaching-school list and a
// hub list, imported over a database built from the shipped data (bench:cold measures first answers on it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import type { ImportKind } from '../../server/importer/kinds.js';
import {
  areaPlaces,
  councilAreaCodes,
  type GeneratedSchool,
  random,
  writeGiasFile,
} from './gias-generator.js';

// The shipped registry's sizes, which `scale` multiplies.
const SHIPPED = { establishments: 30_013, members: 808, groups: 640, hubs: 87 };
const LIST_DATE = '2018-03-12';
const HUB_DATE = '2025-09-30';

/** Writes the generated files into dir; returns them in the order they are to be imported. */
export function writeRegistryFiles(
  dir: string,
  scale: number,
  seed = 7,
): { kind: ImportKind; path: string; asAt: string }[] {
  const next = random(seed);
  const members: GeneratedSchool[] = [];
  const wanted = SHIPPED.members / SHIPPED.establishments;
  const establishments = join(dir, `gias-x${scale}.csv`);
  const record = (school: GeneratedSchool) => {
    if (next() < wanted) members.push(school);
  };
  // Schools about their own area's real place, as real schools are (distances then mean what they do).
  writeGiasFile(establishments, SHIPPED.establishments * scale, seed, record, areaPlaces());
  const groups = SHIPPED.groups * scale;
  const lines = ['urn,name,group,la_code,phase'];
  for (const m of members) {
    lines.push(
      `${m.urn},School ${m.urn},Alliance ${1 + Math.floor(next() * groups)},${m.la_code},${m.phase}`,
    );
  }
  const teachingSchools = join(dir, `teaching-schools-x${scale}.csv`);
  writeFileSync(teachingSchools, lines.join('\n') + '\n');

  const codes = councilAreaCodes();
  const hubs = ['tsh_area,name,areas'];
  for (let i = 1; i <= SHIPPED.hubs * scale; i++) {
    const served = new Set<string>();
    const count = 1 + Math.floor(next() * 3);
    while (served.size < count) served.add(codes[Math.floor(next() * codes.length)]!);
    hubs.push(`H${i},Hub ${i},${[...served].join(';')}`);
  }
  const hubList = join(dir, `hubs-x${scale}.csv`);
  writeFileSync(hubList, hubs.join('\n') + '\n');
  return [
    { kind: 'establishments', path: establishments, asAt: LIST_DATE },
    { kind: 'teaching-schools', path: teachingSchools, asAt: LIST_DATE },
    { kind: 'hubs', path: hubList, asAt: HUB_DATE },
  ];
}

/** Imports the generated files into db (built from the shipped data): its lists replace the shipped ones. */
export function importRegistry(db: Db, dir: string, scale: number): void {
  for (const file of writeRegistryFiles(dir, scale)) {
    const report = importFile(db, {
      kind: file.kind,
      bytes: readFileSync(file.path),
      fileName: file.path.split('/').pop()!,
      asAt: file.asAt,
      // The generated lists replace the shipped ones outright, as intended.
      confirm: ['removes-most'],
    });
    if (report.status !== 'committed') {
      throw new Error(
        `generated ${file.kind}: ${report.message}: ${JSON.stringify(report.errors.slice(0, 3))}`,
      );
    }
  }
}
