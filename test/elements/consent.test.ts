// <candor-consent> in real Chromium: every state, events and vetoes, storage order and reloads,
// notice changes, keyboard-only use, axe in English/Arabic/dark, RTL mirroring, inert payloads,
// and the receipt download.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  controllerKey,
  createConsentRecord,
  LocalStorageConsentStorage,
  MemoryConsentStorage,
  noticeText,
  UNREADABLE_KEY_INFIX,
  type ConsentStorage,
} from '@candor/core/consent';
import { CandorError } from '@candor/core/errors';
import type { ConsentNotice, ConsentRecord } from '@candor/core/models';
import type { CandorErrorEvent } from '@candor/elements/shared';
import '@candor/elements/consent';
import { copy, noticeArV1, noticeV1, noticeV2 } from '../support/consent-notice.js';
// An Arabic page imports its catalogue up front (test/elements/locales.test.ts covers loading it on first need).
import '@candor/elements/locales/ar.js';

type CandorConsent = HTMLElementTagNameMap['candor-consent'];

const SUBJECT = 'cust_7f3a';
// Where the default storage files the sample notices' records (under their controller's id).
const KEY = new LocalStorageConsentStorage().keyFor(controllerKey(noticeV1.controller), SUBJECT);

const root = (el: CandorConsent) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: CandorConsent, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends HTMLElement = HTMLElement>(el: CandorConsent, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const toggle = (el: CandorConsent, id: string) => $<HTMLInputElement>(el, `#purpose-${id}`)!;
const button = (el: CandorConsent, label: string) => {
  const b = $$<HTMLButtonElement>(el, 'button').find((x) => x.textContent!.trim() === label);
  if (!b) throw new Error(`no button "${label}" in ${$$(el, 'button').map((x) => x.textContent!.trim()).join(' | ')}`);
  return b;
};
/** A node of the page's accessibility tree, as `a11ySnapshot` returns it. */
interface A11yNode {
  name?: string;
  role?: string;
  expanded?: boolean;
  children?: A11yNode[];
}

/** How many rows the boxes form: a box that starts below every box of the current row starts a new one. */
function rows(boxes: DOMRect[]): number {
  let count = 0;
  let bottom = -Infinity;
  for (const b of [...boxes].sort((x, y) => x.top - y.top)) {
    if (b.top >= bottom - 1) {
      count++;
      bottom = b.bottom;
    } else bottom = Math.max(bottom, b.bottom);
  }
  return count;
}

const textOf = (el: CandorConsent) => root(el).textContent!.replace(/\s+/g, ' ');
const live = (el: CandorConsent) => $(el, '[part~="live"]')!.textContent!.trim();
const focused = (el: CandorConsent) => root(el).activeElement as HTMLElement | null;

async function settled(el: CandorConsent): Promise<CandorConsent> {
  await waitUntil(() => el.state !== 'loading', 'still loading', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

interface Options {
  notice?: unknown;
  subject?: string | undefined;
  storage?: ConsentStorage;
  lang?: string;
  theme?: string;
}

/** A <candor-consent> in a wrapper with `lang`/`theme`, loaded (storage read) before it is returned. */
async function consent(o: Options = {}): Promise<CandorConsent> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${o.lang ?? 'en'} theme=${o.theme ?? 'light'}>
    <button id="before">before</button>
    <candor-consent
      subject=${'subject' in o ? (o.subject ?? '') : SUBJECT}
      .notice=${'notice' in o ? o.notice : noticeV1}
      .storage=${o.storage}
    ></candor-consent>
  </div>`);
  return settled(wrapper.querySelector('candor-consent')!);
}

function collect(el: EventTarget, ...types: string[]): Event[] {
  const seen: Event[] = [];
  for (const t of types) el.addEventListener(t, (e) => seen.push(e));
  return seen;
}

const stored = (): ConsentRecord[] => JSON.parse(localStorage.getItem(KEY) ?? '[]');

beforeEach(() => localStorage.clear());
after(() => localStorage.clear());

describe('<candor-consent> first visit', () => {
  it('shows the one-sentence summary first, then every purpose with its switch; nothing optional is on', async () => {
    const el = await consent();
    expect(el.state).to.equal('ask');
    const parts = $$(el, '[part~="title"], [part~="controller"], [part~="summary"], [part~="purposes"]').map((p) => p.getAttribute('part'));
    expect(parts).to.deep.equal(['title', 'controller', 'summary', 'purposes']);
    expect($(el, '[part~="summary"]')!.textContent).to.equal(noticeV1.summary);
    expect($$(el, '[part~="purpose"]').map((p) => p.dataset['purpose'])).to.deep.equal(['identity', 'partner-reuse', 'marketing']);
    expect(toggle(el, 'partner-reuse').checked).to.equal(false);
    expect(toggle(el, 'marketing').checked).to.equal(false);
    expect(toggle(el, 'partner-reuse').getAttribute('role')).to.equal('switch');
    expect($(el, 'label[for="purpose-partner-reuse"]')!.textContent).to.equal('Reuse your verification at partners');
  });

  it('shows required purposes as a disabled switch announced as always on, with the reason', async () => {
    const el = await consent();
    const identity = toggle(el, 'identity');
    expect(identity.checked).to.equal(true);
    expect(identity.disabled).to.equal(true);
    const described = identity.getAttribute('aria-describedby')!.split(' ').map((id) => root(el).getElementById(id)!.textContent!.trim());
    expect(described).to.include('Always on');
    expect(described).to.include('We need this to provide the service, so it cannot be switched off.');
    expect($(el, '[data-purpose="identity"] [part~="badge"]')!.textContent).to.equal('Always on');
  });

  it('grants required purposes in every record it produces, even when a script unticks the switch', async () => {
    const el = await consent();
    const identity = toggle(el, 'identity');
    identity.checked = false;
    identity.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(identity.checked).to.equal(true);
    const records = [await el.saveChoices()];
    button(el, 'Change my choices').click();
    await el.updateComplete;
    records.push(await el.rejectOptional());
    button(el, 'Change my choices').click();
    await el.updateComplete;
    records.push(await el.acceptAll());
    records.push(await el.withdraw());
    expect(records.map((r) => r!.purposesGranted.includes('identity'))).to.deep.equal([true, true, true, true]);
  });

  it('names the partners that would reuse the verification, in the purpose and in its details', async () => {
    const el = await consent();
    const reuse = $(el, '[data-purpose="partner-reuse"] [part~="reuse"]')!;
    expect(reuse.textContent!.trim()).to.equal(
      'If you allow this, 2 partners can reuse your identity check without asking you again: Shield Insurance and Nest Mortgages.',
    );
    expect(toggle(el, 'partner-reuse').getAttribute('aria-describedby')).to.contain('purpose-partner-reuse-reuse');
    const details = $(el, '[data-purpose="partner-reuse"] details')!.textContent!.replace(/\s+/g, ' ');
    expect(details).to.contain('Shield Insurance (partner) — reuses your verification result as https://insure.example');
  });

  it('renders every line of the canonical notice text that the record hashes', async () => {
    const el = await consent();
    const shown = textOf(el);
    for (const line of noticeText(noticeV1).split('\n')) {
      const [field, ...rest] = line.split(': ');
      const value = rest.join(': ');
      if (field === 'purpose' || field === 'legal-basis' || field === 'required') continue; // shown as switch ids, words and badges
      if (field === 'recipient') {
        expect(shown).to.contain(value.replace(/ \(.*$/, ''));
        continue;
      }
      expect(shown, `the ${field} "${value}"`).to.contain(value);
    }
    expect($(el, '[data-purpose="identity"] [data-basis]')!.textContent).to.equal('Required by law');
  });

  it('opens a purpose\'s details on demand, showing and exposing whether they are open', async () => {
    const el = await consent();
    const details = $<HTMLDetailsElement>(el, '[data-purpose="marketing"] details')!;
    const summary = details.querySelector('summary')!;
    const chevron = () => getComputedStyle(summary, '::before').transform;
    const expanded = async () => {
      const found: boolean[] = [];
      const walk = (n: A11yNode) => {
        if (n.name === 'Details') found.push(n.expanded === true);
        n.children?.forEach(walk);
      };
      walk((await a11ySnapshot({})) as unknown as A11yNode);
      return found;
    };
    expect(details.open).to.equal(false);
    expect(await expanded()).to.deep.equal([false, false, false]);
    const closed = chevron();
    summary.click();
    expect(details.open).to.equal(true);
    expect(details.textContent).to.contain('Until you withdraw consent');
    await waitUntil(() => chevron() !== closed, 'the open/closed indicator did not change');
    expect(chevron()).to.not.equal('none');
    expect(await expanded()).to.deep.equal([false, false, true]);
  });

  it('gives each purpose title to assistive technology once: as the switch name, not again in the details', async () => {
    const el = await consent();
    // Named objects (switches, buttons, groups…); the text that shows a name is a StaticText child of it.
    const names: string[] = [];
    const walk = (n: A11yNode) => {
      if (n.name && n.role !== 'StaticText') names.push(n.name);
      n.children?.forEach(walk);
    };
    walk((await a11ySnapshot({})) as unknown as A11yNode);
    for (const p of noticeV1.purposes) {
      expect(names.filter((n) => n.includes(p.title)), `${p.title} in ${JSON.stringify(names)}`).to.have.length(1);
      expect(toggle(el, p.id).labels![0]!.textContent).to.equal(p.title);
    }
    for (const id of toggle(el, 'partner-reuse').getAttribute('aria-describedby')!.split(' ')) {
      expect(root(el).getElementById(id)!.textContent).to.not.contain(noticeV1.purposes[1]!.title);
    }
  });

  it('keeps switch and title on one row at 375 px; only the badge may wrap beneath', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      for (const lang of ['en', 'ar']) {
        const el = await consent({ lang, notice: lang === 'ar' ? noticeArV1 : noticeV1 });
        for (const head of $$(el, '.head')) {
          const [sw, title, badge] = ['.toggle', '.purpose-title', '.badge'].map((s) => head.querySelector(s)!.getBoundingClientRect());
          const label = `${lang}: ${head.textContent!.replace(/\s+/g, ' ').trim()}`;
          expect(rows([sw!, title!]), `${label}: switch and title share a row`).to.equal(1);
          expect(rows([sw!, title!, badge!]), label).to.be.at.most(2);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
  it('shows a busy loading state while storage is read, then the notice', async () => {
    let release!: (r: ConsentRecord | undefined) => void;
    const slow: ConsentStorage = {
      save: async () => {},
      latest: () => new Promise((resolve) => (release = resolve)),
      history: async () => [],
    };
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('candor-consent');
    Object.assign(el, { subject: SUBJECT, notice: noticeV1, storage: slow, headingLevel: 3 });
    wrapper.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(textOf(el)).to.contain('Loading your privacy choices…');
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part~="title"]')!.getAttribute('aria-level')).to.equal('3');
    expect($$(el, 'input, button')).to.have.length(0);
    release(undefined);
    await settled(el);
    expect(el.state).to.equal('ask');
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('false');
  });
});

describe('<candor-consent> decisions', () => {
  it('accept all grants every purpose and lists the partners allowed to reuse the verification', async () => {
    const el = await consent();
    const changes = collect(el, 'candor-consent-change') as CustomEvent<ConsentRecord>[];
    button(el, 'Accept all').click();
    await waitUntil(() => changes.length === 1, 'no candor-consent-change');
    const record = changes[0]!.detail;
    expect(record).to.deep.equal(el.record);
    expect(stored()).to.deep.equal([record]);
    expect(record.purposesGranted).to.deep.equal(['identity', 'partner-reuse', 'marketing']);
    expect(record.purposesDenied).to.deep.equal([]);
    expect(record.reuseAudiences).to.deep.equal(['https://insure.example', 'https://nest.example']);
    expect(record.subject).to.equal(SUBJECT);
    expect(record.locale).to.equal('en');
  });

  it('reject optional grants only the required purposes', async () => {
    const el = await consent();
    const record = await el.rejectOptional();
    expect(record!.purposesGranted).to.deep.equal(['identity']);
    expect(record!.purposesDenied).to.deep.equal(['partner-reuse', 'marketing']);
    expect(record!.reuseAudiences).to.deep.equal([]);
  });

  it('save choices records exactly the switches that are on', async () => {
    const el = await consent();
    toggle(el, 'marketing').click();
    await el.updateComplete;
    button(el, 'Save my choices').click();
    await waitUntil(() => el.state === 'saved');
    expect(el.record!.purposesGranted).to.deep.equal(['identity', 'marketing']);
    expect(el.record!.purposesDenied).to.deep.equal(['partner-reuse']);
  });

  it('stores the record before candor-consent-change fires, and the event carries it', async () => {
    const el = await consent();
    let inListener: ConsentRecord[] | undefined;
    let detail: ConsentRecord | undefined;
    el.addEventListener('candor-consent-change', (e) => {
      inListener = stored();
      detail = e.detail;
      expect(e.bubbles && e.composed).to.equal(true);
    });
    const result = await el.acceptAll();
    expect(detail).to.deep.equal(result);
    expect(inListener).to.deep.equal([result]);
  });

  it('fires a cancelable candor-before-consent-change first; preventDefault stores nothing', async () => {
    const el = await consent();
    const seen = collect(el, 'candor-before-consent-change', 'candor-consent-change');
    el.addEventListener('candor-before-consent-change', (e) => {
      expect(e.cancelable).to.equal(true);
      expect(e.detail.purposesGranted).to.deep.equal(['identity', 'partner-reuse', 'marketing']);
      expect(stored()).to.deep.equal([]);
      e.preventDefault();
    });
    expect(await el.acceptAll()).to.equal(undefined);
    expect(seen.map((e) => e.type)).to.deep.equal(['candor-before-consent-change']);
    expect(stored()).to.deep.equal([]);
    expect(el.state).to.equal('ask');
    expect(el.record).to.equal(undefined);
  });

  it('announces the save politely and moves focus to the saved message', async () => {
    const el = await consent();
    expect($(el, '[part~="live"]')!.getAttribute('aria-live')).to.equal('polite');
    await el.rejectOptional();
    await waitUntil(() => live(el) === 'Your choices have been saved.');
    expect(focused(el)?.getAttribute('part')).to.equal('status');
  });

  it('links each new record to the previous one', async () => {
    const el = await consent();
    const first = await el.rejectOptional();
    button(el, 'Change my choices').click();
    await el.updateComplete;
    const second = await el.acceptAll();
    expect(second!.previousRecordId).to.equal(first!.recordId);
    expect(stored().map((r) => r.recordId)).to.deep.equal([first!.recordId, second!.recordId]);
  });
});

describe('<candor-consent> loading', () => {
  it('reads storage again when re-attached: a decision made elsewhere (another tab) is shown', async () => {
    const storage = new MemoryConsentStorage();
    const el = await consent({ storage });
    expect(el.state).to.equal('ask');
    await storage.save(await createConsentRecord({ notice: noticeV1, subject: SUBJECT, locale: 'en', choices: { marketing: true } }));
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => el.state === 'saved', 'not reloaded on re-attach');
    expect(el.record!.purposesGranted).to.include('marketing');
  });

  it('ignores a load that a newer one superseded (the notice changed while storage was read)', async () => {
    const pending: ((r: ConsentRecord | undefined) => void)[] = [];
    const slowFirst: ConsentStorage = {
      save: async () => {},
      latest: () => (pending.length ? Promise.resolve(undefined) : new Promise((resolve) => pending.push(resolve))),
      history: async () => [],
    };
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('candor-consent');
    Object.assign(el, { subject: SUBJECT, notice: noticeV1, storage: slowFirst });
    wrapper.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    el.notice = noticeV2;
    await settled(el);
    expect(el.state).to.equal('ask');
    pending[0]!(await createConsentRecord({ notice: noticeV1, subject: SUBJECT, locale: 'en', choices: {} }));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.state).to.equal('ask');
    expect(el.record).to.equal(undefined);
    expect($$(el, '[part~="purpose"]').map((p) => p.dataset['purpose'])).to.deep.equal(noticeV2.purposes.map((p) => p.id));
  });

  it('still reports a save that finishes after the notice changed, without showing it as saved for the new notice', async () => {
    let release!: () => void;
    const saved: ConsentRecord[] = [];
    const slowSave: ConsentStorage = {
      save: (r) => new Promise<void>((resolve) => (release = () => (saved.push(r), resolve()))),
      latest: async () => saved.at(-1),
      history: async () => saved,
    };
    const el = await consent({ storage: slowSave });
    const changes = collect(el, 'candor-consent-change') as CustomEvent<ConsentRecord>[];
    const decision = el.acceptAll();
    await waitUntil(() => release !== undefined);
    el.notice = noticeV2;
    await settled(el);
    release();
    const record = await decision;
    expect(changes.map((e) => e.detail)).to.deep.equal([record]);
    expect(el.state).to.equal('ask');
    expect(el.record).to.equal(undefined);
  });
});

describe('<candor-consent> saved choices', () => {
  it('survives a reload: a new element over the same localStorage shows the saved choices', async () => {
    const first = await consent();
    toggle(first, 'partner-reuse').click();
    await first.saveChoices();
    first.remove();

    const el = await consent();
    expect(el.state).to.equal('saved');
    expect(el.record).to.deep.equal(stored()[0]);
    expect($(el, '[part~="status"]')!.textContent).to.contain('Your choices are saved');
    const summary = $(el, '[part~="choices-summary"]')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('Allowed: Verify your identity and Reuse your verification at partners');
    expect(summary).to.contain('Declined: Product news');
    expect($(el, '[data-purpose="marketing"] [part~="badge"]')!.textContent).to.equal('Declined');
    button(el, 'Change my choices').click();
    await el.updateComplete;
    expect(toggle(el, 'partner-reuse').checked).to.equal(true);
    expect(toggle(el, 'marketing').checked).to.equal(false);
  });

  it('says in the saved state what the customer chose about partner reuse, not what would happen', async () => {
    const reuse = (el: CandorConsent) => $(el, '[data-purpose="partner-reuse"] [part~="reuse"]')!.textContent!.trim();
    const el = await consent();
    await el.acceptAll();
    expect(reuse(el)).to.equal('You allowed this: 2 partners can reuse your identity check without asking you again: Shield Insurance and Nest Mortgages.');
    button(el, 'Change my choices').click();
    await el.updateComplete;
    await el.rejectOptional();
    expect(reuse(el)).to.equal('You declined this: no partner reuses your identity check.');

    const ar = await consent({ lang: 'ar', notice: noticeArV1 });
    expect(reuse(ar)).to.equal('رفضت ذلك: لا يعيد أي شريك استخدام التحقق من هويتك.');
    button(ar, 'تغيير اختياراتي').click();
    await ar.updateComplete;
    await ar.acceptAll();
    expect(reuse(ar)).to.match(/^سمحت بذلك: يمكن لشريكين إعادة استخدام التحقق من هويتك/);
  });

  it('asks again when the notice version changes and lists what changed, new and removed purposes', async () => {
    const storage = new MemoryConsentStorage();
    const first = await consent({ storage });
    await first.acceptAll();
    const el = await consent({ storage, notice: noticeV2 });
    expect(el.state).to.equal('ask');
    const changes = $(el, '[part~="changes"]')!;
    const items = [...changes.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal([
      ...noticeV2.changes!,
      'New: Improve the app',
      'One purpose from your earlier choices is no longer asked for.',
    ]);
    // A removed purpose is counted, never shown by its internal id.
    expect(changes.textContent).to.not.contain('marketing');
    expect(changes.textContent).to.contain('We have updated this notice since you last chose');
    // Earlier choices that still apply are kept; the new purpose starts off.
    expect(toggle(el, 'partner-reuse').checked).to.equal(true);
    expect(toggle(el, 'analytics').checked).to.equal(false);
    const record = await el.saveChoices();
    expect(record!.notice.version).to.equal(noticeV2.version);
    expect(record!.purposesDenied).to.deep.equal(['analytics']);
  });

  it('asks again when the wording changed under the same version', async () => {
    const storage = new MemoryConsentStorage();
    await (await consent({ storage })).acceptAll();
    const edited = copy(noticeV1);
    edited.purposes[1]!.why = 'So partners can offer you products.';
    const el = await consent({ storage, notice: edited });
    expect(el.state).to.equal('ask');
    expect($(el, '[part~="changes"]')).to.not.equal(null);
  });

  it('does not ask again when the customer switches language: the Arabic translation of the same version shows the saved choices', async () => {
    const first = await consent({ lang: 'en' });
    toggle(first, 'partner-reuse').click();
    const english = await first.saveChoices();
    first.remove();

    const el = await consent({ lang: 'ar', notice: noticeArV1 });
    expect(el.state).to.equal('saved');
    expect(el.record).to.deep.equal(english);
    expect($(el, '[part~="changes"]')).to.equal(null);
    expect($(el, '[data-purpose="partner-reuse"] [part~="badge"]')!.textContent).to.equal('مسموح');
    expect($(el, '[data-purpose="marketing"] [part~="badge"]')!.textContent).to.equal('مرفوض');
    // Withdrawing in Arabic withdraws the English decision: one history, in order.
    const withdrawal = await el.withdraw();
    expect(withdrawal!.previousRecordId).to.equal(english!.recordId);
    expect(withdrawal!.locale).to.equal('ar');
    expect(stored().map((r) => r.locale)).to.deep.equal(['en', 'ar']);
  });

  it('asks again in Arabic when the translation lets a new partner reuse the verification, and names the partner', async () => {
    const storage = new MemoryConsentStorage();
    const first = await consent({ storage });
    toggle(first, 'partner-reuse').click();
    await first.saveChoices();
    const wider = copy(noticeArV1);
    wider.purposes[1]!.recipients.push({ name: 'شريك جديد', role: 'partner', reusesVerification: true, audience: 'https://new-partner.example' });
    const el = await consent({ storage, lang: 'ar', notice: wider });
    expect(el.state).to.equal('ask');
    const items = [...$(el, '[part~="changes"]')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal(['جديد: سيعيد شريك جديد استخدام التحقق من هويتك']);
  });

  it('asks again, naming the purpose, when a declined purpose becomes required', async () => {
    const storage = new MemoryConsentStorage();
    await (await consent({ storage })).rejectOptional();
    const v2 = { ...copy(noticeV1), version: '2027-01-01' };
    v2.purposes[2]!.required = true;
    const el = await consent({ storage, notice: v2 });
    expect(el.state).to.equal('ask');
    const items = [...$(el, '[part~="changes"]')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal([`Now required: ${v2.purposes[2]!.title}`]);
  });
});

describe('<candor-consent> withdrawal', () => {
  it('withdraws as its own action, event and record, stored before the event', async () => {
    const el = await consent();
    const decision = await el.acceptAll();
    const seen = collect(el, 'candor-before-consent-withdraw', 'candor-consent-withdraw', 'candor-consent-change');
    let inListener: ConsentRecord[] | undefined;
    el.addEventListener('candor-consent-withdraw', () => (inListener = stored()));
    button(el, 'Withdraw consent').click();
    await waitUntil(() => seen.length === 2);
    const withdrawal = (seen[1] as Event & { detail: ConsentRecord }).detail;
    expect(seen.map((e) => e.type)).to.deep.equal(['candor-before-consent-withdraw', 'candor-consent-withdraw']);
    expect(withdrawal.event).to.equal('withdrawal');
    expect(withdrawal.previousRecordId).to.equal(decision!.recordId);
    expect(withdrawal.purposesDenied).to.deep.equal(['partner-reuse', 'marketing']);
    expect(inListener!.at(-1)).to.deep.equal(withdrawal);
    await waitUntil(() => live(el) === 'Your consent has been withdrawn.');
    expect($(el, '[part~="status"]')!.textContent).to.contain('You withdrew your consent');
    // Nothing optional left to withdraw.
    expect($$(el, 'button').map((b) => b.textContent!.trim())).to.not.include('Withdraw consent');
  });

  it('lets the host veto a withdrawal: nothing is stored', async () => {
    const el = await consent();
    await el.acceptAll();
    el.addEventListener('candor-before-consent-withdraw', (e) => e.preventDefault());
    const withdrawn = collect(el, 'candor-consent-withdraw');
    expect(await el.withdraw()).to.equal(undefined);
    expect(withdrawn).to.have.length(0);
    expect(stored()).to.have.length(1);
    expect(el.record!.event).to.equal('decision');
  });

  it('shows the withdrawn state after a reload', async () => {
    const first = await consent();
    await first.acceptAll();
    await first.withdraw();
    first.remove();
    const el = await consent();
    expect(el.state).to.equal('saved');
    expect(el.record!.event).to.equal('withdrawal');
    expect($(el, '[part~="status"]')!.textContent).to.contain('You withdrew your consent');
  });
});

describe('<candor-consent> receipt', () => {
  it('downloads a JSON receipt holding the stored record, the notice and its canonical text', async () => {
    const el = await consent();
    const record = await el.acceptAll();
    const blobs: Blob[] = [];
    const clicks: { download: string; href: string }[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:candor-test';
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href });
    };
    try {
      button(el, 'Download receipt').click();
      await waitUntil(() => clicks.length === 1);
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicks[0]).to.deep.equal({ download: `consent-receipt-${record!.timestamp.slice(0, 10)}-${record!.recordId.slice(0, 8)}.json`, href: 'blob:candor-test' });
    expect(blobs[0]!.type).to.equal('application/json');
    const receipt = JSON.parse(await blobs[0]!.text());
    expect(receipt.type).to.equal('candor-consent-receipt');
    expect(receipt.record).to.deep.equal(stored()[0]);
    expect(receipt.notice).to.deep.equal(noticeV1);
    expect(receipt.noticeText).to.equal(noticeText(noticeV1));
    expect(receipt.summary).to.include('Allowed: Verify your identity, Reuse your verification at partners, Product news');
  });

  it('writes the receipt summary in the component\'s language', async () => {
    const el = await consent({ lang: 'ar' });
    await el.rejectOptional();
    const file = await el.receipt();
    expect(file!.receipt.summary[0]).to.equal('إيصال الموافقة');
    expect(file!.receipt.summary).to.include('مرفوض: Reuse your verification at partners, Product news');
  });
});

describe('<candor-consent> invalid input and failing storage', () => {
  it('shows a fallback and fires candor-error naming the field for an invalid notice, without throwing', async () => {
    const bad = copy(noticeV1) as unknown as Record<string, unknown>;
    (bad['purposes'] as { legalBasis: string }[])[1]!.legalBasis = 'because';
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('candor-consent');
    const errors = collect(wrapper, 'candor-error') as CandorErrorEvent[];
    el.subject = SUBJECT;
    el.notice = bad;
    wrapper.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    expect($(el, '[part~="fallback"]')!.textContent).to.equal("We can't show your privacy choices right now.");
    expect($$(el, 'input, button')).to.have.length(0);
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.component).to.equal('candor-consent');
    expect(errors[0]!.detail.property).to.equal('notice');
    expect(errors[0]!.detail.issues[0]!.path).to.equal('purposes.1.legalBasis');
  });

  for (const [what, value] of [
    ['null', null],
    ['a string', '<b>notice</b>'],
    ['an empty object', {}],
  ] as const) {
    it(`falls back for a notice that is ${what}`, async () => {
      const el = await consent({ notice: value });
      expect(el.state).to.equal('invalid');
      expect($(el, '[part~="fallback"]')).to.not.equal(null);
    });
  }

  it('falls back and fires candor-error when the subject is missing', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const errors = collect(wrapper, 'candor-error') as CandorErrorEvent[];
    const el = document.createElement('candor-consent');
    el.notice = noticeV1;
    wrapper.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    expect(errors.map((e) => e.detail.property)).to.deep.equal(['subject']);
  });

  it('recovers when a valid notice arrives later', async () => {
    const el = await consent({ notice: { version: 1 } });
    expect(el.state).to.equal('invalid');
    el.notice = noticeV1;
    await el.updateComplete; // the new notice is validated and its load starts
    await settled(el);
    expect(el.state).to.equal('ask');
  });

  it('still asks, with a message and candor-error, when storage cannot be read', async () => {
    const failing: ConsentStorage = {
      save: async () => {},
      latest: async () => {
        throw new CandorError('storage_unavailable', 'disk on fire');
      },
      history: async () => [],
    };
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const errors = collect(wrapper, 'candor-error') as CandorErrorEvent[];
    const el = document.createElement('candor-consent');
    Object.assign(el, { subject: SUBJECT, notice: noticeV1, storage: failing });
    wrapper.append(el);
    await settled(el);
    expect(el.state).to.equal('ask');
    expect($(el, '[part~="problem"]')!.textContent).to.equal("We couldn't read your saved choices on this device. You can still choose now.");
    expect(errors.map((e) => e.detail.property)).to.deep.equal(['storage']);
    expect(errors[0]!.detail.message).to.contain('storage_unavailable');
  });

  it('fires no change event and says so when saving fails (quota full)', async () => {
    const failing: ConsentStorage = {
      save: async () => {
        throw new CandorError('storage_quota_exceeded', 'full');
      },
      latest: async () => undefined,
      history: async () => [],
    };
    const el = await consent({ storage: failing });
    const seen = collect(el, 'candor-consent-change', 'candor-error');
    expect(await el.acceptAll()).to.equal(undefined);
    await el.updateComplete;
    expect(seen.map((e) => e.type)).to.deep.equal(['candor-error']);
    expect(el.state).to.equal('ask');
    expect($(el, '[part~="problem"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part~="problem"]')!.textContent).to.equal("This device has no storage space left, so your choices couldn't be saved.");
  });
});

describe('<candor-consent> unreadable stored choices', () => {
  const asideKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(`${KEY}${UNREADABLE_KEY_INFIX}`));
  const decision = (choices: Record<string, boolean>, previousRecordId?: string) =>
    createConsentRecord({ notice: noticeV1, subject: SUBJECT, locale: 'en', choices, ...(previousRecordId ? { previousRecordId } : {}) });

  for (const [what, original] of [
    ['a cut-off entry after valid records', async () => {
      const a = await decision({});
      const b = await decision({ 'partner-reuse': true }, a.recordId);
      return { text: JSON.stringify([a, b, await decision({})]).slice(0, -30), readable: [a, b] };
    }],
    ['JSON that is not an array', async () => ({ text: '{"not": "a list"}', readable: [] })],
    ['junk', async () => ({ text: '\u0000<script>alert(1)</script>', readable: [] })],
  ] as const) {
    it(`with ${what}: tells the customer, fires candor-error, keeps the readable records and sets the rest aside`, async () => {
      const { text, readable } = await original();
      localStorage.setItem(KEY, text);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      const errors = collect(wrapper, 'candor-error') as CandorErrorEvent[];
      const el = document.createElement('candor-consent');
      Object.assign(el, { subject: SUBJECT, notice: noticeV1 });
      wrapper.append(el);
      await settled(el);

      expect(errors.map((e) => e.detail.property)).to.deep.equal(['storage']);
      expect(errors[0]!.detail.message).to.contain(asideKeys()[0]);
      expect($(el, '[part~="unreadable"]')!.textContent).to.equal(
        "Some of your earlier choices saved on this device couldn't be read. Nothing was deleted. What we could read is shown below.",
      );
      expect(asideKeys().map((k) => localStorage.getItem(k))).to.deep.equal([text]);
      expect(el.record).to.deep.equal(readable.at(-1));
      expect(el.state).to.equal(readable.length ? 'saved' : 'ask');

      if (el.state === 'saved') {
        button(el, 'Change my choices').click();
        await el.updateComplete;
      }
      const next = await el.rejectOptional();
      expect(stored()).to.deep.equal([...readable, next]);
      expect(next!.previousRecordId).to.equal(readable.at(-1)?.recordId);
      expect(asideKeys().map((k) => localStorage.getItem(k))).to.deep.equal([text]);
      expect($(el, '[part~="unreadable"]')).to.equal(null);
    });
  }

  it("uses any storage's read() report, and still shows the notice when the report cannot even be printed", async () => {
    const hostile = { toString: () => { throw new Error('no'); } };
    const storage: ConsentStorage = {
      save: async () => {},
      latest: async () => undefined,
      history: async () => [],
      read: async () => ({ records: [], unreadable: { key: 'k', readable: 0, message: hostile as unknown as string } }),
    };
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const errors = collect(wrapper, 'candor-error') as CandorErrorEvent[];
    const el = document.createElement('candor-consent');
    Object.assign(el, { subject: SUBJECT, notice: noticeV1, storage });
    wrapper.append(el);
    await settled(el);
    expect(el.state).to.equal('ask');
    expect($(el, '[part~="unreadable"]')).to.not.equal(null);
    expect(errors.map((e) => e.detail.property)).to.deep.equal(['storage']);
  });

  it('says so in Arabic', async () => {
    localStorage.setItem(KEY, 'junk');
    const el = await consent({ lang: 'ar' });
    expect($(el, '[part~="unreadable"]')!.textContent).to.equal('تعذّرت قراءة بعض اختياراتك السابقة المحفوظة على هذا الجهاز. لم يُحذف أي شيء. نعرض أدناه ما أمكننا قراءته.');
  });

  it('survives a reload without losing anything, and does not set the same data aside twice', async () => {
    const a = await decision({});
    localStorage.setItem(KEY, `[${JSON.stringify(a)}, {"cut`);
    (await consent()).remove();
    const el = await consent();
    expect(el.record).to.deep.equal(a);
    expect($(el, '[part~="unreadable"]')).to.equal(null);
    expect(asideKeys()).to.have.length(1);
  });

  it('leaves the original in place when the quota is full while setting it aside, and saves nothing over it', async () => {
    const a = await decision({});
    const text = `[${JSON.stringify(a)}, {"cut`;
    localStorage.setItem(KEY, text);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await consent();
      expect($(el, '[part~="unreadable"]')).to.not.equal(null);
      expect(el.record).to.deep.equal(a);
      button(el, 'Change my choices').click();
      await el.updateComplete;
      const errors = collect(el, 'candor-error');
      expect(await el.acceptAll()).to.equal(undefined);
      expect(errors).to.have.length(1);
      expect($$(el, '[part~="problem"]').map((p) => p.textContent)).to.include("This device has no storage space left, so your choices couldn't be saved.");
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(localStorage.getItem(KEY)).to.equal(text);
    expect(asideKeys()).to.deep.equal([]);
  });
});

describe('<candor-consent> hostile text', () => {
  const payloads = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '"><svg onload=window.__pwned=1>'];

  it('renders script and markup payloads in every text field as inert text', async () => {
    const hostile = copy(noticeV1) as ConsentNotice;
    let i = 0;
    const p = () => payloads[i++ % payloads.length]!;
    hostile.controller.name = p();
    hostile.summary = p();
    hostile.changes = [p()];
    for (const purpose of hostile.purposes) {
      purpose.title = p();
      purpose.why = p();
      purpose.dataCategories = [p(), p()];
      purpose.retention = p();
      // An audience holds no spaces or parentheses, so its payload is written without them.
      purpose.recipients = [{ name: p(), role: 'partner', reusesVerification: true, audience: '<img/src=x/onerror=window.__pwned=1>' }];
    }
    const el = await consent({ notice: hostile });
    await el.acceptAll();
    button(el, 'Change my choices').click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('img, script, svg')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, '[part~="summary"]')!.textContent).to.equal(hostile.summary);
    for (const payload of [...payloads, '<img/src=x/onerror=window.__pwned=1>']) expect(textOf(el)).to.contain(payload);
  });
});

describe('<candor-consent> hostile links', () => {
  it('refuses a javascript: policy link: fallback, no link rendered', async () => {
    const el = await consent({ notice: { ...copy(noticeV1), policyUrl: 'javascript:alert(1)' } });
    expect(el.state).to.equal('invalid');
    expect(root(el).querySelector('a')).to.equal(null);
  });

  it('renders an https policy link that opens safely in a new tab', async () => {
    const el = await consent();
    const a = $<HTMLAnchorElement>(el, '[part~="policy"]')!;
    expect(a.href).to.equal('https://acme.example/privacy');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(a.textContent).to.equal('Read the full privacy policy');
  });
});

describe('<candor-consent> keyboard', () => {
  it('works with the keyboard only: Tab to a switch, Space toggles, Enter saves', async () => {
    const el = await consent();
    (el.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
    // The required switch is disabled, so the first stop inside is the partner-reuse switch.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('purpose-partner-reuse');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle(el, 'partner-reuse').checked).to.equal(true);
    // Tab past the purpose's details disclosure, the next switch and its details, to the buttons.
    for (let i = 0; i < 12 && focused(el)?.textContent?.trim() !== 'Save my choices'; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Save my choices');
    const changes = collect(el, 'candor-consent-change');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => changes.length === 1);
    expect(el.record!.purposesGranted).to.deep.equal(['identity', 'partner-reuse']);
  });

  it('opens a purpose\'s details with Enter', async () => {
    const el = await consent();
    const summary = $(el, '[data-purpose="partner-reuse"] summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(($(el, '[data-purpose="partner-reuse"] details') as HTMLDetailsElement).open).to.equal(true);
  });
});

describe('<candor-consent> accessibility, language and direction', () => {
  it('passes axe in English, first visit and saved', async () => {
    const el = await consent();
    await expect(el).to.be.accessible();
    await el.acceptAll();
    await expect(el).to.be.accessible();
  });

  it('passes axe in Arabic', async () => {
    const el = await consent({ lang: 'ar' });
    await expect(el).to.be.accessible();
    await el.acceptAll();
    await expect(el).to.be.accessible();
  });

  it('passes axe in dark mode with the notice-changed message', async () => {
    const storage = new MemoryConsentStorage();
    await (await consent({ storage })).acceptAll();
    const el = await consent({ storage, notice: noticeV2, theme: 'dark' });
    expect($(el, '[part~="base"]')!.dataset['theme']).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('follows the system dark preference when no theme is set, and stays axe-clean', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await consent({ theme: '' });
      const base = $(el, '[part~="base"]')!;
      expect(base.dataset['theme']).to.equal('system');
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(21, 24, 29)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('does not animate the switches under reduced motion', async () => {
    const el = await consent();
    expect(getComputedStyle(toggle(el, 'marketing')).transitionDuration).to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(toggle(el, 'marketing')).transitionDuration).to.match(/^0s(, 0s)*$/);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('translates every string, ARIA included, into Arabic', async () => {
    const el = await consent({ lang: 'ar' });
    expect($(el, '[part~="title"]')!.textContent).to.equal('خياراتك بشأن الخصوصية');
    expect($$(el, 'button').map((b) => b.textContent!.trim())).to.deep.equal(['قبول الكل', 'رفض الاختياري', 'حفظ اختياراتي']);
    expect($(el, '[data-purpose="identity"] [part~="badge"]')!.textContent).to.equal('مفعّل دائمًا');
    expect($(el, '[data-purpose="partner-reuse"] [part~="reuse"]')!.textContent).to.contain('يمكن لشريكين');
    expect($(el, '[data-purpose="identity"] summary')!.textContent).to.contain('التفاصيل');
    await el.rejectOptional();
    await waitUntil(() => live(el) === 'تم حفظ اختياراتك.');
    expect(el.record!.locale).to.equal('ar');
  });

  it('mirrors in Arabic: rtl direction, the switch sits to the right of its label', async () => {
    const ar = await consent({ lang: 'ar' });
    expect(getComputedStyle($(ar, '[part~="base"]')!).direction).to.equal('rtl');
    const arSwitch = toggle(ar, 'marketing').getBoundingClientRect();
    const arLabel = $(ar, 'label[for="purpose-marketing"]')!.getBoundingClientRect();
    expect(arSwitch.left).to.be.greaterThan(arLabel.right - 1);

    const en = await consent({ lang: 'en' });
    expect(getComputedStyle($(en, '[part~="base"]')!).direction).to.equal('ltr');
    const enSwitch = toggle(en, 'marketing').getBoundingClientRect();
    const enLabel = $(en, 'label[for="purpose-marketing"]')!.getBoundingClientRect();
    expect(enSwitch.right).to.be.lessThan(enLabel.left + 1);
  });
});
