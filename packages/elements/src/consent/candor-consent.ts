/** Registers `<candor-consent>`; import this file (or `@candor/elements/consent`) to use it. */
import { CandorConsent } from './consent.component.js';

export * from './consent.component.js';

if (!customElements.get('candor-consent')) customElements.define('candor-consent', CandorConsent);

declare global {
  interface HTMLElementTagNameMap {
    'candor-consent': CandorConsent;
  }
}
