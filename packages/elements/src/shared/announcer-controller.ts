/** `AnnouncerController`: a component's live regions, so screen readers hear what changed, once. */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How urgently a message interrupts: `polite` waits for the reader to pause, `assertive` interrupts (`role="alert"`). */
export type Politeness = 'polite' | 'assertive';

/**
 * Owns a polite (`role="status"`) and an assertive (`role="alert"`) live region. Render
 * {@link AnnouncerController.regions} once, always (a region must be on the page before its text
 * changes for every screen reader to announce it), and call {@link AnnouncerController.announce}
 * for each change worth hearing. Saying the same message again announces it again. Never
 * announce what changes on a timer (countdowns): only what the user needs to hear now.
 *
 * @example
 * readonly #live = new AnnouncerController(this);
 * save() { …; this.#live.announce(this.localize.t('saved')); }
 * render() { return html`…${this.#live.regions()}`; }
 */
export class AnnouncerController {
  readonly #host: ReactiveControllerHost;
  #text: Record<Politeness, string> = { polite: '', assertive: '' };
  #generation = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /**
   * Puts `message` in the region of `politeness` (and empties the other). May be called from
   * `willUpdate`: the update under way renders it. A repeat of the text already there is
   * cleared first and set after the next render, so it is a change a screen reader announces.
   */
  announce(message: string, politeness: Politeness = 'polite'): void {
    const generation = ++this.#generation;
    const repeat = this.#text[politeness] === message;
    this.#text = { polite: '', assertive: '' };
    if (!repeat) this.#text[politeness] = message;
    this.#host.requestUpdate();
    if (repeat) {
      void this.#host.updateComplete.then(() => {
        if (generation !== this.#generation) return; // a newer message won
        this.#text = { ...this.#text, [politeness]: message };
        this.#host.requestUpdate();
      });
    }
  }

  /** Both regions, visually hidden; parts `live` (polite) and `alert` (assertive). */
  regions(): TemplateResult {
    return html`<div part="live" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#text.polite}</div><div part="alert" class="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true">${this.#text.assertive}</div>`;
  }
}
