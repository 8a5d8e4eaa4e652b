// A link's region as the views name it: the API takes a region by name or code in any case, the region control
// and the titles by its name.
import type { ViewContext } from '../context.js';
import { regionNamed, type Boundaries } from '../map/boundaries.js';

/**
 * Shows the view again when the link names its region otherwise ('london', 'E12000007') than the region control,
 * the titles and the URL should ('London'), or names one no council area is in (then: England, no region).
 */
export function nameLinkRegion(ctx: ViewContext, boundaries: Boundaries | null): void {
  if (boundaries === null || ctx.state.region === null) return;
  const named = regionNamed(boundaries, ctx.state.region);
  // The same list when the region is the same, so the same page of it.
  const page = named === null ? 1 : ctx.state.page;
  if (named !== ctx.state.region) ctx.nav.go({ region: named, page }, { replace: true });
}
