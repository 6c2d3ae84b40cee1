// A minimal component built on the foundation, used only by the foundation tests.
import { html } from 'lit';
import * as z from 'zod/mini';
import { CandorElement, LocalizeController, themeStyles, type MessagesOf } from '@candor/elements/shared';

const en = {
  greeting: 'Hello {name}',
  items: { zero: 'No items', one: '{count} item', other: '{count} items' },
  onlyEnglish: 'Only in English',
  invalid: 'Nothing to show',
} as const;
type DemoMessages = MessagesOf<typeof en>;
const ar: DemoMessages = {
  greeting: 'مرحبًا {name}',
  items: { zero: 'لا توجد عناصر', one: 'عنصر واحد', two: 'عنصران', few: '{count} عناصر', many: '{count} عنصرًا', other: '{count} عنصر' },
  onlyEnglish: 'Only in English',
  invalid: 'لا شيء لعرضه',
};

export const NameSchema = z.string().check(z.minLength(1), z.maxLength(20));

export class DemoElement extends CandorElement {
  static override styles = themeStyles;
  protected readonly localize = new LocalizeController<DemoMessages>(this, {
    component: 'candor-demo',
    messages: { en, ar },
  });
  name: unknown = 'Sam';
  count = 0;
  static override properties = { name: { attribute: false }, count: { type: Number } };

  override render() {
    const name = this.accept('name', NameSchema, this.name);
    return this.frame(
      name === undefined
        ? this.renderFallback(this.localize.t('invalid'))
        : html`<p id="greeting">${this.localize.t('greeting', { name })}</p>
            <p id="items">${this.localize.t('items', { count: this.count })}</p>`,
    );
  }
}
if (!customElements.get('candor-demo')) customElements.define('candor-demo', DemoElement);
