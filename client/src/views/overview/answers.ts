// The answers the overview shows, in one function that the page calls as soon as it knows the network and the
// date, beside the view's code rather than after it: on a slow phone the code's chunks arrive a round trip after
// the networks, and the summary asked only then was the last step before the headline. The view calls it again
// and gets the answers the page keeps.
import { ApiError, api, type Progress, type Summary } from '../../api.js';
import { hasMemberList, type ViewContext } from '../../context.js';
import { sourcesOf } from '../../download/sources.js';

/** The summary on a date, or null when no list is in force then (the API answers 404). */
async function summaryOrNull(ctx: ViewContext): Promise<Summary | null> {
  if (!hasMemberList(ctx)) return null;
  try {
    return await api.summary({ network: ctx.network.id, as_at: ctx.asAt });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export interface OverviewAnswers {
  summary: Summary | null;
  progress: Progress | null;
  /** The sources in words, for the region figure's caption. */
  source: Awaited<ReturnType<typeof sourcesOf>>;
}

export async function overviewAnswers(ctx: ViewContext): Promise<OverviewAnswers> {
  const [summary, progress, source] = await Promise.all([
    summaryOrNull(ctx),
    api.progress(ctx.network.id).catch(() => null),
    sourcesOf(ctx.network, ctx.asAt, ['list', 'council-areas']),
  ]);
  return { summary, progress, source };
}
