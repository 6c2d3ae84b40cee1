// Every link field of the models (secureUrl) follows the rule the status-feed adapters and the
// channel texts use (isBareLink): no space, line break, control or invisible character. The URL
// parser would drop or encode one, while a page, an SMS or an e-mail that prints the link as it
// was given would show what follows it.
import { expect } from 'chai';
import { ConsentNoticeSchema, FaqEntrySchema, IncidentSchema, toValidationIssues } from '@candor/core/models';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { faqEntries } from '../../examples/fixtures/faq.js';
import { noticeV1 } from '../../examples/fixtures/consent-notices.js';

type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: Parameters<typeof toValidationIssues>[0] } } };

/** The issues `schema` reports for `value`, as `path: message` lines. */
function problems(schema: Schema, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : toValidationIssues(r.error!.issues).map((i) => `${i.path}: ${i.message}`);
}

const SMUGGLED = [
  'https://status.bank.example/\nURGENT: call +1 555 0100',
  'https://status.bank.example/\r\nx',
  'https://status.bank.example/a b',
  ' https://status.bank.example/',
  'https://status.bank.example/\t',
  'https://status.bank.example/\u0000',
  'https://status.bank.example/\u202Efdp.exe',
  'https://status.bank.example/\u200B',
  'https://status.bank.example/\u2028',
  'https://status.bank.example/\u00A0',
  'https://status.bank.example/\uD800', // a lone surrogate
  'https://status.bank.example/\uE000', // private use
];
const BARE = /must be an https URL \(plain http only on localhost, \*\.localhost, 127\.0\.0\.0\/8 or \[::1\]\) with no spaces or hidden characters$/;
const FINE = ['https://status.bank.example/incidents/42?lang=en#latest', 'https://status.bank.example/a%20b', 'http://localhost:8080/status', 'http://127.0.0.1/x'];

/** Expects exactly one issue, at `path`, saying the link must be bare. */
function refusedAt(found: string[], path: string, url: string): void {
  expect(found, JSON.stringify(url)).to.have.length(1);
  expect(found[0], JSON.stringify(url)).to.satisfy((p: string) => p.startsWith(`${path}: ${path} `) && BARE.test(p));
}

describe('model links: one rule with the feeds and channel texts (isBareLink)', () => {
  it('an incident refuses a statusPageUrl or remedy url holding a space, line break, control or invisible character, naming the path', () => {
    for (const url of SMUGGLED) {
      refusedAt(problems(IncidentSchema, { ...structuredClone(cardOutage), statusPageUrl: url }), 'statusPageUrl', url);
      const i = structuredClone(cardOutage);
      i.remedies![0]!.url = url;
      refusedAt(problems(IncidentSchema, i), 'remedies.0.url', url);
    }
  });

  it('a FAQ entry refuses such an answer link, naming the path', () => {
    for (const url of SMUGGLED) {
      const e = structuredClone(faqEntries.find((f) => f.answer.links?.length)!);
      e.answer.links![0]!.url = url;
      refusedAt(problems(FaqEntrySchema, e), 'answer.links.0.url', url);
    }
  });

  it('a consent notice refuses such a policyUrl, naming the path', () => {
    // (A lone surrogate is also reported for the notice as a whole: it could not be hashed.)
    for (const url of SMUGGLED) refusedAt(problems(ConsentNoticeSchema, { ...noticeV1, policyUrl: url }).filter((p) => p.startsWith('policyUrl:')), 'policyUrl', url);
  });

  it('accepts normal https links (a space written %20) and plain http on localhost, in all three', () => {
    for (const url of FINE) {
      expect(problems(IncidentSchema, { ...structuredClone(cardOutage), statusPageUrl: url }), url).to.deep.equal([]);
      const e = structuredClone(faqEntries.find((f) => f.answer.links?.length)!);
      e.answer.links![0]!.url = url;
      expect(problems(FaqEntrySchema, e), url).to.deep.equal([]);
      expect(problems(ConsentNoticeSchema, { ...noticeV1, policyUrl: url }), url).to.deep.equal([]);
    }
  });

  it('reports a value that is not an https URL at all once, with the same rule', () => {
    for (const url of ['not a url', 'javascript:alert(1)\n', 'http://status.bank.example/ x']) {
      refusedAt(problems(ConsentNoticeSchema, { ...noticeV1, policyUrl: url }), 'policyUrl', url);
    }
  });
});
