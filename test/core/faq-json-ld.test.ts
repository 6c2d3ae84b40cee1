// faqJsonLd and faqJsonLdScript (@candor/core/faq): schema.org FAQPage structured data for pages
// rendered on a server, and the text that is safe inside <script type="application/ld+json">.
import { expect } from 'chai';
import { answerText, faqJsonLd, faqJsonLdScript } from '@candor/core/faq';
import { isCandorError, type CandorError } from '@candor/core/errors';
import type { FaqEntry } from '@candor/core/models';
import { faqEntries, faqEntriesAr } from '../../examples/fixtures/faq.js';

function refusal(fn: () => unknown): CandorError {
  try {
    fn();
  } catch (e) {
    if (isCandorError(e)) return e;
    throw e;
  }
  throw new Error('expected a CandorError');
}

/** Checks `data` against the FAQPage structure: the types, the required properties and nothing else. */
function expectFaqPage(data: unknown, count: number): void {
  const page = data as Record<string, unknown>;
  expect(page['@context']).to.equal('https://schema.org');
  expect(page['@type']).to.equal('FAQPage');
  expect(Object.keys(page)).to.have.members(['@context', '@type', 'dateModified', 'mainEntity', ...('url' in page ? ['url'] : [])]);
  const questions = page.mainEntity as Array<Record<string, unknown>>;
  expect(questions).to.be.an('array').with.lengthOf(count);
  for (const q of questions) {
    expect(q['@type']).to.equal('Question');
    expect(q.name).to.be.a('string').that.is.not.empty;
    expect(q.inLanguage).to.match(/^[a-z]{2,3}(-|$)/);
    expect(Number.isFinite(Date.parse(q.dateModified as string))).to.equal(true);
    const answer = q.acceptedAnswer as Record<string, unknown>;
    expect(Object.keys(answer)).to.have.members(['@type', 'text']);
    expect(answer['@type']).to.equal('Answer');
    expect(answer.text).to.be.a('string').that.is.not.empty;
    expect(answer.text).not.to.match(/<[a-z]/i);
  }
}

const entry = (): FaqEntry => structuredClone(faqEntries[1]!);

describe('faqJsonLd', () => {
  it('writes an FAQPage with one Question and accepted Answer per entry, in their order', () => {
    const data = faqJsonLd(faqEntries);
    expectFaqPage(data, faqEntries.length);
    expect(data.mainEntity.map((q) => q.name)).to.deep.equal(faqEntries.map((e) => e.question));
    expect(data.mainEntity[0]).to.deep.equal({
      '@type': 'Question',
      name: 'Why was my card payment declined?',
      inLanguage: 'en',
      dateModified: '2026-11-23T10:42:00Z',
      acceptedAnswer: { '@type': 'Answer', text: answerText(faqEntries[0]!.answer) },
    });
  });

  it('gives the answer as plain text: paragraphs, numbered steps, then links as "label: url"', () => {
    expect(answerText(entry().answer)).to.equal(
      [
        'You can order a replacement card in the app. It arrives in 3 to 5 working days, and your old card stops working when you activate the new one.',
        '1. Open the app and go to Cards.\n2. Choose Replace card and give the reason.\n3. Confirm your address.',
        'Replace a card: https://bank.example/cards/replace',
      ].join('\n\n'),
    );
    expect(answerText({ paragraphs: ['One.', 'Two.'] })).to.equal('One.\n\nTwo.');
  });

  it('keeps each question’s language (Arabic included) and dates the page by its latest entry', () => {
    const data = faqJsonLd([...faqEntriesAr.slice(0, 2), { ...entry(), id: 'en-new-card' }]);
    expectFaqPage(data, 3);
    expect(data.mainEntity.map((q) => q.inLanguage)).to.deep.equal(['ar', 'ar', 'en']);
    expect(data.mainEntity[0]!.name).to.equal(faqEntriesAr[0]!.question);
    expect(data.dateModified).to.equal('2026-11-23T10:42:00Z');
    const offsets = faqJsonLd([{ ...entry(), id: 'a', updatedAt: '2026-11-23T12:00:00+03:00' }, { ...entry(), id: 'b', updatedAt: '2026-11-23T09:30:00Z' }]);
    expect(offsets.dateModified).to.equal('2026-11-23T09:30:00Z');
  });

  it('with the page url, links each question to its #faq-<id> deep link', () => {
    const data = faqJsonLd(faqEntries.slice(0, 2), { url: 'https://bank.example/help?lang=en#top' });
    expectFaqPage(data, 2);
    expect(data.url).to.equal('https://bank.example/help?lang=en');
    expect(data.mainEntity.map((q) => q.url)).to.deep.equal(['https://bank.example/help?lang=en#faq-card-declined', 'https://bank.example/help?lang=en#faq-new-card']);
    for (const url of ['http://bank.example/help', 'javascript:alert(1)', 'help']) {
      const e = refusal(() => faqJsonLd(faqEntries, { url }));
      expect([e.code, e.field], url).to.deep.equal(['invalid_options', 'url']);
    }
  });

  it('refuses entries that fail FaqEntriesSchema, or none at all, with invalid_faq naming the path', () => {
    const bad = entry();
    bad.answer.links![0]!.url = 'javascript:alert(1)';
    const e = refusal(() => faqJsonLd([faqEntries[0]!, bad]));
    expect([e.code, e.field]).to.deep.equal(['invalid_faq', '1.answer.links.0.url']);
    expect(e.message).to.match(/^The FAQ entries are not valid: 1\.answer\.links\.0\.url must be an https URL/);
    expect(refusal(() => faqJsonLd([entry(), entry()])).message).to.contain('must not repeat an entry id');
    expect(refusal(() => faqJsonLd([])).code).to.equal('invalid_faq');
    expect(refusal(() => faqJsonLd('entries' as unknown as FaqEntry[])).code).to.equal('invalid_faq');
  });
});

describe('faqJsonLdScript', () => {
  const payload = (): FaqEntry => {
    const e = { ...entry(), id: 'payload' };
    e.question = 'Is </script><script>alert(1)</script> safe?';
    e.answer.paragraphs = ['Text with <!-- a comment, & an ampersand, and </SCRIPT > in capitals.', 'Line\u2028separator and paragraph\u2029separator.'];
    return e;
  };

  it('writes no <, > or & at all, so an answer cannot end the script or open a comment', () => {
    const text = faqJsonLdScript([payload()]);
    expect(text).not.to.match(/[<>&\u2028\u2029]/);
    expect(text).to.contain('\\u003c/script\\u003e');
    expect(text).to.contain('\\u0026 an ampersand');
  });

  it('parses back to exactly faqJsonLd, the payload as written', () => {
    const entries = [payload(), ...faqEntriesAr.slice(0, 2)];
    const parsed = JSON.parse(faqJsonLdScript(entries, { url: 'https://bank.example/help' })) as ReturnType<typeof faqJsonLd>;
    expect(parsed).to.deep.equal(faqJsonLd(entries, { url: 'https://bank.example/help' }));
    expect(parsed.mainEntity[0]!.name).to.equal('Is </script><script>alert(1)</script> safe?');
  });

  if (typeof document !== 'undefined') {
    it('in a page, stays one script element whose text is the whole JSON-LD', () => {
      const host = document.createElement('div');
      host.innerHTML = `<script type="application/ld+json">${faqJsonLdScript([payload()])}</script><p>after</p>`;
      const scripts = host.querySelectorAll('script');
      expect(scripts.length).to.equal(1);
      expect(host.children.length).to.equal(2);
      expect(JSON.parse(scripts[0]!.textContent!)).to.deep.equal(faqJsonLd([payload()]));
    });
  }
});
