// GOV.UK pagination for a long list: previous and next, the first and last page, and those around the current.
import { link, type ViewContext } from './context.js';
import { h } from './dom.js';

function pageLink(ctx: ViewContext, page: number, rel: 'prev' | 'next'): HTMLElement {
  const text = rel === 'prev' ? 'Previous' : 'Next';
  return h(
    'div',
    { class: `govuk-pagination__${rel}` },
    link(
      ctx.nav,
      { page },
      h(
        'span',
        { class: 'govuk-pagination__link-title' },
        text,
        h('span', { class: 'govuk-visually-hidden' }, ' page'),
      ),
      { class: 'govuk-link govuk-pagination__link', rel },
    ),
  );
}

function pageItems(ctx: ViewContext, page: number, pages: number): HTMLElement[] {
  const items: HTMLElement[] = [];
  let last = 0;
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p > last + 1)
      items.push(h('li', { class: 'govuk-pagination__item govuk-pagination__item--ellipses' }, '⋯'));
    const current = p === page;
    const a = link(ctx.nav, { page: p }, String(p), {
      class: 'govuk-link govuk-pagination__link',
      'aria-label': `Page ${p}`,
    });
    if (current) a.setAttribute('aria-current', 'page');
    items.push(
      h('li', { class: `govuk-pagination__item${current ? ' govuk-pagination__item--current' : ''}` }, a),
    );
    last = p;
  }
  return items;
}

/**
 * A link's page past the end of its list (a hand-edited page=30 of 17 pages) is shown again as the list's last
 * page, rather than as "Showing 1,451 to 808 of 808" over an empty table.
 */
export function showLastPageIfPast(ctx: ViewContext, total: number, pageSize: number): void {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (ctx.state.page > pages) ctx.nav.go({ page: pages }, { replace: true });
}

/** The pages of `total` rows at `pageSize` a page, for the page in the view's state; null for one page. */
export function pagination(
  ctx: ViewContext,
  total: number,
  pageSize: number,
  label = 'Pages',
): HTMLElement | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(ctx.state.page, pages);
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'govuk-pagination', 'aria-label': label, 'data-testid': 'pagination' },
    page > 1 ? pageLink(ctx, page - 1, 'prev') : null,
    h('ul', { class: 'govuk-pagination__list' }, ...pageItems(ctx, page, pages)),
    page < pages ? pageLink(ctx, page + 1, 'next') : null,
  );
}
