// What <candor-consent> derives from the notice, the latest record and the switches (pure
// functions of consent.logic.ts), the load it runs against a storage, and its receipt headings.
import { expect } from 'chai';
import {
  compareWithNotice,
  createConsentRecord,
  createWithdrawalRecord,
  DEFAULT_RECEIPT_LABELS,
  MemoryConsentStorage,
  type ConsentStorage,
} from '@candor/core/consent';
import { CandorError } from '@candor/core/errors';
import type { ConsentRecord } from '@candor/core/models';
import { changeItems, initialChoices, loadSaved, purposeItems, savedSummary } from '../../packages/elements/src/consent/consent.logic.js';
import { consentMessages, receiptLabels } from '../../packages/elements/src/consent/consent.messages.js';
import { consentAr } from '../../packages/elements/src/consent/consent.messages.ar.js';
import { copy, noticeV1, noticeV2 } from '../support/consent-notice.js';

const SUBJECT = 'cust_7f3a';
const decide = (choices: Record<string, boolean>, notice = noticeV1) => createConsentRecord({ notice, subject: SUBJECT, locale: 'en', choices });

describe('<candor-consent> logic: initial choices', () => {
  it('switches on the required purposes only on a first visit: nothing optional is assumed', () => {
    expect(initialChoices(noticeV1, undefined)).to.deep.equal({ identity: true, 'partner-reuse': false, marketing: false });
  });

  it('restores the optional choices of the latest record', async () => {
    expect(initialChoices(noticeV1, await decide({ marketing: true }))).to.deep.equal({ identity: true, 'partner-reuse': false, marketing: true });
  });

  it('keeps a purpose that became required on, whatever the record said', async () => {
    const record = await decide({});
    const stricter = copy(noticeV1);
    stricter.purposes[2]!.required = true;
    expect(initialChoices(stricter, record)['marketing']).to.equal(true);
  });
});

describe('<candor-consent> logic: purposes shown', () => {
  it('shows required purposes on whatever the switches say, and names who reuses the verification', () => {
    const items = purposeItems(noticeV1, { identity: false, 'partner-reuse': true });
    expect(items.map((i) => [i.purpose.id, i.on])).to.deep.equal([
      ['identity', true],
      ['partner-reuse', true],
      ['marketing', false],
    ]);
    expect(items[1]!.reusers.map((r) => r.name)).to.deep.equal(['Shield Insurance', 'Nest Mortgages']);
    expect(items[0]!.reusers).to.deep.equal([]);
  });
});

describe('<candor-consent> logic: what changed', () => {
  it('lists nothing when the customer is not asked again', async () => {
    const record = await decide({});
    expect(changeItems(noticeV1, await compareWithNotice(record, noticeV1))).to.deep.equal([]);
    expect(changeItems(noticeV1, undefined)).to.deep.equal([]);
  });

  it("lists the notice's own changes, then new purposes by title, then removed purposes by count only", async () => {
    const record = await decide({ marketing: true });
    expect(changeItems(noticeV2, await compareWithNotice(record, noticeV2))).to.deep.equal([
      ...noticeV2.changes!.map((text) => ({ text })),
      { message: 'newPurpose', params: { title: 'Improve the app' } },
      { message: 'removedPurposes', params: { count: 1 } },
    ]);
  });

  it('names a purpose that became required, and a new partner reusing the verification by its name', async () => {
    const record = await decide({ 'partner-reuse': true });
    const next = { ...copy(noticeV1), version: '2027-01-01' };
    next.purposes[2]!.required = true;
    next.purposes[1]!.recipients.push({ name: 'New Partner', role: 'partner', reusesVerification: true, audience: 'https://new.example' });
    expect(changeItems(next, await compareWithNotice(record, next))).to.deep.equal([
      { message: 'nowRequired', params: { title: 'Product news' } },
      { message: 'newReuse', params: { recipient: 'New Partner' } },
    ]);
  });
});

describe('<candor-consent> logic: saved summary', () => {
  it('names what is allowed and declined by title, and offers withdrawal only while something optional is allowed', async () => {
    const record = await decide({ 'partner-reuse': true });
    expect(savedSummary(noticeV1, record)).to.deep.equal({
      allowed: ['Verify your identity', 'Reuse your verification at partners'],
      declined: ['Product news'],
      canWithdraw: true,
    });
    const withdrawal = await createWithdrawalRecord({ notice: noticeV1, subject: SUBJECT, locale: 'en', previousRecordId: record.recordId });
    expect(savedSummary(noticeV1, withdrawal).canWithdraw).to.equal(false);
    expect(savedSummary(noticeV1, await decide({})).canWithdraw).to.equal(false);
  });
});

describe('<candor-consent> logic: loading from storage', () => {
  it('finds nothing on a first visit', async () => {
    expect(await loadSaved(new MemoryConsentStorage(), noticeV1, SUBJECT, 'en')).to.deep.equal({});
  });

  it('returns the latest record and how the notice shown now differs from it', async () => {
    const storage = new MemoryConsentStorage();
    await storage.save(await decide({}));
    const latest = await decide({ marketing: true });
    await storage.save(latest);
    const loaded = await loadSaved(storage, noticeV2, SUBJECT, 'en');
    expect(loaded.latest).to.deep.equal(latest);
    expect(loaded.comparison!.askAgain).to.equal(true);
  });

  it('passes on what a storage could not read, with the records it could', async () => {
    const latest = await decide({});
    const unreadable = { key: 'k', setAsideKey: 'k:unreadable:t', readable: 1, message: 'cut off' };
    const storage: ConsentStorage = {
      save: async () => {},
      latest: async () => undefined,
      history: async () => [],
      read: async () => ({ records: [latest], unreadable }),
    };
    const loaded = await loadSaved(storage, noticeV1, SUBJECT, 'en');
    expect(loaded.latest).to.deep.equal(latest);
    expect(loaded.unreadable).to.deep.equal(unreadable);
  });

  it('returns a storage failure instead of throwing, and ignores a record of another subject or one that is not a record', async () => {
    const error = new CandorError('storage_unavailable', 'disabled');
    const failing: ConsentStorage = { save: async () => {}, latest: () => Promise.reject(error), history: async () => [] };
    expect(await loadSaved(failing, noticeV1, SUBJECT, 'en')).to.deep.equal({ failure: error });
    expect(await loadSaved(undefined, noticeV1, SUBJECT, 'en')).to.have.property('failure');

    const someoneElse = await createConsentRecord({ notice: noticeV1, subject: 'other', locale: 'en', choices: {} });
    const wrong: ConsentStorage = { save: async () => {}, latest: async () => someoneElse, history: async () => [] };
    expect(await loadSaved(wrong, noticeV1, SUBJECT, 'en')).to.deep.equal({});

    const junk: ConsentStorage = { save: async () => {}, latest: async () => ({ subject: SUBJECT }) as unknown as ConsentRecord, history: async () => [] };
    const loaded = await loadSaved(junk, noticeV1, SUBJECT, 'en');
    expect(loaded.latest).to.equal(undefined);
    expect(loaded.failure).to.be.instanceOf(Error);
  });
});

describe('<candor-consent> receipt headings', () => {
  it("are core's English labels in English, and every label is translated in Arabic", () => {
    const t = (catalogue: Record<string, unknown>) => (key: string) => catalogue[key] as string;
    expect(receiptLabels(t(consentMessages.en))).to.deep.equal(DEFAULT_RECEIPT_LABELS);
    const ar = receiptLabels(t(consentAr));
    expect(Object.keys(ar)).to.deep.equal(Object.keys(DEFAULT_RECEIPT_LABELS));
    for (const [label, text] of Object.entries(ar)) {
      expect(text, label).to.be.a('string').and.not.equal(DEFAULT_RECEIPT_LABELS[label as keyof typeof DEFAULT_RECEIPT_LABELS]);
    }
  });
});
