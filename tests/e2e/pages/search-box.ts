// The header's search box (an ARIA combobox) as a reader uses it: type, read the suggestions, choose one.
import type { Locator, Page } from 'playwright-core';

export class SearchBox {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByTestId('site-search');
  }

  get list(): Locator {
    return this.page.getByTestId('site-search-list');
  }

  get options(): Locator {
    return this.list.getByRole('option');
  }

  /** Types the words and waits for the suggestions (or for the status saying there are none). */
  async type(words: string): Promise<void> {
    await this.input.fill('');
    await this.input.pressSequentially(words, { delay: 20 });
    await this.page.waitForFunction(
      (text) => document.querySelector<HTMLElement>('[data-testid=site-search-list]')?.dataset.for === text,
      words,
    );
  }

  /** Each suggestion as 'name | kind'. */
  async suggestions(): Promise<string[]> {
    return this.options.evaluateAll((els) =>
      els.map((el) => [...el.querySelectorAll('span')].map((s) => s.textContent).join(' | ')),
    );
  }
}
