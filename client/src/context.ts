// What every view is given, and what it gives back.
import type { Network } from './api.js';
import { h } from './dom.js';
import type { Navigator, ViewState } from './state.js';

export interface AppMeta {
  networks: Network[];
  /** The data version the page shows (a shared link's, while kept; else the current one), for downloads. */
  dataVersion: string | null;
  /** The server's current data version (its last import): newer than dataVersion on an old link. */
  currentVersion: string | null;
  /** The version that replaced dataVersion (the next import after it), which the API's provenance names too. */
  replacedBy: string | null;
}

export interface ViewContext {
  state: ViewState;
  nav: Navigator;
  meta: AppMeta;
  network: Network;
  /** The resolved date (YYYY-MM-DD) the figures are for. */
  asAt: string;
  /** Aborted when a newer state is rendered: a view stops work it no longer needs. */
  signal: AbortSignal;
  /**
   * Says the data has changed (an import from the Admin view): answers kept for the page are dropped, and the data
   * version shown and pinned in the URL becomes the new one, without showing the view again.
   */
  dataChanged(): Promise<void>;
}

export interface Rendered {
  node: HTMLElement;
  /** Runs once the node is in the document (e.g. Leaflet needs a sized container); returns a clean-up. */
  mount?: () => (() => void) | void;
}

export type View = (ctx: ViewContext) => Promise<Rendered>;

/** A real link to another state: it works with a middle click or when copied, and navigates in place. */
export function link(
  nav: Navigator,
  patch: Partial<ViewState>,
  content: Node | string,
  attrs: Record<string, string> = {},
): HTMLAnchorElement {
  const a = h('a', { class: 'govuk-link', href: nav.href(patch), ...attrs }, content);
  a.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    nav.go(patch);
  });
  return a;
}

/**
 * The date of the network's list in force on the chosen date: its latest on or before it, unless the network had
 * ended by then (a list is in force until the next list or the network's end, as the API answers).
 */
export function listInForceOn(ctx: Pick<ViewContext, 'network' | 'asAt'>): string | null {
  if (hasEnded(ctx)) return null;
  return [...ctx.network.snapshot_dates].sort().findLast((d) => d <= ctx.asAt) ?? null;
}

/** Whether a list is in force on the chosen date (else council-area figures are "no data"). */
export function hasMemberList(ctx: Pick<ViewContext, 'network' | 'asAt'>): boolean {
  return listInForceOn(ctx) !== null;
}

/** Whether the network had ended by the chosen date. */
export function hasEnded(ctx: Pick<ViewContext, 'network' | 'asAt'>): boolean {
  const ended = ctx.network.ended;
  return ended !== null && ctx.asAt > ended.day;
}

/** The plural member label of a network: 'teaching schools'. */
export function membersLabel(network: Network): string {
  return plural(network.member_label);
}

export function plural(label: string): string {
  // 'national leader of education' -> 'national leaders of education'
  const of = label.indexOf(' of ');
  if (of > 0) return `${plural(label.slice(0, of))}${label.slice(of)}`;
  if (label.endsWith('y')) return `${label.slice(0, -1)}ies`;
  if (label.endsWith('ch') || label.endsWith('sh') || label.endsWith('s')) return `${label}es`;
  return `${label}s`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
