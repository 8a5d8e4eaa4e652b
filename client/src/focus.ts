// Where focus goes once a view is drawn again for a change the reader made (the old nodes are gone by then), and
// the one polite live region that says what the change gave.
import { h } from './dom.js';

interface Pending {
  selector: string;
  /** A selector of the element whose text is announced once the view is drawn, or null. */
  announce: string | null;
}

let pending: Pending | null = null;

let region: HTMLElement | null = null;

/** The page's one live region: made when first asked for (nothing is built on import), placed by the layout. */
export function announcer(): HTMLElement {
  region ??= h('p', {
    class: 'govuk-visually-hidden',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'announcer',
  });
  return region;
}

/**
 * Asks that, once the view is drawn again, focus goes to the element `selector` names (a sort button, the select
 * just changed, the results' heading) and, where `announce` names an element, its text is said.
 */
export function focusAfterRender(selector: string, announce: string | null = null): void {
  pending = { selector, announce };
}

/** Focuses what focusAfterRender asked for, if it is there; true when it did. */
export function restoreFocus(root: ParentNode): boolean {
  const asked = pending;
  pending = null;
  if (!asked) return false;
  const target = root.querySelector<HTMLElement>(asked.selector);
  if (!target) return false;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  const said = asked.announce ? root.querySelector(asked.announce)?.textContent?.trim() : '';
  // Emptied first, so the same words said twice (Apply pressed again) are announced again.
  const live = announcer();
  live.textContent = '';
  if (said) setTimeout(() => (live.textContent = said), 50);
  return true;
}
