// A list that drops most of the list in force, or is dated after today, is imported only once the admin ticks that
// they meant it: the reasons with their numbers, and the box that turns the import button on.
import { h, uid } from '../../dom.js';

export function confirmationCheck(
  needed: { code: string; message: string }[],
  button: HTMLButtonElement,
): HTMLElement {
  const id = uid('admin-confirm-check');
  const box = h('input', {
    class: 'govuk-checkboxes__input',
    id,
    type: 'checkbox',
    'data-testid': 'admin-confirm-check',
  });
  const wait = (waiting: boolean): void => {
    button.disabled = waiting;
    button.dataset.awaitsConfirmation = String(waiting);
  };
  wait(true);
  box.addEventListener('change', () => wait(!box.checked));
  return h(
    'div',
    { class: 'govuk-inset-text', 'data-testid': 'admin-needs-confirming' },
    h('h3', { class: 'govuk-heading-s' }, 'Check before you import'),
    h(
      'ul',
      { class: 'govuk-list govuk-list--bullet' },
      ...needed.map((n) => h('li', {}, `${n.message[0]!.toUpperCase()}${n.message.slice(1)}.`)),
    ),
    h(
      'div',
      { class: 'govuk-checkboxes govuk-checkboxes--small' },
      h(
        'div',
        { class: 'govuk-checkboxes__item' },
        box,
        h(
          'label',
          { class: 'govuk-label govuk-checkboxes__label', for: id },
          'I have checked this: import it anyway',
        ),
      ),
    ),
  );
}
