// Published figures without a date: listed with their qualifier, words and publication, never plotted or judged.
import type { Progress } from '../../api.js';
import { h } from '../../dom.js';
import { figureWords, publicationWords } from '../../published.js';

export function undatedList(undated: Progress['undated']): HTMLElement | null {
  if (undated.length === 0) return null;
  return h(
    'section',
    { 'data-testid': 'undated-figures' },
    h('h2', { class: 'govuk-heading-m' }, 'Undated figures'),
    h(
      'p',
      { class: 'govuk-body' },
      'These published figures carry no date, so they are listed here and neither plotted nor used to judge a target.',
    ),
    h(
      'ul',
      { class: 'govuk-list govuk-list--bullet' },
      ...undated.map((u) =>
        h(
          'li',
          {},
          `${u.label}: ${figureWords(u.value, u.qualifier)}`,
          u.source_quote ? ` ("${u.source_quote}")` : '',
          `. Source: ${u.source_title} (${publicationWords(u.publication)}).`,
        ),
      ),
    ),
  );
}
