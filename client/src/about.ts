/** What a downloaded chart, table or file says about itself: title, date, data version and source. */
export interface About {
  title: string;
  /** The date line, e.g. 'As at 12 March 2018'. */
  date: string;
  dataVersion: string | null;
  source: string;
}
