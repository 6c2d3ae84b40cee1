// The FAQ model (@candor/core/models): the one definition of a FAQ entry and of a contact channel.
// The samples pass unchanged; every rule refuses with an issue naming the path and what is wrong.
import { expect } from 'chai';
import {
  ContactChannelSchema,
  ContactChannelsSchema,
  FaqEntriesSchema,
  FaqEntrySchema,
  toValidationIssues,
  type ContactChannel,
  type FaqEntry,
} from '@candor/core/models';
import { contactChannels, faqEntries, faqEntriesAr } from '../../examples/fixtures/faq.js';

type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: Parameters<typeof toValidationIssues>[0] } } };

/** The issues `schema` reports for `value`, as `path: message` lines. */
function problems(schema: Schema, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : toValidationIssues(r.error!.issues).map((i) => `${i.path}: ${i.message}`);
}

const entry = (): FaqEntry => structuredClone(faqEntries[1]!);
const channel = (): ContactChannel => structuredClone(contactChannels[0]!);
/** `problems` has exactly one line, at `path`, matching `pattern`. */
const onlyAt = (p: string[], path: string, pattern: RegExp) => expect(p.length === 1 && p[0]!.startsWith(`${path}: `) && pattern.test(p[0]!), p.join(' | ')).to.equal(true);

describe('FAQ entry model', () => {
  it('accepts every sample entry unchanged, in English and Arabic, and the lists of them', () => {
    for (const e of [...faqEntries, ...faqEntriesAr]) {
      expect(problems(FaqEntrySchema, e), e.id).to.deep.equal([]);
      expect(FaqEntrySchema.safeParse(e).data, e.id).to.deep.equal(e);
    }
    expect(problems(FaqEntriesSchema, faqEntries)).to.deep.equal([]);
    expect(problems(FaqEntriesSchema, faqEntriesAr)).to.deep.equal([]);
  });

  it('refuses answer links that are not https, javascript: and data: included, naming the link', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'http://bank.example/cards', 'cards/replace', '']) {
      const e = entry();
      e.answer.links![0]!.url = url;
      onlyAt(problems(FaqEntrySchema, e), 'answer.links.0.url', /must be an https URL/);
    }
    const local = entry();
    local.answer.links![0]!.url = 'http://localhost:8080/cards';
    expect(problems(FaqEntrySchema, local)).to.deep.equal([]);
  });

  it('refuses an answer without paragraphs, empty texts and texts over their limits', () => {
    const e = entry();
    e.answer.paragraphs = [];
    onlyAt(problems(FaqEntrySchema, e), 'answer.paragraphs', /at least 1 item/);
    onlyAt(problems(FaqEntrySchema, { ...entry(), question: '' }), 'question', /at least 1 character/);
    onlyAt(problems(FaqEntrySchema, { ...entry(), question: 'x'.repeat(301) }), 'question', /at most 300 character/);
    const s = entry();
    s.answer.steps![2] = '';
    onlyAt(problems(FaqEntrySchema, s), 'answer.steps.2', /at least 1 character/);
  });

  it('refuses ids that cannot be a deep link, a bad locale and an updatedAt without a zone', () => {
    onlyAt(problems(FaqEntrySchema, { ...entry(), id: 'new card' }), 'id', /pattern/);
    onlyAt(problems(FaqEntrySchema, { ...entry(), id: '#new-card' }), 'id', /pattern/);
    onlyAt(problems(FaqEntrySchema, { ...entry(), locale: 'english' }), 'locale', /pattern/);
    for (const t of ['2026-11-20T09:00:00', '2026-11-20', 'yesterday']) onlyAt(problems(FaqEntrySchema, { ...entry(), updatedAt: t }), 'updatedAt', /datetime/);
  });

  it('refuses a priority outside 0–1000 or not whole, and relations that are not ids', () => {
    onlyAt(problems(FaqEntrySchema, { ...entry(), priority: 1001 }), 'priority', /at most 1000/);
    onlyAt(problems(FaqEntrySchema, { ...entry(), priority: 2.5 }), 'priority', /must be a whole number from 0 to 1000/);
    onlyAt(problems(FaqEntrySchema, { ...entry(), relatesTo: { incidents: ['inc 1'] } }), 'relatesTo.incidents.0', /pattern/);
  });

  it('refuses a list that repeats an entry id within one language, and accepts one id in two languages', () => {
    expect(problems(FaqEntriesSchema, [entry(), entry()])).to.deep.equal(['(root): (root) must not repeat an entry id within one language']);
    expect(problems(FaqEntriesSchema, [entry(), { ...entry(), locale: 'en-GB' }])).to.have.length(1);
    expect(problems(FaqEntriesSchema, [entry(), { ...entry(), locale: 'ar' }])).to.deep.equal([]);
  });
});

describe('contact channel model', () => {
  it('accepts every sample channel unchanged, and the list of them', () => {
    for (const c of contactChannels) expect(ContactChannelSchema.safeParse(c).data, c.id).to.deep.equal(c);
    expect(problems(ContactChannelsSchema, contactChannels)).to.deep.equal([]);
  });

  it('accepts tel:, mailto: and https links and refuses every other scheme', () => {
    for (const href of ['tel:+44 800 123 456', 'tel:0800-123-456', 'mailto:help@bank.example', 'https://bank.example/chat']) {
      expect(problems(ContactChannelSchema, { ...channel(), href }), href).to.deep.equal([]);
    }
    for (const href of ['javascript:alert(1)', 'data:text/html,hi', 'http://bank.example/chat', 'tel:call-us', 'mailto:nobody', 'sms:+44800123456', 'ftp://bank.example']) {
      onlyAt(problems(ContactChannelSchema, { ...channel(), href }), 'href', /must be a tel: or mailto: link or an https URL/);
    }
  });

  it('refuses a time zone that is not IANA', () => {
    for (const timeZone of ['Europe/Londres', 'Mars/Olympus_Mons', 'GMT+25', '']) {
      onlyAt(problems(ContactChannelSchema, { ...channel(), timeZone }), 'timeZone', /IANA time zone/);
    }
  });

  it('refuses times that are not HH:MM, an opening at 24:00, and hours that open and close at once', () => {
    for (const closes of ['8:00', '24:01', '25:00', '12:60', '12.30', 'noon']) {
      const c = channel();
      c.hours!.mon![0]!.closes = closes;
      onlyAt(problems(ContactChannelSchema, c), 'hours.mon.0.closes', /HH:MM \(00:00 to 24:00\)/);
    }
    const c = channel();
    c.hours!.tue![0]!.opens = '24:00';
    onlyAt(problems(ContactChannelSchema, c), 'hours.tue.0.opens', /HH:MM \(00:00 to 23:59\)/);
    const same = channel();
    same.hours!.wed![0] = { opens: '09:00', closes: '09:00' };
    onlyAt(problems(ContactChannelSchema, same), 'hours.wed.0.closes', /same time/);
  });

  it('refuses weekdays it does not know, and more than four intervals a day', () => {
    const c = channel();
    (c.hours as Record<string, unknown>).monday = [{ opens: '08:00', closes: '12:00' }];
    expect(problems(ContactChannelSchema, c).join(' | ')).to.match(/^hours: .*monday/);
    const many = channel();
    many.hours!.mon = ['01', '03', '05', '07', '09'].map((h) => ({ opens: `${h}:00`, closes: `${h}:30` }));
    onlyAt(problems(ContactChannelSchema, many), 'hours.mon', /at most 4 item/);
  });

  it('refuses closure dates that are not real calendar dates, or that end before they start', () => {
    for (const from of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31']) {
      const c = channel();
      c.closures![0] = { from };
      onlyAt(problems(ContactChannelSchema, c), 'closures.0.from', /must be a real calendar date/);
    }
    for (const to of ['2026-12-25T00:00', '25/12/2026', '2026-12-5']) {
      const c = channel();
      c.closures![0]!.to = to;
      onlyAt(problems(ContactChannelSchema, c), 'closures.0.to', /must be a date as YYYY-MM-DD/);
    }
    const leap = channel();
    leap.closures![0] = { from: '2028-02-29' };
    expect(problems(ContactChannelSchema, leap)).to.deep.equal([]);
    const back = channel();
    back.closures![0] = { from: '2026-12-26', to: '2026-12-25' };
    onlyAt(problems(ContactChannelSchema, back), 'closures.0.to', /must not be before from/);
  });

  it('refuses an unknown kind, a negative response time, and a list that repeats a channel id', () => {
    onlyAt(problems(ContactChannelSchema, { ...channel(), kind: 'fax' }), 'kind', /expected one of "phone"/);
    onlyAt(problems(ContactChannelSchema, { ...channel(), responseMinutes: -1 }), 'responseMinutes', /at least 0/);
    expect(problems(ContactChannelsSchema, [channel(), channel()])).to.deep.equal(['(root): (root) must not repeat a channel id']);
  });
});
