// incidentMessages, smsSegments and loadIncidentTemplates (@candor/core/incidents): one incident
// told the same way by e-mail, SMS, push and in-app, SMS billed as carriers bill it, and an
// organisation's templates refused at load time when they are wrong.
import { expect } from 'chai';
import {
  INCIDENT_TEMPLATES,
  INCIDENT_WORDS,
  incidentMessages,
  loadIncidentTemplates,
  smsSegments,
  type IncidentMessage,
  type MessageChannel,
} from '@candor/core/incidents';
import type { CandorError, CandorErrorCode } from '@candor/core/errors';
import type { Incident } from '@candor/core/models';
import { cardOutage, cardOutageAr, plannedMaintenance, resolvedOutage } from '../../examples/fixtures/incidents.js';
import { rejectsWith } from './token-kit.js';

const CHANNELS: MessageChannel[] = ['email', 'sms', 'push', 'in-app'];
const STATUS_PAGE = 'https://status.bank.example';
/** Before the promised update of the card incident (10:30 UTC). */
const beforeUpdate = () => new Date('2026-11-23T10:05:00Z');

const throwsWith = async (fn: () => unknown, code: CandorErrorCode) => (await rejectsWith(Promise.resolve().then(fn), code)) as unknown as CandorError;

/** Every text a channel's message carries, joined. */
const textOf = (m: IncidentMessage): string => {
  switch (m.channel) {
    case 'email':
      return `${m.subject}\n${m.body}`;
    case 'sms':
      return m.text;
    default:
      return `${m.title}\n${m.body}`;
  }
};

const withMessage = (incident: Incident, message: string): Incident => ({
  ...incident,
  updates: [...incident.updates.slice(0, -1), { ...incident.updates.at(-1)!, message }],
});

describe('smsSegments', () => {
  it('sends 160 GSM-7 characters as one message and 161 as two parts', () => {
    expect(smsSegments('a'.repeat(160))).to.deep.equal({ encoding: 'gsm-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).to.deep.equal({ encoding: 'gsm-7', units: 161, segments: 2 });
  });

  it('fits 153 septets in each part of a long GSM-7 message', () => {
    expect(smsSegments('a'.repeat(306)).segments).to.equal(2);
    expect(smsSegments('a'.repeat(307)).segments).to.equal(3);
    expect(smsSegments('a'.repeat(459)).segments).to.equal(3);
  });

  it('counts the extension characters € [ ] { } ^ ~ | \\ as two septets and keeps each in one part', () => {
    expect(smsSegments('€[]{}^~|\\')).to.deep.equal({ encoding: 'gsm-7', units: 18, segments: 1 });
    expect(smsSegments('€'.repeat(80))).to.deep.equal({ encoding: 'gsm-7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).to.deep.equal({ encoding: 'gsm-7', units: 162, segments: 2 });
    // 306 septets would be two parts, but the € cannot straddle septet 153: the first part holds 152.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).to.deep.equal({ encoding: 'gsm-7', units: 306, segments: 3 });
  });

  it('keeps accented letters of the GSM alphabet in GSM-7, and one character outside it makes the whole text UCS-2', () => {
    expect(smsSegments('Ärger über Café, Øre, ß, ñ, ò, £5 @ 10:30').encoding).to.equal('gsm-7');
    // A typographic apostrophe is not GSM-7: the 100 characters now cost two UCS-2 parts.
    expect(smsSegments(`${'a'.repeat(100)}’`)).to.deep.equal({ encoding: 'ucs-2', units: 101, segments: 2 });
  });

  it('sends 70 UCS-2 units as one message, 71 as two parts, 67 units a part', () => {
    expect(smsSegments('ع'.repeat(70))).to.deep.equal({ encoding: 'ucs-2', units: 70, segments: 1 });
    expect(smsSegments('ع'.repeat(71))).to.deep.equal({ encoding: 'ucs-2', units: 71, segments: 2 });
    expect(smsSegments('ع'.repeat(134)).segments).to.equal(2);
    expect(smsSegments('ع'.repeat(135)).segments).to.equal(3);
  });

  it('bills Arabic as UCS-2, one unit a letter', () => {
    expect(smsSegments(cardOutageAr.title)).to.deep.equal({ encoding: 'ucs-2', units: cardOutageAr.title.length, segments: 1 });
  });

  it('counts an emoji as two UTF-16 units and never splits its surrogate pair between parts', () => {
    expect(smsSegments('😀'.repeat(35))).to.deep.equal({ encoding: 'ucs-2', units: 70, segments: 1 });
    expect(smsSegments(`${'a'.repeat(69)}😀`)).to.deep.equal({ encoding: 'ucs-2', units: 71, segments: 2 });
    // 134 units would be two parts, but the pair would straddle unit 67: the first part holds 66.
    expect(smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).to.deep.equal({ encoding: 'ucs-2', units: 134, segments: 3 });
  });
});

describe('incidentMessages: the same facts on every channel', () => {
  const fixtures = { cardOutage, cardOutageAr, plannedMaintenance, resolvedOutage };
  /** The services each fixture affects, and the state each is in (now, or planned for scheduled maintenance). */
  const affected: Record<keyof typeof fixtures, [number, 'major-outage' | 'degraded' | 'maintenance' | 'operational'][]> = {
    cardOutage: [[0, 'major-outage'], [2, 'degraded']],
    cardOutageAr: [[0, 'major-outage'], [2, 'degraded']],
    plannedMaintenance: [[0, 'maintenance']],
    resolvedOutage: [[0, 'operational']],
  };

  for (const [name, incident] of Object.entries(fixtures) as [keyof typeof fixtures, Incident][]) {
    for (const lang of ['en', 'ar'] as const) {
      it(`states status, severity, services, data impact, next update and link in every channel: ${name} in ${lang}`, () => {
        const words = INCIDENT_WORDS[lang];
        const messages = CHANNELS.map((channel) =>
          incidentMessages(incident, { channel, locale: lang, now: beforeUpdate, statusPageUrl: STATUS_PAGE }),
        );
        const facts = messages[0]!.facts;
        for (const m of messages) {
          const text = textOf(m);
          const where = `${m.channel}: ${text}`;
          expect(m.facts, m.channel).to.deep.equal(facts);
          expect(text, where).to.include(words.status[incident.status]);
          expect(text, where).to.include(words.severity[incident.severity]);
          for (const [i, state] of affected[name]) {
            expect(text, where).to.include(`${incident.services[i]!.name} (${words.serviceState[state]})`);
          }
          expect(text, where).to.include(facts.dataImpact);
          for (const d of incident.dataImpact.data ?? []) expect(text, where).to.include(d);
          expect(text, where).to.include(facts.nextUpdate);
          if (incident.nextUpdateAt) expect(text, where).to.include(facts.nextUpdateTime!);
          expect(text, where).to.include(incident.statusPageUrl ?? STATUS_PAGE);
          if (m.channel === 'sms') {
            expect(m.segments, where).to.be.at.most(5);
            expect(m.text.endsWith(incident.statusPageUrl ?? STATUS_PAGE), where).to.equal(true);
          }
        }
        expect(facts.services.map((s) => s.name)).to.deep.equal(affected[name].map(([i]) => incident.services[i]!.name));
        if (incident.nextUpdateAt) expect(facts.nextUpdateTime, 'the promised time in UTC').to.match(/10:30.*UTC/);
        else expect(facts.nextUpdateTime).to.equal(undefined);
      });
    }
  }

  it('words the facts in the language of the locale', () => {
    const en = incidentMessages(cardOutage, { channel: 'push', now: beforeUpdate });
    expect(en.facts).to.include({ status: 'Cause identified', severity: 'Critical', dataImpact: 'This data may be affected: Card numbers and Expiry dates.' });
    expect(en.facts.nextUpdate).to.equal(`Next update by ${en.facts.nextUpdateTime}.`);
    const ar = incidentMessages(cardOutageAr, { channel: 'push', now: beforeUpdate });
    expect(ar.locale).to.equal('ar');
    expect(ar.facts).to.include({ status: 'تم تحديد السبب', severity: 'حرجة', dataImpact: 'ربما تأثرت هذه البيانات: أرقام البطاقات وتواريخ الانتهاء.' });
    expect(ar.facts.services).to.deep.equal([
      { name: 'الدفع بالبطاقة', state: 'متوقفة' },
      { name: 'الخدمات المصرفية عبر الإنترنت', state: 'بطيئة' },
    ]);
  });

  it('formats the next update in the locale and time zone, with the zone named', () => {
    const dubai = incidentMessages(cardOutage, { channel: 'sms', timeZone: 'Asia/Dubai', now: beforeUpdate });
    expect(dubai.facts.nextUpdateTime).to.match(/2:30/).and.match(/GMT\+4/);
    const egypt = incidentMessages(cardOutageAr, { channel: 'sms', locale: 'ar-EG', now: beforeUpdate });
    expect(egypt.facts.nextUpdateTime, 'Arabic-Indic digits in ar-EG').to.include('١٠:٣٠');
    expect(egypt.locale, 'ar-EG uses the Arabic templates').to.equal('ar');
  });

  it('says honestly that the promised update is late once it is overdue', () => {
    const late = incidentMessages(cardOutage, { channel: 'push', now: () => new Date('2026-11-23T10:45:00Z') });
    expect(late.body).to.include(`Our next update, promised for ${late.facts.nextUpdateTime}, is late.`);
  });

  it('gives the whole summary and the apology by e-mail once resolved, the apology alone elsewhere', () => {
    const s = resolvedOutage.summary!;
    const email = incidentMessages(resolvedOutage, { channel: 'email' });
    for (const part of [s.whatHappened, s.whatWeDid, s.whatWeAreChanging, s.apology, 'What happened']) expect(email.body).to.include(part);
    expect(email.facts.nextUpdate).to.equal('This is resolved; no further updates are planned.');
    for (const channel of ['sms', 'push', 'in-app'] as const) {
      const text = textOf(incidentMessages(resolvedOutage, { channel }));
      expect(text, channel).to.include(s.apology);
      expect(text, channel).to.not.include(s.whatHappened);
    }
  });

  it('lists what the customer can do and the remedies in the e-mail', () => {
    const { body } = incidentMessages(cardOutage, { channel: 'email', now: beforeUpdate });
    expect(body).to.include('What you can do now\n- Transfers in the mobile app still work.');
    expect(body).to.include('- A new card, free of charge: Order it in the app under Cards, or call us.');
    expect(body).to.include('Who is eligible: Customers who paid by card on 23 November');
    expect(body).to.include('Details: https://bank.example/cards/replace');
  });

  it('inserts incident text once: braces in a title or message stay as written', () => {
    const tricky = withMessage({ ...cardOutage, title: 'Cards {status} {{link}}' }, 'See {summary} and {link}.');
    const email = incidentMessages(tricky, { channel: 'email', now: beforeUpdate });
    expect(email.subject).to.equal('[Critical] Cards {status} {{link}}: Cause identified');
    expect(email.body).to.include('See {summary} and {link}.');
  });

  it('drops bidi embedding, override and isolate controls from incident text, so nothing can be shown reversed or hidden', () => {
    // U+202E turns what follows around ("…elif.exe" shown as "exe.file…"); U+2066–2069 and U+202A–202D nest directions.
    const spoof = withMessage({ ...cardOutage, title: 'Cards \u202Efdp.eciovni\u202C down' }, 'Call \u2066+1 555 0100\u2069 now \u202B');
    for (const channel of CHANNELS) {
      const text = textOf(incidentMessages(spoof, { channel, now: beforeUpdate }));
      expect(text, channel).to.not.match(/[\u202A-\u202E\u2066-\u2069]/);
      expect(text, channel).to.include('Cards fdp.eciovni down');
    }
    const sms = incidentMessages(spoof, { channel: 'sms', now: beforeUpdate });
    if (sms.channel === 'sms') expect(sms.text).to.include('Call +1 555 0100 now');
    const ar = incidentMessages({ ...cardOutageAr, title: `\u202B${cardOutageAr.title}\u202C` }, { channel: 'push', locale: 'ar', now: beforeUpdate });
    expect(textOf(ar), 'Arabic keeps its letters').to.include(cardOutageAr.title);
  });
});

describe('incidentMessages: SMS within maxSmsSegments', () => {
  const longEn = withMessage(
    cardOutage,
    Array.from({ length: 18 }, (_, i) => `Update part ${i + 1}: engineers at the processor are restoring authorisations region by region.`).join(' '),
  );
  const longAr = withMessage(
    cardOutageAr,
    Array.from({ length: 18 }, (_, i) => `الجزء ${i + 1}: يعمل المهندسون لدى معالج البطاقات على استعادة عمليات التفويض منطقة بعد منطقة.`).join(' '),
  );

  /** The message as it was kept in `text`, before the ellipsis and the link. */
  const keptPart = (text: string, ellipsis: string, link: string) => {
    expect(text.endsWith(`${ellipsis} ${link}`), text).to.equal(true);
    return text.slice(0, -(ellipsis.length + 1 + link.length));
  };

  it('cuts a long English update at a word boundary, ends with "..." (GSM-7 has no "…") and the link', () => {
    const link = cardOutage.statusPageUrl!;
    const sms = incidentMessages(longEn, { channel: 'sms', maxSmsSegments: 3, now: beforeUpdate });
    expect(sms).to.include({ encoding: 'gsm-7', segments: 3, shortened: true });
    expect(smsSegments(sms.text).segments).to.equal(3);
    const before = keptPart(sms.text, '...', link);
    const message = longEn.updates.at(-1)!.message;
    const kept = before.slice(before.indexOf(message.slice(0, 20)));
    expect(message.startsWith(kept), 'a prefix of the update').to.equal(true);
    expect(message[kept.length], 'cut before a space, not inside a word').to.match(/[\s.,:]/);
    expect(kept.split(' ').length).to.be.greaterThan(5);
  });

  it('cuts a long Arabic update at a word boundary, ends with "…" and the link', () => {
    const link = cardOutageAr.statusPageUrl!;
    const sms = incidentMessages(longAr, { channel: 'sms', now: beforeUpdate });
    expect(sms).to.include({ encoding: 'ucs-2', shortened: true });
    expect(sms.segments).to.be.at.most(5);
    const before = keptPart(sms.text, '…', link);
    const message = longAr.updates.at(-1)!.message;
    const kept = before.slice(before.indexOf(message.slice(0, 10)));
    expect(message.startsWith(kept)).to.equal(true);
    expect(message[kept.length]).to.match(/[\s.,:]/);
    // Four more units would have been a sixth part: the cut is the longest that fits.
    expect(sms.units).to.be.greaterThan(4 * 67 - 40);
  });

  it('sends a short incident whole, without an ellipsis', () => {
    const sms = incidentMessages(cardOutage, { channel: 'sms', now: beforeUpdate });
    expect(sms.shortened).to.equal(false);
    expect(sms.text).to.include(cardOutage.updates.at(-1)!.message);
    expect(sms.text).to.not.include('...');
  });

  it('leaves the update out rather than sending a stub of one or two words', () => {
    // Two segments leave room for the first two words of this update only.
    const incident = withMessage(cardOutage, 'Reauthorisation processing internationally continues while engineers restore every region.');
    const sms = incidentMessages(incident, { channel: 'sms', maxSmsSegments: 2, now: beforeUpdate });
    expect(sms).to.include({ segments: 2, shortened: true });
    expect(sms.text).to.not.include('Reauthorisation');
    expect(sms.text).to.include('Next update by').and.include('Card payments (down)');
    expect(sms.text.endsWith(`UTC. ${cardOutage.statusPageUrl}`), sms.text).to.equal(true);
    expect(incidentMessages(incident, { channel: 'sms', maxSmsSegments: 3, now: beforeUpdate }).text).to.include('Reauthorisation processing');
  });

  it('refuses an SMS whose facts and link alone exceed maxSmsSegments', async () => {
    const e = await throwsWith(() => incidentMessages(cardOutageAr, { channel: 'sms', maxSmsSegments: 2, now: beforeUpdate }), 'message_too_long');
    expect(e.field).to.equal('maxSmsSegments');
    expect(e.message).to.match(/needs \d segments/);
  });

  it('refuses a maxSmsSegments that is not a whole number from 1', async () => {
    for (const bad of [0, 1.5, '2', -1, Number.NaN]) {
      const e = await throwsWith(() => incidentMessages(cardOutage, { channel: 'sms', maxSmsSegments: bad as number }), 'invalid_options');
      expect(e.field).to.equal('maxSmsSegments');
    }
  });
});

describe('incidentMessages: bad input', () => {
  it('refuses an invalid incident with issues naming the path', async () => {
    const bad = { ...cardOutage, updates: [{ ...cardOutage.updates[0]!, at: 'yesterday' }, cardOutage.updates[1]!] };
    const e = await throwsWith(() => incidentMessages(bad, { channel: 'email' }), 'invalid_incident');
    expect(e.field).to.equal('updates.0.at');
    expect(e.message).to.include('updates.0.at');
    expect(e.issues?.[0]?.path).to.equal('updates.0.at');
  });

  it('needs a status-page link, from the incident or the statusPageUrl option', async () => {
    const e = await throwsWith(() => incidentMessages(plannedMaintenance, { channel: 'sms' }), 'invalid_incident');
    expect(e.field).to.equal('statusPageUrl');
    await throwsWith(() => incidentMessages(plannedMaintenance, { channel: 'sms', statusPageUrl: 'javascript:alert(1)' }), 'invalid_options');
  });

  it('names the option at fault: channel, locale, timeZone, templates', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'fax' }, 'channel'],
      [{ channel: 'email', locale: 'fr' }, 'locale'],
      [{ channel: 'email', locale: 'not a tag!' }, 'locale'],
      [{ channel: 'email', timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ channel: 'email', templates: INCIDENT_TEMPLATES }, 'templates'],
    ];
    for (const [options, field] of cases) {
      const e = await throwsWith(() => incidentMessages(cardOutage, options as never), 'invalid_options');
      expect(e.field, JSON.stringify(options)).to.equal(field);
    }
  });
});

describe('loadIncidentTemplates', () => {
  const en = INCIDENT_TEMPLATES.en;
  const refused = async (input: unknown) => {
    const e = await throwsWith(() => loadIncidentTemplates(input), 'invalid_template');
    return { ...e, message: e.message, issues: e.issues! };
  };

  it('refuses an unknown placeholder, naming the key and the placeholder and listing the allowed ones', async () => {
    const e = await refused({ en: { ...en, sms: { text: 'Your balance {balance} is safe. {status} {severity} {services} {dataImpact} {nextUpdate} {link}' } } });
    expect(e.field).to.equal('en.sms.text');
    expect(e.message).to.include('en.sms.text uses the unknown placeholder {balance}');
    expect(e.message).to.include('allowed here: {title}, {status}, {severity}');
    expect(e.message).to.not.include('{summary}');
  });

  it('keeps the multi-line placeholders to the e-mail body', async () => {
    const e = await refused({ en: { ...en, push: { ...en.push, body: `${en.push.body} {remedies}` } } });
    expect(e.issues[0]).to.deep.include({ path: 'en.push.body' });
    expect(e.issues[0]!.message).to.include('{remedies} (it is for the e-mail body only)');
  });

  it('refuses missing keys, texts that are not strings and unknown keys', async () => {
    const e = await refused({ en: { ...en, push: { title: en.push.title }, email: { subject: 42, body: en.email.body }, fax: {} } });
    const paths = e.issues.map((i) => i.path);
    expect(paths).to.include.members(['en.push.body', 'en.email.subject', 'en.fax']);
    expect(e.issues.find((i) => i.path === 'en.push.body')!.message).to.include('is missing');
    expect(e.issues.find((i) => i.path === 'en.email.subject')!.message).to.include('must be a string, got number');
    const noSms = await refused({ ar: { email: en.email, push: en.push, 'in-app': en['in-app'] } });
    expect(noSms.issues[0]!.message).to.include('ar.sms is missing');
  });

  it('refuses unbalanced braces', async () => {
    const open = await refused({ en: { ...en, email: { ...en.email, subject: '[{severity] {title}' } } });
    expect(open.issues[0]!.message).to.include('en.email.subject opens a "{" at position 1 that is never closed');
    const close = await refused({ en: { ...en, email: { ...en.email, subject: 'Incident} {title}' } } });
    expect(close.issues[0]!.message).to.include('has a "}" at position 8 with no "{" before it');
  });

  it('refuses a channel that leaves out a fact, and an SMS that does not end with the link', async () => {
    const e = await refused({ en: { ...en, push: { title: '{title}', body: '{status} {severity} {services} {nextUpdate} {link}' } } });
    expect(e.issues[0]).to.deep.equal({
      path: 'en.push',
      message: 'en.push does not state {dataImpact}; every channel states {status}, {severity}, {services}, {dataImpact}, {nextUpdate}, {link} in one of its texts',
    });
    const sms = await refused({ en: { ...en, sms: { text: '{link} {status} {severity} {services} {dataImpact} {nextUpdate}' } } });
    expect(sms.issues[0]!.message).to.include('en.sms.text must end with {link}');
  });

  it('refuses a locale Candor has no words for, and input that is not a set', async () => {
    expect((await refused({ fr: en })).issues[0]!.path).to.equal('fr');
    expect((await refused([])).issues[0]!.path).to.equal('(root)');
    expect((await refused({})).issues[0]!.path).to.equal('(root)');
  });

  it("uses an organisation's loaded templates, with {{ and }} as literal braces", () => {
    const templates = loadIncidentTemplates({
      en: { ...en, push: { title: 'Acme Bank {{alert}}: {title}', body: '{status}, {severity}. {services}. {dataImpact} {nextUpdate} {link}' } },
    });
    expect(templates.locales).to.deep.equal(['en']);
    const push = incidentMessages(cardOutage, { channel: 'push', templates, now: beforeUpdate });
    expect(push.title).to.equal('Acme Bank {alert}: Card payments are failing');
    expect(push.body).to.equal(
      `Cause identified, Critical. Card payments (down) and Online banking (slow). This data may be affected: Card numbers and Expiry dates. Next update by ${push.facts.nextUpdateTime}. ${cardOutage.statusPageUrl}`,
    );
    // The set has no Arabic: an Arabic message is refused, not sent in unapproved words.
    expect(() => incidentMessages(cardOutageAr, { channel: 'push', templates })).to.throw(/ar has no templates; the templates are for en/);
  });
});

describe('incidentMessages and loadIncidentTemplates: hostile values found by generated input', () => {
  it('states the data impact on one line on every channel, so facts.dataImpact is the same everywhere', () => {
    const incident = { ...cardOutage, dataImpact: { level: 'confirmed' as const, data: ['Card\nnumbers', 'PINs'] } };
    const facts = CHANNELS.map((channel) => incidentMessages(incident, { channel, now: beforeUpdate }).facts);
    for (const f of facts) expect(f).to.deep.equal(facts[0]);
    expect(facts[0]!.dataImpact).to.equal('This data is affected: Card numbers and PINs.');
  });

  it('puts the affected services on one line in the one-line channels, as the title is', () => {
    const incident = { ...cardOutage, services: cardOutage.services.map((s) => (s.id === 'cards' ? { ...s, name: 'Card\npayments' } : s)) };
    for (const channel of ['sms', 'push', 'in-app'] as const) expect(textOf(incidentMessages(incident, { channel, now: beforeUpdate }))).to.include('Card payments');
  });

  it('refuses a hostile channel, locale or time zone as invalid_options, the value shown cut (a BigInt, a 3 MB string)', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    for (const [options, field] of [
      [{ channel: huge }, 'channel'],
      [{ channel: 10n }, 'channel'],
      [{ channel: 'sms', locale: 10n }, 'locale'],
      [{ channel: 'sms', locale: huge }, 'locale'],
      [{ channel: 'sms', timeZone: 10n }, 'timeZone'],
      [{ channel: 'sms', timeZone: huge }, 'timeZone'],
    ] as const) {
      const e = await throwsWith(() => incidentMessages(cardOutage, options as never), 'invalid_options');
      expect(e.field).to.equal(field);
      expect(e.message.length).to.be.below(300);
    }
  });

  it('refuses templates that throw when read (a getter, a Proxy, a revoked Proxy) as invalid_template at (root)', async () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const getter = Object.defineProperty({}, 'en', { enumerable: true, get: () => { throw new Error('getter'); } });
    for (const input of [revoked, getter, { en: revoked }, { en: { ...INCIDENT_TEMPLATES.en, sms: new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }) } }]) {
      const e = await throwsWith(() => loadIncidentTemplates(input), 'invalid_template');
      expect(e.issues!.map((i) => i.path)).to.include('(root)');
      expect(e.message).to.include('could not be read: a getter or Proxy in it threw');
    }
  });
});
