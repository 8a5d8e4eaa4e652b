import { all, type Db } from '../gateway.js';

export interface NetworkRow {
  id: string;
  name: string;
  member_label: string;
  group_label: string | null;
  description: string;
  /** Why the network has no groups; null when it has them. */
  groups_note: string | null;
  /** 1 when members are schools (their pupils are pupils in member schools); 0 for hubs. */
  members_are_schools: number;
}

/** The networks the registry knows, in the order they were defined. */
export function networkRows(db: Db): NetworkRow[] {
  return all<NetworkRow>(
    db,
    `SELECT id, name, member_label, group_label, description, groups_note, members_are_schools
     FROM networks ORDER BY rowid`,
  );
}
