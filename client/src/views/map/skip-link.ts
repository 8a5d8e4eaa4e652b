// A link past a long run of keyboard stops (the map's areas) to what comes after them (its table). It moves focus
// itself: a '#' address would go through the page's history, which holds the view's state.
import { h } from '../../dom.js';

export function skipLink(targetId: string, text: string): HTMLAnchorElement {
  const a = h(
    'a',
    { class: 'govuk-skip-link app-skip-link', href: `#${targetId}`, 'data-testid': 'skip-map' },
    text,
  );
  a.addEventListener('click', (event) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
  });
  return a;
}
