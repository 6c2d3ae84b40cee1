// Stories of <candor-consent>: every state a customer can meet (first visit, saved choices,
// notice changed, withdrawn, invalid notice, storage failing), in English and Arabic. Each story
// gets its own in-memory storage so it always opens in the same state.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  createConsentRecord,
  createWithdrawalRecord,
  MemoryConsentStorage,
  type ConsentStorage,
} from '@candor/core/consent';
import type { ConsentNotice } from '@candor/core/models';
import '@candor/elements/consent';

const SUBJECT = 'cust_7f3a';

const notice: ConsentNotice = {
  version: '2026-11-01',
  controller: { name: 'Acme Bank', contact: 'privacy@acme.example' },
  summary: 'We check your identity once to open your account and, only if you agree, let partners you choose reuse that check.',
  policyUrl: 'https://acme.example/privacy',
  purposes: [
    {
      id: 'identity',
      title: 'Verify your identity',
      why: 'The law requires us to know who you are before we open an account.',
      dataCategories: ['Name', 'Date of birth', 'ID document image'],
      retention: '5 years after your account closes',
      recipients: [
        { name: 'Acme Bank', role: 'controller' },
        { name: 'DocCheck Ltd', role: 'processor' },
      ],
      legalBasis: 'legal-obligation',
      required: true,
    },
    {
      id: 'partner-reuse',
      title: 'Reuse your verification at partners',
      why: 'So you do not have to show your ID again at partner sites you choose to use.',
      dataCategories: ['Verification result', 'Assurance level'],
      retention: 'Until you withdraw consent',
      recipients: [
        { name: 'Shield Insurance', role: 'partner', reusesVerification: true, audience: 'https://insure.example' },
        { name: 'Nest Mortgages', role: 'partner', reusesVerification: true, audience: 'https://nest.example' },
      ],
      legalBasis: 'consent',
      required: false,
    },
    {
      id: 'marketing',
      title: 'Product news',
      why: 'To tell you about new savings accounts by e-mail.',
      dataCategories: ['E-mail address'],
      retention: 'Until you withdraw consent',
      recipients: [{ name: 'Acme Bank', role: 'controller' }],
      legalBasis: 'consent',
      required: false,
    },
  ],
};

const noticeV2: ConsentNotice = {
  ...notice,
  version: '2026-12-01',
  changes: ['We no longer send product news.', 'We now ask before measuring how you use the app.'],
  purposes: [
    notice.purposes[0]!,
    notice.purposes[1]!,
    {
      id: 'analytics',
      title: 'Improve the app',
      why: 'To see which screens confuse people, so we can fix them.',
      dataCategories: ['App usage events'],
      retention: '13 months',
      recipients: [{ name: 'Acme Bank', role: 'controller' }],
      legalBasis: 'consent',
      required: false,
    },
  ],
};

/** The same notice written in Arabic, as an Arabic-speaking customer would receive it. */
const noticeAr: ConsentNotice = {
  version: '2026-11-01',
  controller: { name: 'بنك أكمي', contact: 'privacy@acme.example' },
  summary: 'نتحقق من هويتك مرة واحدة لفتح حسابك، وإذا وافقت فقط، نسمح للشركاء الذين تختارهم بإعادة استخدام هذا التحقق.',
  policyUrl: 'https://acme.example/ar/privacy',
  purposes: [
    {
      id: 'identity',
      title: 'التحقق من هويتك',
      why: 'يلزمنا القانون بمعرفة هويتك قبل فتح الحساب.',
      dataCategories: ['الاسم', 'تاريخ الميلاد', 'صورة وثيقة الهوية'],
      retention: '5 سنوات بعد إغلاق حسابك',
      recipients: [
        { name: 'بنك أكمي', role: 'controller' },
        { name: 'دوك تشيك المحدودة', role: 'processor' },
      ],
      legalBasis: 'legal-obligation',
      required: true,
    },
    {
      id: 'partner-reuse',
      title: 'إعادة استخدام التحقق لدى الشركاء',
      why: 'حتى لا تضطر إلى إظهار هويتك مجددًا لدى الشركاء الذين تختار التعامل معهم.',
      dataCategories: ['نتيجة التحقق', 'مستوى الضمان'],
      retention: 'حتى تسحب موافقتك',
      recipients: [
        { name: 'شيلد للتأمين', role: 'partner', reusesVerification: true, audience: 'https://insure.example' },
        { name: 'نست للتمويل العقاري', role: 'partner', reusesVerification: true, audience: 'https://nest.example' },
      ],
      legalBasis: 'consent',
      required: false,
    },
    {
      id: 'marketing',
      title: 'أخبار المنتجات',
      why: 'لإعلامك بحسابات التوفير الجديدة عبر البريد الإلكتروني.',
      dataCategories: ['عنوان البريد الإلكتروني'],
      retention: 'حتى تسحب موافقتك',
      recipients: [{ name: 'بنك أكمي', role: 'controller' }],
      legalBasis: 'consent',
      required: false,
    },
  ],
};

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
    throw Object.assign(new Error('storage is disabled'), { code: 'storage_unavailable' });
  },
  async latest() {
    throw Object.assign(new Error('storage is disabled'), { code: 'storage_unavailable' });
  },
  async history() {
    return [];
  },
};

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
  render: render({ ...notice, purposes: [{ ...notice.purposes[0], title: '' }] }),
};

/** Storage that cannot be read or written: the customer can still read and choose, and is told. */
export const StorageFailing: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: failingStorage })],
  render: render(notice),
};

/** Arabic, right to left: the notice in Arabic and every component string from the Arabic catalogue. */
export const Arabic: Story = { render: render(noticeAr, 'ar') };

/** Arabic with saved choices. */
export const ArabicSaved: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(noticeAr, 'ar') })],
  render: render(noticeAr, 'ar'),
};

/** Arabic with a changed notice: asked again, with the change listed and the removed purpose named. */
export const ArabicNoticeChanged: Story = {
  loaders: [async (): Promise<Loaded> => ({ storage: await seeded(noticeAr, 'ar') })],
  render: render({ ...noticeAr, version: '2026-12-01', changes: ['لم نعد نرسل أخبار المنتجات.'], purposes: noticeAr.purposes.slice(0, 2) }, 'ar'),
};

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
