// Stories of <candor-consent>: every state a customer can meet (first visit, saved choices,
// notice changed, withdrawn, invalid notice, storage failing, stored choices partly unreadable),
// in English and Arabic. Each story gets its own in-memory storage so it always opens in the same state.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  controllerKey,
  createConsentRecord,
  createWithdrawalRecord,
  LocalStorageConsentStorage,
  MemoryConsentStorage,
  type ConsentStorage,
} from '@candor/core/consent';
import { CandorError } from '@candor/core/errors';
import type { ConsentNotice } from '@candor/core/models';
import '@candor/elements/consent';
import { noticeV1 as notice, noticeV2, noticeArV1 as noticeAr } from '../examples/fixtures/consent-notices.js';

const SUBJECT = 'cust_7f3a';

/** A storage already holding a decision (and optionally its withdrawal) under `under`. */
async function seeded(under: ConsentNotice, locale: string, withdrawn = false): Promise<MemoryConsentStorage> {
  const storage = new MemoryConsentStorage();
  const decision = await createConsentRecord({
    notice: under,
    subject: SUBJECT,
    locale,
    choices: { 'partner-reuse': true, marketing: false },
    now: new Date('2026-11-20T10:30:00Z'),
  });
  await storage.save(decision);
  if (withdrawn) {
    await storage.save(
      await createWithdrawalRecord({
        notice: under,
        subject: SUBJECT,
        locale,
        previousRecordId: decision.recordId,
        now: new Date('2026-11-22T16:05:00Z'),
      }),
    );
  }
  return storage;
}

/** A storage that can neither read nor write, like localStorage in a locked-down browser. */
const failingStorage: ConsentStorage = {
  async save() {
    throw new CandorError('storage_unavailable', 'storage is disabled');
  },
  async latest() {
    throw new CandorError('storage_unavailable', 'storage is disabled');
  },
  async history() {
    return [];
  },
};

/** A Storage kept in memory (the Web Storage interface over a Map), so a story never touches the real localStorage. */
class StoryStorage implements Storage {
  readonly #map = new Map<string, string>();
  get length() {
    return this.#map.size;
  }
  clear() {
    this.#map.clear();
  }
  getItem(key: string) {
    return this.#map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.#map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.#map.delete(key);
  }
  setItem(key: string, value: string) {
    this.#map.set(key, String(value));
  }
}

/** localStorage-style storage whose history ends in a cut-off entry after a valid decision. */
async function cutOff(): Promise<LocalStorageConsentStorage> {
  const backing = new StoryStorage();
  const storage = new LocalStorageConsentStorage({ storage: backing });
  const decision = await createConsentRecord({ notice, subject: SUBJECT, locale: 'en', choices: { 'partner-reuse': true }, now: new Date('2026-11-20T10:30:00Z') });
  backing.setItem(storage.keyFor(controllerKey(notice.controller), SUBJECT), `${JSON.stringify([decision]).slice(0, -1)}, {"schemaVersion": "1", "recor`);
  return storage;
}

interface Loaded {
  storage?: ConsentStorage;
}

const render = (n: unknown, lang?: string) =>
  ((_args: unknown, { loaded }: { loaded: Loaded }) =>
    lang
      ? html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
          <candor-consent subject=${SUBJECT} .notice=${n} .storage=${loaded.storage ?? new MemoryConsentStorage()}></candor-consent>
        </div>`
      : html`<candor-consent subject=${SUBJECT} .notice=${n} .storage=${loaded.storage ?? new MemoryConsentStorage()}></candor-consent>`) as StoryObj['render'];

const meta: Meta = {
  title: 'Components/Consent',
  component: 'candor-consent',
  parameters: {
    docs: {
      description: {
        component:
          'Explains in plain words what happens to the customer\'s data and records every decision as a verifiable consent record (`@candor/core/consent`). ' +
          'Stories use an in-memory storage; on a real page the default is localStorage.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** First visit: summary, purposes with switches (required one always on), and the three actions. */
export const FirstVisit: Story = { render: render(notice) };

/** Choices already saved under this notice: the compact saved state, with change, withdraw and receipt. */
export const SavedChoices: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(notice, 'en') })],
  render: render(notice),
};

/** The notice changed since the customer chose: asked again, with what changed, new and removed purposes. */
export const NoticeChanged: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(notice, 'en') })],
  render: render(noticeV2),
};

/** The customer withdrew consent: a withdrawal record is the latest one. */
export const Withdrawn: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(notice, 'en', true) })],
  render: render(notice),
};

/** An invalid notice (a purpose without a title): the safe fallback; `candor-error` says why. */
export const InvalidNotice: Story = {
  // The page check makes sure the event reaches the Actions panel.
  parameters: { expectedActions: ['candor-error'] },
  render: render({ ...notice, purposes: [{ ...notice.purposes[0], title: '' }] }),
};

/** Storage that cannot be read or written: the customer can still read and choose, and is told. */
export const StorageFailing: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: failingStorage })],
  render: render(notice),
};

/**
 * Stored choices partly unreadable (an entry cut off after a valid decision): the valid decision
 * is shown, the customer is told, the original text is set aside and `candor-error` fires.
 */
export const StoredChoicesUnreadable: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await cutOff() })],
  render: render(notice),
};

/** Arabic, right to left: the notice in Arabic and every component string from the Arabic catalogue. */
export const Arabic: Story = { render: render(noticeAr, 'ar') };

/** Arabic with saved choices. */
export const ArabicSaved: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(noticeAr, 'ar') })],
  render: render(noticeAr, 'ar'),
};

/**
 * Chosen in English, shown in Arabic: the Arabic notice is a translation of the same version (and
 * names the same controller `id`), so the English choice stands and nobody is asked again.
 */
export const ChosenInEnglishShownInArabic: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(notice, 'en') })],
  render: render(noticeAr, 'ar'),
};

/** Arabic with a changed notice: asked again, with the change listed and the removed purpose counted (records keep ids, not titles). */
export const ArabicNoticeChanged: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(noticeAr, 'ar') })],
  render: render({ ...noticeAr, version: '2026-12-01', changes: ['لم نعد نرسل أخبار المنتجات.'], purposes: noticeAr.purposes.slice(0, 2) }, 'ar'),
};

/** An English notice on an Arabic page: the component's own words are Arabic, the notice's text stays as written. */
export const EnglishNoticeOnArabicPage: Story = { render: render(notice, 'ar') };

/** An Arabic notice on an English page: the component's own words are English, the notice's Arabic text keeps its direction. */
export const ArabicNoticeOnEnglishPage: Story = { render: render(noticeAr, 'en') };

/** Themed through the public `--candor-*` custom properties (a light palette, so pinned to `theme="light"`). */
export const CustomTheme: Story = {
  render: (_args, { loaded }) => html`<candor-consent
    theme="light"
    subject=${SUBJECT}
    .notice=${notice}
    .storage=${(loaded as Loaded).storage ?? new MemoryConsentStorage()}
    style="--candor-color-accent: #5b2a86; --candor-color-surface-alt: #f6f1fa; --candor-radius: 0; --candor-font-family: Georgia, serif"
  ></candor-consent>`,
};
