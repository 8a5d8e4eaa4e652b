// What every page around a view offers main.ts: the dashboard's (layout.ts) and an embed's (layout/embed.ts).
import type { ViewState } from '../state.js';

export interface Layout {
  root: HTMLElement;
  notices: HTMLElement;
  controls: HTMLElement;
  main: HTMLElement;
  update(state: ViewState, dataVersion: string | null): void;
  /** Names the view as shown (network, region, date), for the embed code's title. */
  setTitle(title: string): void;
  /** Starts what needs the page in the document (the Menu button). */
  start(): void;
}
