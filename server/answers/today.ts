// Today's date is needed on every read of an answer judged as of today: worked out again only when the day changes.
let day = { name: '', from: 0, to: 0 };

function thisDay(): typeof day {
  const now = Date.now();
  if (now < day.from || now >= day.to) {
    const date = new Date(now);
    const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    day = { name: date.toISOString().slice(0, 10), from, to: from + 24 * 60 * 60 * 1000 };
  }
  return day;
}

/** Today's date (UTC), YYYY-MM-DD. */
export function today(): string {
  return thisDay().name;
}

/** Whole seconds until today (UTC) ends: how long an answer judged as of today stays true. */
export function secondsLeftToday(): number {
  return Math.max(1, Math.floor((thisDay().to - Date.now()) / 1000));
}
