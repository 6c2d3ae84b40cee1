/** `<candor-faq-entry>`: one question and answer declared in markup, read by its parent `<candor-faq>`. */
import { ServerSafeHTMLElement } from '../shared/server-safe-element.js';

/**
 * One entry of a `<candor-faq>` written as markup. It renders nothing itself: the panel reads
 * its attributes and content (with code it loads once it has such children, faq.children.ts),
 * validates them like the `entries` property, and re-reads them
 * when they change. `<p>` children are the answer's paragraphs (the element's loose text is one
 * paragraph when there are none), `<ol>`/`<ul>` items its steps, `<a href>` children its links.
 *
 * @summary One question and answer declared as a child of `<candor-faq>`.
 * @attr entry-id - Stable id of the entry (deep link `#faq-<id>`).
 * @attr question - The question, as customers ask it.
 * @attr category - The category it is filed under.
 * @attr keywords - Comma-separated words customers type for it.
 * @attr updated-at - ISO 8601 time the answer was last checked.
 * @attr incidents - Space-separated ids of incidents it answers questions about.
 * @attr services - Space-separated ids of services it is about.
 * @attr priority - 0–1000: how useful it is to most customers (shown first with no query).
 * @attr lang - Its language; default the panel's.
 * @example
 * <candor-faq-entry entry-id="forgot-pin" question="I forgot my PIN" category="Cards" updated-at="2026-10-02T12:00:00Z" keywords="pin, code">
 *   <p>You can see your PIN in the app under Cards.</p>
 *   <ol><li>Open Cards.</li><li>Choose Show PIN.</li></ol>
 * </candor-faq-entry>
 */
export class CandorFaqEntry extends ServerSafeHTMLElement {}
