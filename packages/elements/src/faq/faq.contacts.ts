/**
 * What `<candor-faq>` loads when a page first sets `contacts`: their validation, the opening-hours
 * calculation and the list of channels. Panels without contact channels never download it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContactChannel, FaqEntry } from '@candor/core/models';
import { channelAvailability } from '@candor/core/faq';
import { BeforeContactRequestEvent, type ContactRequestDetail } from './events/before-contact-request-event.js';
import { ContactRequestEvent } from './events/contact-request-event.js';
import type { Formatters } from './faq.templates.js';

export { ContactChannelsSchema } from '@candor/core/models';

/** How to say a reply time: in minutes under an hour, in hours under two days, else in days. */
export function replyTime(minutes: number): { key: 'replies' | 'repliesHours' | 'repliesDays'; count: number } {
  if (minutes < 60) return { key: 'replies', count: Math.max(1, Math.round(minutes)) };
  if (minutes < 48 * 60) return { key: 'repliesHours', count: Math.round(minutes / 60) };
  return { key: 'repliesDays', count: Math.ceil(minutes / 1440) };
}

/** "open now, replies in about 2 minutes": whether `channel` is open at `now` (in its time zone) and how fast it replies. */
export function availabilityText(channel: ContactChannel, now: Date, f: Formatters): string {
  const a = channelAvailability(channel, now);
  const state =
    a.state === 'always'
      ? f.t('always')
      : a.state === 'open'
        ? a.closesAt
          ? f.t('openUntil', { time: f.when(a.closesAt.toISOString()) })
          : f.t('open')
        : a.state === 'opens'
          ? f.t('opensAt', { time: f.when(a.opensAt.toISOString()) })
          : f.t('closed');
  if (channel.responseMinutes === undefined) return state;
  const r = replyTime(channel.responseMinutes);
  return `${state}, ${f.t(r.key, { count: r.count })}`;
}

/**
 * The customer chose `channel`: fires cancelable `candor-before-contact-request`, then
 * `candor-contact-request`, from `host`, with the question and the search filled in. A veto stops
 * the link from being followed.
 */
function requestContact(host: EventTarget, e: Event, channel: ContactChannel, entry: FaqEntry | undefined, query: string): void {
  const detail: ContactRequestDetail = {
    channelId: channel.id,
    kind: channel.kind,
    ...(channel.href ? { href: channel.href } : {}),
    query,
    ...(entry ? { entryId: entry.id, question: entry.question } : {}),
  };
  if (!host.dispatchEvent(new BeforeContactRequestEvent(detail))) {
    e.preventDefault();
    return;
  }
  host.dispatchEvent(new ContactRequestEvent(detail));
}

/** Where the contact list sits: the panel that fires the requests, what was searched, and the time now. */
export interface ContactsContext {
  readonly host: EventTarget;
  readonly query: string;
  readonly now: Date;
}

/** The ways to reach a person, each with its availability; choosing one carries `entry` (or the search) along. */
export function contactsTemplate(channels: readonly ContactChannel[], entry: FaqEntry | undefined, at: ContactsContext, f: Formatters): TemplateResult | typeof nothing {
  if (!channels.length) return nothing;
  return html`<div part="contact" class="contact">
    <p class="label">${f.t('contactTitle')}</p>
    <p class="muted">${f.t('contactIntro')}</p>
    <ul>
      ${channels.map((c) => {
        const label = html`<bdi>${c.label}</bdi>`;
        return html`<li data-kind=${c.kind}>
          ${c.href
            ? html`<a part="contact-channel" href=${c.href} @click=${(e: Event) => requestContact(at.host, e, c, entry, at.query)}>${label}</a>`
            : html`<button part="contact-channel" type="button" @click=${(e: Event) => requestContact(at.host, e, c, entry, at.query)}>${label}</button>`}<span part="availability" class="muted">: ${availabilityText(c, at.now, f)}</span>
        </li>`;
      })}
    </ul>
  </div>`;
}
