import { type CsvFormat, RowChecker } from '../format.js';
import { optionalText, parseUrn, requiredText } from '../values.js';

/** An establishment as a GIAS register of a date lists it, open or closed. */
export interface RegisterRecord {
  urn: number;
  name: string;
  /** The council area as the register names it (of the register's date; 'Pre-LGR 2023 Cumbria' kept as given). */
  la_name: string | null;
  phase: string | null;
  status: string;
}

/** GIAS statuses counted as open: an establishment proposed to close is still open. */
export const OPEN_STATUSES = ['Open', 'Open, but proposed to close'];

/** DfE's GIAS register as published by DFE-Digital/gias-data (urn, name, local_authority_name, phase, status). */
export const giasRegister: CsvFormat<RegisterRecord> = {
  name: 'GIAS register',
  columns: [
    { name: 'urn', aliases: ['URN'] },
    { name: 'name', aliases: ['EstablishmentName', 'establishment name'] },
    { name: 'local_authority_name', aliases: ['LA (name)', 'la_name'] },
    { name: 'phase_of_education', aliases: ['PhaseOfEducation (name)', 'phase'] },
    { name: 'gender' },
    { name: 'status', aliases: ['EstablishmentStatus (name)'] },
  ],
  required: [['urn'], ['name'], ['status']],
  validate(row) {
    const check = new RowChecker(row);
    const urn = check.field('urn', parseUrn);
    const name = check.field('name', requiredText);
    const status = check.field('status', requiredText);
    const laName = check.field('local_authority_name', optionalText);
    const phase = check.field('phase_of_education', optionalText);
    return check.result(() => ({
      urn: urn!,
      // The 17 names of June 2024 with Windows-1252 punctuation as C1 characters (U+0092 for ’) were read as that
      // punctuation when the file was decoded (readC1AsWindows1252).
      name: name!,
      la_name: laName ?? null,
      phase: phase ?? null,
      status: status!,
    }));
  },
  key: (record) => String(record.urn),
};
