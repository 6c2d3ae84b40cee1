// Audit of the consent records and the FAQ helpers: hostile input and interoperability cases
// that the docs promise and the code did not keep. Runs in Node (web APIs only).
import { expect } from 'chai';
import {
  compareWithNotice,
  createConsentRecord,
  createWithdrawalRecord,
  hashNotice,
  MemoryConsentStorage,
  noticeText,
  normalizeNoticeValue,
  signConsentRecord,
  verifyConsentRecord,
} from '@candor/core/consent';
import { createFaqIndex, faqJsonLd } from '@candor/core/faq';
import { isCandorError, type CandorError } from '@candor/core/errors';
import { KeySet } from '@candor/core/keys';
import { ConsentNoticeSchema, ConsentRecordSchema, type ConsentNotice, type ConsentRecord } from '@candor/core/models';
import { copy, noticeV1 } from '../support/consent-notice.js';
import { faqEntries } from '../../examples/fixtures/faq.js';

/** The CandorError `f` throws or rejects with (fails the test otherwise). */
async function failure(f: () => unknown): Promise<CandorError> {
  try {
    await f();
  } catch (e) {
    expect(isCandorError(e), `expected a CandorError, got ${String(e)}`).to.equal(true);
    return e as CandorError;
  }
  expect.fail('expected a CandorError');
}

const decide = (choices: Record<string, boolean> = {}, notice: ConsentNotice = noticeV1) =>
  createConsentRecord({ notice, subject: 'cust_7f3a', locale: 'en', choices });

describe('consent and FAQ audit', () => {
  describe('a withdrawal always names the record it withdraws', () => {
    it('is not a valid consent record without previousRecordId (schema, verifier, storage)', async () => {
      const decision = await decide({ 'partner-reuse': true });
      const withdrawal = await createWithdrawalRecord({ notice: noticeV1, subject: 'cust_7f3a', locale: 'en', previousRecordId: decision.recordId });
      expect(ConsentRecordSchema.safeParse(withdrawal).success).to.equal(true);
      const { previousRecordId: _, ...orphan } = withdrawal;
      const r = ConsentRecordSchema.safeParse(orphan);
      expect(r.success).to.equal(false);
      expect(r.error!.issues[0]!.path).to.deep.equal(['previousRecordId']);

      const keys = await KeySet.generate();
      const header = { alg: keys.active.alg, kid: keys.active.kid, typ: 'candor-consent+jwt' };
      const { CompactSign } = await import('jose');
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(orphan))).setProtectedHeader(header).sign(keys.active.privateKey!);
      expect((await failure(() => verifyConsentRecord(jws, keys.publicJwks()))).code).to.equal('invalid_claims');
      expect((await failure(() => new MemoryConsentStorage().save(orphan as ConsentRecord))).code).to.equal('invalid_consent');
      expect((await failure(() => signConsentRecord(orphan as ConsentRecord, keys))).message).to.include('previousRecordId');
    });

    it('refuses a record that follows itself', async () => {
      const decision = await decide();
      const r = ConsentRecordSchema.safeParse({ ...decision, previousRecordId: decision.recordId });
      expect(r.success).to.equal(false);
      expect(r.error!.issues[0]!.path).to.deep.equal(['previousRecordId']);
      expect((await failure(() => new MemoryConsentStorage().save({ ...decision, previousRecordId: decision.recordId }))).code).to.equal('invalid_consent');
    });
  });

  describe('a purpose is granted or denied, once', () => {
    it('refuses a record that grants and denies one purpose, or lists one twice', async () => {
      const decision = await decide({ 'partner-reuse': true, marketing: false });
      expect(ConsentRecordSchema.safeParse(decision).success).to.equal(true);
      for (const bad of [
        { ...decision, purposesDenied: [...decision.purposesDenied, 'partner-reuse'] },
        { ...decision, purposesGranted: [...decision.purposesGranted, decision.purposesGranted[0]!] },
        { ...decision, purposesDenied: ['marketing', 'marketing'] },
      ]) {
        const r = ConsentRecordSchema.safeParse(bad);
        expect(r.success, JSON.stringify([bad.purposesGranted, bad.purposesDenied])).to.equal(false);
        expect(r.error!.issues[0]!.message).to.equal('must list each purpose once, in purposesGranted or purposesDenied');
      }
      const keys = await KeySet.generate();
      expect((await failure(() => signConsentRecord({ ...decision, purposesDenied: ['marketing', 'partner-reuse'] }, keys))).message).to.include('purposesDenied');
    });
  });

  describe('the notice hash other languages recompute', () => {
    it('refuses a notice with a lone surrogate, which has no UTF-8 form (it hashed the same as U+FFFD)', async () => {
      const broken = copy(noticeV1);
      broken.summary = 'We check your identity \uD800 once.';
      const e = await failure(() => hashNotice(broken));
      expect(e.code).to.equal('invalid_consent');
      expect(e.message).to.include('lone surrogate');
      expect((await failure(() => noticeText(broken))).code).to.equal('invalid_consent');
      expect((await failure(() => decide({}, broken))).code).to.equal('invalid_consent');
      expect(ConsentNoticeSchema.safeParse(broken).success).to.equal(false);
      const replaced = copy(noticeV1);
      replaced.summary = 'We check your identity \uFFFD once.';
      expect(await hashNotice(replaced)).to.match(/^sha256:[0-9a-f]{64}$/);
    });

    it('refuses a record with a lone surrogate: its signed JSON would read differently in other languages', async () => {
      const record = await decide();
      expect(ConsentRecordSchema.safeParse({ ...record, subject: 'cust\uDC00' }).success).to.equal(false);
      expect((await failure(() => createConsentRecord({ notice: noticeV1, subject: 'cust\uDC00', locale: 'en', choices: {} }))).code).to.equal('invalid_consent');
    });

    it('collapses exactly the white space docs/consent-records.md lists (JavaScript \\s), and nothing else', () => {
      const listed = '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
      for (const ch of listed) expect(normalizeNoticeValue(`a${ch}${ch}b`), `U+${ch.charCodeAt(0).toString(16)}`).to.equal('a b');
      for (const ch of '\u0085\u001c\u001d\u001e\u001f\u200b') expect(normalizeNoticeValue(`a${ch}b`)).to.equal(`a${ch}b`);
    });
  });

  describe('one canonical text, one notice', () => {
    it('refuses an audience that would let two different notices read (and hash) the same', async () => {
      // Recipient "Shield (partner; reuses verification as X)" as a controller, against recipient
      // "Shield" as a partner reusing the verification as "X) (controller": the same canonical line.
      const a = copy(noticeV1);
      a.purposes[1]!.recipients[0] = { name: 'Shield (partner; reuses verification as X)', role: 'controller' };
      const b = copy(noticeV1);
      b.purposes[1]!.recipients[0] = { name: 'Shield', role: 'partner', reusesVerification: true, audience: 'X) (controller' };
      expect(await hashNotice(a)).to.match(/^sha256:/);
      const e = await failure(() => hashNotice(b));
      expect(e.code).to.equal('invalid_consent');
      expect(e.message).to.include('audience must be an audience with no spaces, parentheses or hidden characters');
      for (const audience of [' https://insure.example', 'https://insure.example\n', 'insure example', 'https://insure.example/\u200B']) {
        const c = copy(noticeV1);
        c.purposes[1]!.recipients[0]!.audience = audience;
        expect(ConsentNoticeSchema.safeParse(c).success, JSON.stringify(audience)).to.equal(false);
      }
      expect(ConsentNoticeSchema.safeParse(noticeV1).success).to.equal(true);
    });
  });

  describe('wrong types', () => {
    it('says what type was given instead of "got nothing"', async () => {
      const notice = { ...copy(noticeV1), summary: 5 } as unknown as ConsentNotice;
      expect((await failure(() => hashNotice(notice))).message).to.include('summary expected string, got number');
      const method = await failure(() => createConsentRecord({ notice: noticeV1, subject: 'c', locale: 'en', choices: {}, collectionMethod: 5 as unknown as string }));
      expect(method.message).to.include('collectionMethod expected string, got number');
      const entries = [{ ...faqEntries[0]!, question: 5 }] as unknown as typeof faqEntries;
      expect((await failure(() => createFaqIndex(entries))).message).to.include('0.question expected string, got number');
      expect((await failure(() => faqJsonLd({} as unknown as typeof faqEntries))).message).to.include('(root) expected array, got an object');
      // A field that is really missing still says so.
      const { summary: _, ...noSummary } = copy(noticeV1);
      expect((await failure(() => hashNotice(noSummary as ConsentNotice))).message).to.include('summary expected string, got nothing');
    });

    it('compareWithNotice refuses a stored value that is not a consent record as invalid_consent', async () => {
      for (const junk of [undefined, null, {}, { notice: { version: '2026-11-01' } }, 'record']) {
        const e = await failure(() => compareWithNotice(junk as unknown as ConsentRecord, noticeV1));
        expect(e.code).to.equal('invalid_consent');
      }
    });

    it('compareWithNotice takes null options as no options', async () => {
      const record = await decide();
      expect(await compareWithNotice(record, noticeV1, null as never)).to.deep.equal(await compareWithNotice(record, noticeV1));
    });

    it('refuses choices that are not a plain object instead of recording every optional purpose as declined', async () => {
      for (const choices of [new Map([['marketing', true]]), new Date(), new Set(['marketing'])]) {
        const e = await failure(() => createConsentRecord({ notice: noticeV1, subject: 'c', locale: 'en', choices: choices as unknown as Record<string, boolean> }));
        expect(e.code).to.equal('invalid_consent');
        expect(e.message).to.include('`choices`');
      }
      expect((await decide(Object.assign(Object.create(null), { marketing: true }))).purposesGranted).to.include('marketing');
    });
  });
});

describe('FAQ search: wrong types are invalid_options naming them, never a TypeError', () => {
  const cases: [string, () => unknown, string][] = [
    ['options null', () => createFaqIndex(faqEntries, null as never), 'options'],
    ['options a string', () => createFaqIndex(faqEntries, 'ar' as never), 'options'],
    ['locale a number', () => createFaqIndex(faqEntries, { locale: 5 as never }), 'locale'],
    ['locale not a tag', () => createFaqIndex(faqEntries, { locale: 'arabic please' }), 'locale'],
    ['query a number', () => createFaqIndex(faqEntries).search(5 as never), 'query'],
    ['search options null', () => createFaqIndex(faqEntries).search('card', null as never), 'options'],
    ['limit a string', () => createFaqIndex(faqEntries).search('card', { limit: '5' as never }), 'limit'],
    ['category a number', () => createFaqIndex(faqEntries).search('card', { category: 3 as never }), 'category'],
  ];
  for (const [what, call, field] of cases) {
    it(what, async () => {
      const e = await failure(call);
      expect(e.code).to.equal('invalid_options');
      expect(e.field).to.equal(field);
      expect(e.message.startsWith(`${field} must be`)).to.equal(true);
    });
  }

  it('still searches as before with good input', () => {
    const index = createFaqIndex(faqEntries, { locale: 'en' });
    expect(index.size).to.be.greaterThan(0);
    expect(index.search('card', { limit: 2 }).length).to.be.within(1, 2);
  });
});
