import type { Db } from '../db/gateway.js';
import { networkRows, type NetworkRow } from '../db/queries/networks.js';
import { NotFoundError } from './errors.js';

export function networkRow(db: Db, id: string): NetworkRow {
  const row = networkRows(db).find((n) => n.id === id);
  if (!row) throw new NotFoundError(`no network '${id}'`);
  return row;
}

/** 'teaching school' -> 'teaching schools'; 'national leader of education' -> 'national leaders of education'. */
export function plural(label: string): string {
  const of = label.indexOf(' of ');
  return of < 0 ? `${label}s` : `${label.slice(0, of)}s${label.slice(of)}`;
}

/** '1 teaching school', '3 teaching schools'. */
export function counted(n: number, label: string): string {
  return `${n} ${n === 1 ? label : plural(label)}`;
}

/** Whether a network's members are grouped (teaching schools in alliances); hubs and NLEs are not. */
export function isGrouped(db: Db, id: string): boolean {
  return networkRow(db, id).group_label !== null;
}
