/**
 * What `<candor-faq>` loads when a page first sets `contacts`: their validation, the opening-hours
 * calculation and the list of channels. Panels without contact channels never download it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContactChannel, FaqEntry } from '@candor/core/models';
import { channelAvailability } from '@candor/core/faq';
import type { FaqActions, Formatters } from './faq.templates.js';

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

/** The ways to reach a person, each with its availability; choosing one carries `entry` (or the search) along. */
export function contactsTemplate(channels: readonly ContactChannel[], entry: FaqEntry | undefined, now: Date, f: Formatters, on: FaqActions): TemplateResult | typeof nothing {
  if (!channels.length) return nothing;
  return html`<div part="contact" class="contact">
    <p class="label">${f.t('contactTitle')}</p>
    <p class="muted">${f.t('contactIntro')}</p>
    <ul>
      ${channels.map((c) => {
        const label = html`<bdi>${c.label}</bdi>`;
        return html`<li data-kind=${c.kind}>
          ${c.href
            ? html`<a part="contact-channel" href=${c.href} @click=${(e: Event) => on.contact(e, c, entry)}>${label}</a>`
            : html`<button part="contact-channel" type="button" @click=${(e: Event) => on.contact(e, c, entry)}>${label}</button>`}<span part="availability" class="muted">: ${availabilityText(c, now, f)}</span>
        </li>`;
      })}
    </ul>
  </div>`;
}
