/** Registers `<candor-incident-banner>`; import this file (or `@candor/elements/incident-banner`) to use it. */
import { CandorIncidentBanner } from './incident-banner.component.js';

export * from './incident-banner.component.js';

if (!customElements.get('candor-incident-banner')) customElements.define('candor-incident-banner', CandorIncidentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'candor-incident-banner': CandorIncidentBanner;
  }
}
