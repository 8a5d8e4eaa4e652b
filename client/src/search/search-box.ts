// The header's search box: council areas, schools, alliances and hubs by name (GET /api/v1/search), as the
// ARIA combobox pattern with a list box of suggestions. Arrow keys move through them, Enter chooses, Escape closes.
import { api, type SearchHit } from '../api.js';
import { h, uid } from '../dom.js';

export interface SearchBoxOptions {
  /** The words shown under each suggestion's name. */
  describe(hit: SearchHit): Promise<string>;
  onChoose(hit: SearchHit): void;
  /** The date the dashboard shows: council areas found are those in force on it (null: today's). */
  asAt?: () => string | null;
}

/** Whether text has enough to search for: two letters or digits. */
export function searchable(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2;
}

interface Parts {
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
  /** Said on screen when nothing matches the words as typed: near names offered, or what to try. */
  message: HTMLElement;
}

function parts(): Parts {
  const id = uid('site-search');
  const input = h('input', {
    id,
    class: 'govuk-input app-search__input',
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'site-search',
  });
  const list = h('ul', {
    id: `${id}-list`,
    role: 'listbox',
    class: 'app-search__list',
    'aria-label': 'Suggestions',
    'data-testid': 'site-search-list',
    hidden: true,
  });
  const status = h('div', {
    class: 'govuk-visually-hidden',
    role: 'status',
    'data-testid': 'site-search-status',
  });
  const message = h('p', {
    class: 'app-search__message',
    'data-testid': 'site-search-message',
    hidden: true,
  });
  return { input, list, status, message };
}

async function option(hit: SearchHit, id: string, options: SearchBoxOptions): Promise<HTMLLIElement> {
  return h(
    'li',
    { id, role: 'option', class: 'app-search__option', 'aria-selected': 'false', 'data-kind': hit.kind },
    h('span', { class: 'app-search__name' }, hit.name),
    h('span', { class: 'app-search__kind' }, await options.describe(hit)),
  );
}

/** The combobox's behaviour over its parts: suggestions, the active one, choosing, closing. */
/** What to say when the words as typed match nothing: the near names offered, or what to try. */
function noMatchWords(text: string, near: number): string {
  return near > 0
    ? `Nothing is called ‘${text}’. Did you mean ${near === 1 ? 'this place' : 'one of these places'}?`
    : `Nothing matches ‘${text}’. Try a council area, school, alliance or hub (for example Cornwall).`;
}

function behave({ input, list, status, message }: Parts, options: SearchBoxOptions): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;
  const setActive = (i: number): void => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i]!.id);
    else input.removeAttribute('aria-activedescendant');
    list.children[i]?.scrollIntoView({ block: 'nearest' });
  };
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const choose = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = '';
    message.hidden = true;
    options.onChoose(hit);
  };
  const show = async (found: SearchHit[], ticket: number, text: string, near = false): Promise<void> => {
    const items = await Promise.all(found.map((hit, i) => option(hit, `${list.id}-${i}`, options)));
    if (ticket !== asked) return;
    hits = found;
    items.forEach((li, i) =>
      li.addEventListener('mousedown', (event) => (event.preventDefault(), choose(i))),
    );
    list.replaceChildren(...items);
    // What the suggestions answer: the words they were found for.
    list.dataset.for = text;
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    setActive(-1);
    const missed = searchable(text) && (near || found.length === 0);
    message.hidden = !missed;
    message.textContent = missed ? noMatchWords(text, found.length) : '';
    const count = `${found.length} suggestion${found.length === 1 ? '' : 's'}.`;
    status.textContent = missed
      ? `${noMatchWords(text, found.length)}${found.length ? ` ${count}` : ''}`
      : count;
  };
  const ask = (): void => {
    const text = input.value.trim();
    const ticket = ++asked;
    if (!searchable(text)) return void show([], ticket, text);
    api.search(text, 8, options.asAt?.() ?? null).then(
      (answer) => show(answer.rows, ticket, text, answer.near),
      () => (status.textContent = 'The search could not be done.'),
    );
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener('keydown', (event) =>
    keys(event, { hits: () => hits.length, active: () => active, setActive, choose, close, list }),
  );
  input.addEventListener('blur', close);
}

interface KeyState {
  hits(): number;
  active(): number;
  setActive(i: number): void;
  choose(i: number): void;
  close(): void;
  list: HTMLUListElement;
}

function keys(event: KeyboardEvent, k: KeyState): void {
  const n = k.hits();
  const open = (): void => {
    k.list.hidden = n === 0;
    (event.target as HTMLElement).setAttribute('aria-expanded', String(n > 0));
  };
  if (event.key === 'ArrowDown' && n > 0) {
    open();
    k.setActive((k.active() + 1) % n);
  } else if (event.key === 'ArrowUp' && n > 0) {
    open();
    k.setActive(k.active() <= 0 ? n - 1 : k.active() - 1);
  } else if (event.key === 'Enter' && n > 0 && !k.list.hidden) {
    k.choose(Math.max(0, k.active()));
  } else if (event.key === 'Escape') {
    if (k.list.hidden) (event.target as HTMLInputElement).value = '';
    k.close();
  } else return;
  event.preventDefault();
}

export function searchBox(options: SearchBoxOptions): HTMLElement {
  const p = parts();
  behave(p, options);
  return h(
    'div',
    { class: 'app-search', role: 'search', 'data-testid': 'site-search-box' },
    h(
      'label',
      { class: 'govuk-label app-search__label', for: p.input.id },
      'Search areas, schools, alliances and hubs',
    ),
    // Above the box: the suggestions open below it, over whatever is there.
    p.message,
    h('div', { class: 'app-search__box' }, p.input, p.list),
    p.status,
  );
}
