// Stories of <candor-faq>: the most asked questions, categories, search as the customer types in
// English and in Arabic (with and without harakat, ة/ه and alef variants, a typo), nothing found
// leading to a person, the "Was this helpful?" flow, known issues during an incident, a deep link,
// entries written as markup, Arabic and dark. Every story runs on a fixed clock (the `now`
// property) so "Updated 3 days ago" and opening hours read the same each time, and keeps feedback
// in its own in-memory storage so an answer given in one story is not remembered in the next.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@candor/elements/faq';
import type { CandorFaq } from '@candor/elements/faq';
import { contactChannels, faqEntries, faqEntriesAr } from '../examples/fixtures/faq.js';
import { cardOutage, cardOutageAr } from '../examples/fixtures/incidents.js';
import { clockAt, memoryStorage } from './story-support.js';

interface FaqArgs {
  entries: unknown;
  contacts: unknown;
  incidents?: unknown;
  /** The story's clock: an ISO 8601 time the panel takes as "now". */
  now: string;
  top: number;
  headingLevel: number;
  open?: string;
  /** `lang` (and `dir`) of a wrapper around the panel (the toolbar sets the page's). */
  lang?: string;
  /** `theme` of the panel itself (the toolbar sets the page's). */
  theme?: 'light' | 'dark';
}

/** Monday 23 November 2026, 10:50 in London: chat and phone open, 50 minutes after the card outage's latest update. */
const NOW = '2026-11-23T10:50:00Z';

/** Both languages: the panel lists the entries in its own language (switch the toolbar to see the Arabic ones). */
const BOTH = [...faqEntries, ...faqEntriesAr];

const faqOf = (canvas: HTMLElement) => canvas.querySelector<CandorFaq>('candor-faq')!;
const rootOf = (canvas: HTMLElement) => faqOf(canvas).shadowRoot!;
/** The question texts listed, in order. */
const listed = (canvas: HTMLElement) => [...rootOf(canvas).querySelectorAll('[part~="question"] bdi')].map((q) => q.textContent ?? '');
/** The marked (highlighted) words. */
const marked = (canvas: HTMLElement) => [...rootOf(canvas).querySelectorAll('mark[part~="highlight"]')].map((m) => m.textContent ?? '');

/**
 * Clears the search box and types `query` into it one character at a time, an `input` event
 * each, as a keyboard would. (userEvent.type cannot focus an input inside a shadow root.)
 */
async function search(canvas: HTMLElement, query: string): Promise<void> {
  await waitFor(() => expect(rootOf(canvas).querySelector('[part~="search-input"]')).toBeTruthy());
  const input = rootOf(canvas).querySelector<HTMLInputElement>('[part~="search-input"]')!;
  input.focus();
  input.value = '';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
  for (const ch of query) {
    input.value += ch;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: ch }));
    await new Promise((r) => setTimeout(r, 20));
  }
}

const meta: Meta<FaqArgs> = {
  title: 'Components/FAQ',
  component: 'candor-faq',
  args: {
    entries: BOTH,
    contacts: contactChannels,
    now: NOW,
    top: 5,
    headingLevel: 2,
  },
  argTypes: {
    now: { control: 'text', description: "The story's clock, ISO 8601 (story only; the `now` property takes a `() => Date`).", table: { category: 'Story', type: { summary: 'string' } } },
    top: { control: { type: 'number', min: 1, max: 50 } },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    open: { control: 'text' },
    lang: { control: 'text', description: '`lang` and `dir` of a wrapper element, as a page would set them (story only).', table: { category: 'Story' } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Self-service answers with search as the customer types, "Was this helpful?", and a person to talk to when the answer does not help. ' +
          'Every story runs on a fixed clock (the `now` property) and keeps feedback in memory; on a real page the clock is the real one and feedback stays in localStorage.',
      },
    },
  },
  render: (args) => html`<div lang=${args.lang ?? nothing} dir=${args.lang ? (args.lang === 'ar' ? 'rtl' : 'ltr') : nothing}>
    <candor-faq
      .entries=${args.entries}
      .contacts=${args.contacts}
      .incidents=${args.incidents}
      .now=${clockAt(args.now)}
      .feedbackStorage=${memoryStorage()}
      open=${args.open ?? nothing}
      top=${args.top}
      heading-level=${args.headingLevel}
      theme=${args.theme ?? nothing}
    ></candor-faq>
  </div>`,
};
export default meta;

type Story = StoryObj<FaqArgs>;

/** Before anything is typed: the five most asked questions, each a disclosure. */
export const Default: Story = {};

/** The category toolbar (arrow keys move between categories): "Cards" chosen shows all of it. */
export const Categories: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rootOf(canvasElement).querySelector('[part~="category"][data-category="Cards"]')).toBeTruthy());
    await userEvent.click(rootOf(canvasElement).querySelector<HTMLButtonElement>('[part~="category"][data-category="Cards"]')!);
    await waitFor(() => expect(listed(canvasElement)).toHaveLength(faqEntries.filter((e) => e.category === 'Cards').length));
    expect(rootOf(canvasElement).querySelector('[data-category="Cards"]')?.getAttribute('aria-pressed')).toBe('true');
  },
};

/** English search, typed key by key: "forgoten pin" (a typo) still finds the PIN answer first, its matches highlighted. */
export const SearchEnglish: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'forgoten pin');
    await waitFor(() => expect(listed(canvasElement)[0]).toBe('I forgot my PIN. How can I see it?'));
    expect(marked(canvasElement).map((m) => m.toLowerCase())).toContain('pin');
    await waitFor(() => expect(rootOf(canvasElement).querySelector('[part~="count"]')?.textContent).toContain('for “forgoten pin”'));
  },
};

/**
 * Arabic search: "البطاقه" (with ال, and ه where the entries write ة) and "بطاقة" both find the card
 * answers; "الرَّقْم السِّرّي" with harakat finds the PIN answer written without them.
 */
export const SearchArabic: Story = {
  args: { lang: 'ar' },
  play: async ({ canvasElement }) => {
    const newCard = faqEntriesAr.find((e) => e.id === 'new-card')!.question;
    const pin = faqEntriesAr.find((e) => e.id === 'forgot-pin')!.question;
    await search(canvasElement, 'البطاقه');
    await waitFor(() => expect(listed(canvasElement)).toContain(newCard));
    expect(marked(canvasElement).length).toBeGreaterThan(0);
    await search(canvasElement, 'بطاقة');
    await waitFor(() => expect(listed(canvasElement)[0]).toBe(newCard));
    await search(canvasElement, 'الرَّقْم السِّرّي');
    await waitFor(() => expect(listed(canvasElement)[0]).toBe(pin));
  },
};

/** Nothing matches: the panel says so and offers the contact channels, with their opening hours and reply times. */
export const NoResultsLeadToContact: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'mortgage holiday');
    await waitFor(() => expect(rootOf(canvasElement).querySelector('[part~="no-results"]')).toBeTruthy());
    const contact = rootOf(canvasElement).querySelector('[part~="no-results"] [part~="contact"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(contact).toContain('Chat with us');
    expect(contact).toContain('replies in about 2 minutes');
  },
};

/**
 * "Was this helpful?": the play function opens the PIN answer, answers No and picks "It is out of
 * date"; the ways to reach a person show under the reasons, with the question passed on.
 */
export const FeedbackFlow: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const root = () => rootOf(canvasElement);
    await waitFor(() => expect(root().querySelector('[data-id="forgot-pin"] summary')).toBeTruthy());
    await userEvent.click(root().querySelector<HTMLElement>('[data-id="forgot-pin"] summary')!);
    await waitFor(() => expect(root().querySelector('[data-id="forgot-pin"] [part~="feedback-no"]')).toBeTruthy());
    await userEvent.click(root().querySelector<HTMLButtonElement>('[data-id="forgot-pin"] [part~="feedback-no"]')!);
    await waitFor(() => expect(root().querySelector('[data-id="forgot-pin"] input[value="out-of-date"]')).toBeTruthy());
    await userEvent.click(root().querySelector<HTMLInputElement>('[data-id="forgot-pin"] input[value="out-of-date"]')!);
    expect(root().querySelector<HTMLInputElement>('[data-id="forgot-pin"] input[value="out-of-date"]')!.checked).toBe(true);
    expect(root().querySelector('[data-id="forgot-pin"] [part~="contact"]')).toBeTruthy();
  },
};

/** During the card outage: the answers about it come first, marked "Known issue, updated 10:00". */
export const KnownIssueDuringIncident: Story = {
  args: { incidents: [cardOutage], lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rootOf(canvasElement).querySelector('[part~="known-issue"]')).toBeTruthy());
    const first = rootOf(canvasElement).querySelector('[part~="entry"]')!;
    expect(first.getAttribute('data-id')).toBe('card-declined');
    expect(first.querySelector('[part~="known-issue"]')?.textContent).toContain('Known issue, updated');
  },
};

/** A deep link (`open`, or `#faq-<id>` in the address): the entry opens and scrolls into view, even though it is not among the most asked. */
export const DeepLink: Story = {
  args: { open: 'close-account', top: 3, lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rootOf(canvasElement).querySelector<HTMLDetailsElement>('[data-id="close-account"]')?.open).toBe(true));
  },
};

/** Entries written as `<candor-faq-entry>` markup instead of the `entries` property. */
export const DeclarativeEntries: Story = {
  args: { lang: 'en' },
  render: (args) => html`<div lang="en" dir="ltr">
    <candor-faq .contacts=${args.contacts} .now=${clockAt(args.now)} .feedbackStorage=${memoryStorage()} heading-level=${args.headingLevel}>
      <candor-faq-entry entry-id="opening-hours" question="When are your branches open?" category="Branches" updated-at="2026-11-10T09:00:00Z" keywords="hours, open, branch" priority="500">
        <p>Most branches are open Monday to Friday from 9:00 to 17:00, and Saturday mornings in city centres.</p>
        <a href="https://bank.example/branches">Find a branch</a>
      </candor-faq-entry>
      <candor-faq-entry entry-id="freeze-card" question="How do I freeze my card?" category="Cards" updated-at="2026-11-18T09:00:00Z" keywords="freeze, block, lock, lost" priority="800">
        <p>Freezing stops new card payments at once; you can unfreeze it again at any time.</p>
        <ol><li>Open Cards in the app.</li><li>Choose Freeze card.</li></ol>
      </candor-faq-entry>
    </candor-faq>
  </div>`,
};

/** Arabic, right to left: the Arabic entries, the Arabic incident as a known issue, and every component string from the Arabic catalogue. */
export const Arabic: Story = { args: { incidents: [cardOutageAr], lang: 'ar' } };

/** Only English entries on an Arabic page: with nothing in Arabic the panel shows them, in an Arabic frame (search, headings and buttons in Arabic). */
export const EnglishDataOnArabicPage: Story = { args: { entries: faqEntries, lang: 'ar' } };

/** Only Arabic entries on an English page: the panel shows them in an English frame, each answer keeping its own direction. */
export const ArabicDataOnEnglishPage: Story = { args: { entries: faqEntriesAr, lang: 'en' } };

/** Dark, whatever the page's theme, during the incident. */
export const Dark: Story = { args: { incidents: [cardOutage], theme: 'dark' } };
