// The consent module of @candor/core: records, the notice hash, withdrawal, storage, receipts,
// signing. Runs in Node and in Chromium, so only web APIs are used here.
import { expect } from 'chai';
import {
  compareWithNotice,
  consentReceipt,
  controllerKey,
  createConsentRecord,
  createWithdrawalRecord,
  hashNotice,
  LocalStorageConsentStorage,
  MemoryConsentStorage,
  UNREADABLE_KEY_INFIX,
  noticeText,
  purposeTitle,
  reuseAudiences,
  reusers,
  signConsentRecord,
  verifyConsentRecord,
  CONSENT_RECORD_TYPE,
} from '@candor/core/consent';
import { isCandorError, type CandorError } from '@candor/core/errors';
import { generateKey, KeySet } from '@candor/core/keys';
import { ConsentRecordSchema, type ConsentNotice, type ConsentRecord } from '@candor/core/models';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import { copy, noticeArV1, noticeV1, noticeV2 } from '../support/consent-notice.js';

/** Awaits `p` and returns the CandorError it rejects with (fails the test if it resolves or throws anything else). */
async function rejection(p: Promise<unknown>): Promise<CandorError> {
  try {
    await p;
  } catch (e) {
    expect(isCandorError(e), `expected a CandorError, got ${String(e)}`).to.equal(true);
    return e as CandorError;
  }
  expect.fail('expected the promise to reject');
}

/** A Storage over a Map, like localStorage; `failWith` makes setItem throw. */
class MapStorage implements Storage {
  readonly map = new Map<string, string>();
  failWith: (() => unknown) | undefined;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith();
    this.map.set(key, String(value));
  }
}

const b64url = (text: string) => {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const sha256 = async (text: string) =>
  'sha256:' + Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');

/** The storage key of the sample notices' controller (they carry `id: 'acme-bank'`). */
const ACME = 'id:acme-bank';

const decide = (choices: Record<string, boolean>, extra: Partial<Parameters<typeof createConsentRecord>[0]> = {}) =>
  createConsentRecord({ notice: noticeV1, subject: 'cust_7f3a', locale: 'en', choices, ...extra });

describe('consent records', () => {
  it('records what was granted and denied, under which notice, for whom and when', async () => {
    const now = new Date('2026-11-23T05:00:00.000Z');
    const record = await decide({ 'partner-reuse': true, marketing: false }, { now, locale: 'ar-EG' });
    expect(ConsentRecordSchema.safeParse(record).success).to.equal(true);
    expect(record.event).to.equal('decision');
    expect(record.recordId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.timestamp).to.equal('2026-11-23T05:00:00.000Z');
    expect(record.subject).to.equal('cust_7f3a');
    expect(record.locale).to.equal('ar-EG');
    expect(record.controller).to.deep.equal({ id: 'acme-bank', name: 'Acme Bank', contact: 'privacy@acme.example' });
    expect(record.notice).to.deep.equal({ version: '2026-11-01', hash: await hashNotice(noticeV1), policyUrl: 'https://acme.example/privacy' });
    expect(record.purposesGranted).to.deep.equal(['identity', 'partner-reuse']);
    expect(record.purposesDenied).to.deep.equal(['marketing']);
    expect(record.previousRecordId).to.equal(undefined);
  });

  it('gives every record a new id and links it to the one it supersedes', async () => {
    const first = await decide({});
    const second = await decide({ marketing: true }, { previousRecordId: first.recordId });
    expect(second.recordId).to.not.equal(first.recordId);
    expect(second.previousRecordId).to.equal(first.recordId);
  });

  it('lists as reuse audiences only partners that reuse the verification under granted purposes', async () => {
    expect((await decide({ 'partner-reuse': true })).reuseAudiences).to.deep.equal(['https://insure.example', 'https://nest.example']);
    expect((await decide({ 'partner-reuse': false, marketing: true })).reuseAudiences).to.deep.equal([]);
  });

  it('grants required purposes even when the choice is omitted, and declines omitted optional ones', async () => {
    const record = await decide({});
    expect(record.purposesGranted).to.deep.equal(['identity']);
    expect(record.purposesDenied).to.deep.equal(['partner-reuse', 'marketing']);
  });

  it('refuses to record a required purpose as declined, naming the purpose', async () => {
    const e = await rejection(decide({ identity: false }));
    expect(e.code).to.equal('invalid_consent');
    expect(e.message).to.contain('"identity"').and.contain('required');
  });

  it('refuses choices for purposes the notice does not have, and non-boolean choices', async () => {
    const unknown = await rejection(decide({ profiling: true }));
    expect(unknown.code).to.equal('invalid_consent');
    expect(unknown.message).to.contain('"profiling"');
    const notBool = await rejection(decide({ marketing: 'yes' as unknown as boolean }));
    expect(notBool.message).to.contain('"marketing"').and.contain('true or false');
  });

  it('refuses an invalid notice, subject, locale or previousRecordId with a message naming it', async () => {
    const badNotice = copy(noticeV1) as unknown as { purposes: { title: string }[] };
    badNotice.purposes[1]!.title = '';
    const n = await rejection(createConsentRecord({ notice: badNotice as unknown as ConsentNotice, subject: 's', locale: 'en', choices: {} }));
    expect(n.code).to.equal('invalid_consent');
    expect(n.message).to.contain('purposes.1.title');
    expect((await rejection(decide({}, { subject: '' }))).message).to.contain('subject');
    expect((await rejection(decide({}, { locale: 'english please' }))).message).to.contain('locale');
    // A hostile locale is named by its kind, never converted: String() would overflow on the nesting, or run the toString.
    let nested: unknown = 'en';
    for (let i = 0; i < 20_000; i++) nested = [nested];
    const throwing = { toString: () => { throw new Error('called'); } };
    for (const [locale, shown] of [[nested, 'an array'], [throwing, 'an object'], ['x'.repeat(5000), `"${'x'.repeat(40)}"`]] as const) {
      const e = await rejection(decide({}, { locale: locale as never }));
      expect(e.code).to.equal('invalid_consent');
      expect(e.message).to.contain(`got ${shown}.`);
    }
    expect((await rejection(decide({}, { previousRecordId: 'not-a-uuid' }))).message).to.contain('previousRecordId');
  });
});

describe('purpose helpers', () => {
  it('gives a purpose title by id, and the id itself for a purpose the notice does not have', () => {
    expect(purposeTitle(noticeV1, 'marketing')).to.equal('Product news');
    expect(purposeTitle(noticeV1, 'gone')).to.equal('gone');
  });

  it('lists the recipients that reuse the verification, and each of their audiences once', () => {
    const purposes = copy(noticeV1).purposes;
    purposes[2]!.recipients.push(
      { name: 'Shield again', role: 'partner', reusesVerification: true, audience: 'https://insure.example' },
      { name: 'No audience', role: 'partner', reusesVerification: true },
    );
    expect(reusers(purposes[0]!)).to.deep.equal([]);
    expect(reusers(purposes[2]!).map((r) => r.name)).to.deep.equal(['Shield again', 'No audience']);
    expect(reuseAudiences(purposes)).to.deep.equal(['https://insure.example', 'https://nest.example']);
  });
});

describe('the notice hash', () => {
  it('is sha256 over the documented canonical text, one field per line', async () => {
    const notice: ConsentNotice = {
      version: '1',
      controller: { name: 'Acme  Bank' },
      summary: 'We check\n your ID. ',
      purposes: [
        {
          id: 'id',
          title: 'Identity',
          why: 'Required by law.',
          dataCategories: ['Name', 'Photo'],
          retention: '5 years',
          recipients: [
            { name: 'DocCheck', role: 'processor' },
            { name: 'Shield', role: 'partner', reusesVerification: true, audience: 'https://shield.example' },
          ],
          legalBasis: 'legal-obligation',
          required: true,
        },
      ],
    };
    const expected = [
      'controller: Acme Bank',
      'summary: We check your ID.',
      'purpose: id',
      'title: Identity',
      'why: Required by law.',
      'data: Name',
      'data: Photo',
      'retention: 5 years',
      'recipient: DocCheck (processor)',
      'recipient: Shield (partner; reuses verification as https://shield.example)',
      'legal-basis: legal-obligation',
      'required: yes',
    ].join('\n');
    expect(noticeText(notice)).to.equal(expected);
    expect(await hashNotice(notice)).to.equal(await sha256(expected));
  });

  it('is stable: the same notice always hashes the same, whatever its JSON key order', async () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = reverseKeys(noticeV1) as ConsentNotice;
    expect(JSON.stringify(reordered)).to.not.equal(JSON.stringify(noticeV1));
    const h = await hashNotice(noticeV1);
    expect(h).to.match(/^sha256:[0-9a-f]{64}$/);
    expect(await hashNotice(copy(noticeV1))).to.equal(h);
    expect(await hashNotice(reordered)).to.equal(h);
  });

  it('changes when any text the customer reads changes', async () => {
    const base = await hashNotice(noticeV1);
    const edits: [string, (n: ConsentNotice) => void][] = [
      ['controller name', (n) => (n.controller.name = 'Acme Bank plc')],
      ['summary', (n) => (n.summary += '!')],
      ['title', (n) => (n.purposes[1]!.title = 'Share your verification')],
      ['why', (n) => (n.purposes[1]!.why = 'Because.')],
      ['a data category', (n) => (n.purposes[0]!.dataCategories[2] = 'Selfie')],
      ['retention', (n) => (n.purposes[0]!.retention = '10 years')],
      ['a recipient', (n) => (n.purposes[0]!.recipients[1]!.name = 'DocCheck GmbH')],
      ['a recipient role', (n) => (n.purposes[0]!.recipients[1]!.role = 'partner')],
      ['a reuse audience', (n) => (n.purposes[1]!.recipients[0]!.audience = 'https://evil.example')],
      ['reuse of verification', (n) => (n.purposes[1]!.recipients[0]!.reusesVerification = false)],
      ['legal basis', (n) => (n.purposes[2]!.legalBasis = 'legitimate-interests')],
      ['required', (n) => (n.purposes[2]!.required = true)],
      ['purpose order', (n) => n.purposes.reverse()],
      ['a purpose id', (n) => (n.purposes[2]!.id = 'newsletter')],
    ];
    const seen = new Set([base]);
    for (const [what, edit] of edits) {
      const n = copy(noticeV1);
      edit(n);
      const h = await hashNotice(n);
      expect(h, `changing the ${what}`).to.not.equal(base);
      seen.add(h);
    }
    expect(seen.size).to.equal(edits.length + 1);
  });

  it('refuses to hash something that is not a valid notice', async () => {
    expect((await rejection(hashNotice({ summary: 'hi' } as unknown as ConsentNotice))).code).to.equal('invalid_consent');
  });

  it('ignores what the customer cannot see: white space runs and the version label', async () => {
    const n = copy(noticeV1);
    n.summary = `  ${n.summary.replace(/ /g, ' \n\t ')}  `;
    n.version = '99';
    expect(await hashNotice(n)).to.equal(await hashNotice(noticeV1));
  });
});

describe('withdrawal', () => {
  it('is its own record: event withdrawal, every optional purpose declined, no reuse, linked to the decision', async () => {
    const decision = await decide({ 'partner-reuse': true, marketing: true });
    const w = await createWithdrawalRecord({ notice: noticeV1, subject: 'cust_7f3a', locale: 'en', previousRecordId: decision.recordId });
    expect(w.event).to.equal('withdrawal');
    expect(w.recordId).to.not.equal(decision.recordId);
    expect(w.previousRecordId).to.equal(decision.recordId);
    expect(w.purposesGranted).to.deep.equal(['identity']);
    expect(w.purposesDenied).to.deep.equal(['partner-reuse', 'marketing']);
    expect(w.reuseAudiences).to.deep.equal([]);
  });

  it('needs the record it withdraws', async () => {
    const e = await rejection(createWithdrawalRecord({ notice: noticeV1, subject: 's', locale: 'en' } as never));
    expect(e.code).to.equal('invalid_consent');
    expect(e.message).to.contain('previousRecordId');
  });
});

describe('comparing a stored record with the current notice', () => {
  it('does not ask again for the same notice', async () => {
    const r = await decide({});
    expect(await compareWithNotice(r, noticeV1)).to.deep.equal({
      askAgain: false,
      sameVersion: true,
      sameLocale: true,
      sameText: true,
      addedPurposes: [],
      removedPurposes: [],
      nowRequired: [],
      addedAudiences: [],
    });
  });

  it('asks again for a new version and lists the new and removed purposes', async () => {
    const r = await decide({});
    const diff = await compareWithNotice(r, noticeV2);
    expect(diff.askAgain).to.equal(true);
    expect(diff.addedPurposes).to.deep.equal(['analytics']);
    expect(diff.removedPurposes).to.deep.equal(['marketing']);
  });

  it('asks again when the wording changed without a new version', async () => {
    const r = await decide({});
    const edited = copy(noticeV1);
    edited.purposes[1]!.why = 'So partners can sell you things.';
    const diff = await compareWithNotice(r, edited);
    expect(diff).to.include({ askAgain: true, sameVersion: true, sameText: false });
    // Naming the record's own language (in any letter case) changes nothing.
    expect(await compareWithNotice(r, edited, { locale: 'EN' })).to.include({ askAgain: true, sameLocale: true });
  });

  describe('a translation of the notice the customer answered', () => {
    it('does not ask again for the same version shown in another language', async () => {
      const r = await decide({ 'partner-reuse': true });
      const diff = await compareWithNotice(r, noticeArV1, { locale: 'ar' });
      expect(diff).to.deep.equal({
        askAgain: false,
        sameVersion: true,
        sameLocale: false,
        sameText: false,
        addedPurposes: [],
        removedPurposes: [],
        nowRequired: [],
        addedAudiences: [],
      });
    });

    it('asks again when the language is not named: the wording differs from what the customer read', async () => {
      const r = await decide({});
      expect(await compareWithNotice(r, noticeArV1)).to.include({ askAgain: true, sameLocale: true, sameText: false });
    });

    it('asks again for a new version, whatever the language', async () => {
      const r = await decide({});
      const arV2 = { ...copy(noticeArV1), version: '2026-12-01' };
      expect(await compareWithNotice(r, arV2, { locale: 'ar' })).to.include({ askAgain: true, sameVersion: false });
    });

    it('asks again when the translation adds or drops a purpose', async () => {
      const r = await decide({});
      const added = copy(noticeArV1);
      added.purposes.push({ ...copy(added.purposes[2]!), id: 'analytics' });
      expect(await compareWithNotice(r, added, { locale: 'ar' })).to.include({ askAgain: true });
      expect((await compareWithNotice(r, added, { locale: 'ar' })).addedPurposes).to.deep.equal(['analytics']);
      const dropped = copy(noticeArV1);
      dropped.purposes.pop();
      expect((await compareWithNotice(r, dropped, { locale: 'ar' })).removedPurposes).to.deep.equal(['marketing']);
    });

    it('asks again when the translation makes a declined purpose required', async () => {
      const r = await decide({ marketing: false });
      const stricter = copy(noticeArV1);
      stricter.purposes[2]!.required = true;
      const diff = await compareWithNotice(r, stricter, { locale: 'ar' });
      expect(diff).to.include({ askAgain: true });
      expect(diff.nowRequired).to.deep.equal(['marketing']);
    });

    it('asks again when the translation lets a partner the customer never allowed reuse their verification', async () => {
      const r = await decide({ 'partner-reuse': true });
      const wider = copy(noticeArV1);
      wider.purposes[1]!.recipients.push({ name: 'شريك جديد', role: 'partner', reusesVerification: true, audience: 'https://new-partner.example' });
      const diff = await compareWithNotice(r, wider, { locale: 'ar' });
      expect(diff).to.include({ askAgain: true });
      expect(diff.addedAudiences).to.deep.equal(['https://new-partner.example']);
      // A declined purpose's partners reuse nothing, so they are no reason to ask.
      const declined = await decide({ 'partner-reuse': false });
      expect(await compareWithNotice(declined, wider, { locale: 'ar' })).to.include({ askAgain: false });
    });

    it('refuses a locale that is not a language tag, naming it', async () => {
      const r = await decide({});
      const e = await rejection(compareWithNotice(r, noticeArV1, { locale: '<script>' }));
      expect(e.code).to.equal('invalid_consent');
      expect(e.message).to.contain('locale').and.contain('<script>');
    });
  });
});

describe('controller keys', () => {
  it('files a controller under its id when it has one, else under its name, and the two forms never collide', () => {
    expect(controllerKey({ id: 'acme-bank', name: 'بنك أكمي' })).to.equal('id:acme-bank');
    expect(controllerKey({ id: 'acme-bank', name: 'Acme Bank' })).to.equal('id:acme-bank');
    expect(controllerKey({ name: 'Acme Bank' })).to.equal('name:Acme Bank');
    expect(controllerKey({ name: 'id:acme-bank' })).to.not.equal(controllerKey({ id: 'acme-bank', name: 'x' }));
  });

  it('accepts an id on the notice and copies it into the record; refuses an id that is not an identifier', async () => {
    const r = await decide({});
    expect(r.controller).to.deep.equal(noticeV1.controller);
    const bad = copy(noticeV1);
    bad.controller.id = 'acme bank <b>';
    const e = await rejection(createConsentRecord({ notice: bad, subject: 'cust_7f3a', locale: 'en', choices: {} }));
    expect(e.code).to.equal('invalid_consent');
    expect(e.message).to.contain('controller.id');
  });
});

describe('consent storage', () => {
  for (const [name, make] of [
    ['MemoryConsentStorage', () => new MemoryConsentStorage()],
    ['LocalStorageConsentStorage', () => new LocalStorageConsentStorage({ storage: new MapStorage() })],
  ] as const) {
    it(`${name} keeps every record in order and returns the latest, per controller and subject`, async () => {
      const storage = make();
      const a = await decide({});
      const b = await decide({ marketing: true }, { previousRecordId: a.recordId });
      const other = await decide({}, { subject: 'cust_other' });
      await storage.save(a);
      await storage.save(other);
      await storage.save(b);
      expect(await storage.latest(ACME, 'cust_7f3a')).to.deep.equal(b);
      expect(await storage.history(ACME, 'cust_7f3a')).to.deep.equal([a, b]);
      expect(await storage.latest(ACME, 'cust_other')).to.deep.equal(other);
      expect(await storage.latest('id:other-bank', 'cust_7f3a')).to.equal(undefined);
    });

    it(`${name} keeps one history for a controller across translations of its notice (same id, translated name)`, async () => {
      const storage = make();
      const english = await decide({});
      const arabic = await createConsentRecord({ notice: noticeArV1, subject: 'cust_7f3a', locale: 'ar', choices: { marketing: true }, previousRecordId: english.recordId });
      await storage.save(english);
      await storage.save(arabic);
      expect(await storage.history(controllerKey(noticeArV1.controller), 'cust_7f3a')).to.deep.equal([english, arabic]);
    });

    it(`${name} keeps controllers without an id apart by name`, async () => {
      const storage = make();
      const unnamed = (controller: ConsentNotice['controller']) => ({ ...copy(noticeV1), controller });
      const acme = await createConsentRecord({ notice: unnamed({ name: 'Acme Bank' }), subject: 'cust_7f3a', locale: 'en', choices: {} });
      const other = await createConsentRecord({ notice: unnamed({ name: 'Other Bank' }), subject: 'cust_7f3a', locale: 'en', choices: {} });
      await storage.save(acme);
      await storage.save(other);
      expect(await storage.history('name:Acme Bank', 'cust_7f3a')).to.deep.equal([acme]);
      expect(await storage.history('name:Other Bank', 'cust_7f3a')).to.deep.equal([other]);
      expect(await storage.history(ACME, 'cust_7f3a')).to.deep.equal([]);
    });

    it(`${name} refuses to store an invalid record`, async () => {
      const record = { ...(await decide({})), purposesGranted: 'all' } as unknown as ConsentRecord;
      expect((await rejection(make().save(record))).code).to.equal('invalid_consent');
    });
  }

  it('localStorage storage survives a new instance over the same storage (a reload)', async () => {
    const backing = new MapStorage();
    const record = await decide({ 'partner-reuse': true });
    const storage = new LocalStorageConsentStorage({ storage: backing });
    await storage.save(record);
    expect(await new LocalStorageConsentStorage({ storage: backing }).latest(ACME, 'cust_7f3a')).to.deep.equal(record);
    expect([...backing.map.keys()]).to.deep.equal([storage.keyFor(ACME, 'cust_7f3a')]);
  });

  it('files a history under the documented key: <prefix>:<controller key>:<subject>, URI-encoded', () => {
    expect(new LocalStorageConsentStorage().keyFor('id:acme-bank', 'cust 7f3a')).to.equal('candor:consent:v2:id%3Aacme-bank:cust%207f3a');
    expect(new LocalStorageConsentStorage({ prefix: 'app' }).keyFor('name:A:B', 's')).to.equal('app:name%3AA%3AB:s');
  });

  describe('unreadable data under a history key', () => {
    /** A LocalStorageConsentStorage over a fresh MapStorage, collecting its warnings. */
    const setup = () => {
      const backing = new MapStorage();
      const warnings: string[] = [];
      const storage = new LocalStorageConsentStorage({ storage: backing, onWarning: (m) => warnings.push(m) });
      const key = storage.keyFor(ACME, 'cust_7f3a');
      const asideKeys = () => [...backing.map.keys()].filter((k) => k.startsWith(`${key}${UNREADABLE_KEY_INFIX}`));
      return { backing, warnings, storage, key, asideKeys };
    };

    // First in this block, so in a fresh run it is also the first damaged read: the code for damaged data is still to be downloaded.
    it('loses no record when two saves meet damaged data at the same moment', async () => {
      const { backing, storage, key, asideKeys } = setup();
      const a = await decide({});
      const original = `${JSON.stringify([a]).slice(0, -1)}, {"recordId": "cut`;
      backing.map.set(key, original);
      const b = await decide({ marketing: true }, { previousRecordId: a.recordId });
      const c = await decide({}, { previousRecordId: a.recordId });
      // Another instance over the same storage, as a second tab or a second component would have.
      const other = new LocalStorageConsentStorage({ storage: backing, onWarning: () => {} });
      await Promise.all([storage.save(b), other.save(c)]);
      const records = JSON.parse(backing.map.get(key)!) as ConsentRecord[];
      expect(records.map((r) => r.recordId)).to.have.members([a.recordId, b.recordId, c.recordId]);
      expect(records[0]).to.deep.equal(a);
      expect(asideKeys().map((k) => backing.map.get(k)), 'the damaged original, set aside once').to.deep.equal([original]);
    });

    it('keeps the records before a cut-off entry, sets the original text aside and appends the next save after them', async () => {
      const { backing, storage, key, asideKeys, warnings } = setup();
      const a = await decide({});
      const b = await decide({ marketing: true }, { previousRecordId: a.recordId });
      const original = JSON.stringify([a, b, await decide({})]).slice(0, -40);
      backing.map.set(key, original);

      const read = await storage.read(ACME, 'cust_7f3a');
      expect(read.records).to.deep.equal([a, b]);
      expect(read.unreadable!.readable).to.equal(2);
      expect(read.unreadable!.key).to.equal(key);
      expect(asideKeys()).to.deep.equal([read.unreadable!.setAsideKey]);
      expect(backing.map.get(read.unreadable!.setAsideKey!)).to.equal(original);
      expect(read.unreadable!.message).to.contain(read.unreadable!.setAsideKey!);
      expect(warnings).to.have.length(1);

      const next = await decide({}, { previousRecordId: b.recordId });
      await storage.save(next);
      expect(JSON.parse(backing.map.get(key)!)).to.deep.equal([a, b, next]);
      expect(backing.map.get(read.unreadable!.setAsideKey!)).to.equal(original);
      // Read again (a reload): nothing left to report, nothing lost.
      expect(await storage.read(ACME, 'cust_7f3a')).to.deep.equal({ records: [a, b, next] });
    });

    it('keeps readable records on both sides of junk and foreign entries', async () => {
      const { backing, storage, key } = setup();
      const a = await decide({});
      const b = await decide({ marketing: true });
      const foreign = await decide({}, { subject: 'someone-else' });
      backing.map.set(key, `[${JSON.stringify(a)}, {"recordId": "x"}, <script>alert(1)</script>, ${JSON.stringify(foreign)}, ${JSON.stringify(b)}]`);
      const read = await storage.read(ACME, 'cust_7f3a');
      expect(read.records).to.deep.equal([a, b]);
      expect(read.unreadable!.message).to.contain('of another controller or subject');
    });

    for (const [what, junk] of [
      ['JSON that is not an array', '{"not": "a list"}'],
      ['text that is not JSON', 'garbage \u0000 <b>'],
      ['an array of non-records', '[1, "two", null]'],
    ] as const) {
      it(`sets ${what} aside unchanged and reports it; the next save does not destroy it`, async () => {
        const { backing, storage, key, asideKeys } = setup();
        backing.map.set(key, junk);
        const read = await storage.read(ACME, 'cust_7f3a');
        expect(read.records).to.deep.equal([]);
        expect(read.unreadable!.readable).to.equal(0);
        expect(backing.map.get(read.unreadable!.setAsideKey!)).to.equal(junk);
        const record = await decide({});
        await storage.save(record);
        expect(JSON.parse(backing.map.get(key)!)).to.deep.equal([record]);
        expect(asideKeys().map((k) => backing.map.get(k))).to.deep.equal([junk]);
      });
    }

    it('never overwrites an earlier set-aside copy, even within the same millisecond', async () => {
      const { backing, storage, key, asideKeys } = setup();
      const realNow = Date.prototype.toISOString;
      Date.prototype.toISOString = () => '2026-12-01T10:00:00.000Z';
      try {
        backing.map.set(key, 'first junk');
        await storage.read(ACME, 'cust_7f3a');
        backing.map.set(key, 'second junk');
        await storage.read(ACME, 'cust_7f3a');
      } finally {
        Date.prototype.toISOString = realNow;
      }
      expect(asideKeys().map((k) => backing.map.get(k)).sort()).to.deep.equal(['first junk', 'second junk']);
    });

    it('leaves the original in place when the quota is full while setting it aside, reports it, and refuses to overwrite it', async () => {
      const { backing, storage, key, asideKeys } = setup();
      const a = await decide({});
      const original = `[${JSON.stringify(a)}, {"cut`;
      backing.map.set(key, original);
      backing.failWith = () => new DOMException('full', 'QuotaExceededError');
      const read = await storage.read(ACME, 'cust_7f3a');
      expect(read.records).to.deep.equal([a]);
      expect(read.unreadable!.setAsideKey).to.equal(undefined);
      expect(read.unreadable!.message).to.contain('left in place');
      const e = await rejection(storage.save(await decide({ marketing: true })));
      expect(e.code).to.equal('storage_quota_exceeded');
      expect(e.message).to.contain(key);
      expect(backing.map.get(key)).to.equal(original);
      expect(asideKeys()).to.deep.equal([]);

      // Space freed: the next read sets the original aside, and saving works again.
      backing.failWith = undefined;
      const again = await storage.read(ACME, 'cust_7f3a');
      expect(backing.map.get(again.unreadable!.setAsideKey!)).to.equal(original);
      const b = await decide({ marketing: true });
      await storage.save(b);
      expect(await storage.history(ACME, 'cust_7f3a')).to.deep.equal([a, b]);
    });

    it('keeps one copy when the key could not be rewritten after setting it aside', async () => {
      const { backing, storage, key, asideKeys } = setup();
      const a = await decide({});
      const original = `[${JSON.stringify(a)}, {"cut`;
      backing.map.set(key, original);
      // Setting aside works; rewriting the history key is refused (say another tab filled the quota).
      const setItem = backing.setItem.bind(backing);
      backing.setItem = (k: string, v: string) => {
        if (k === key) throw new DOMException('full', 'QuotaExceededError');
        setItem(k, v);
      };
      const first = await storage.read(ACME, 'cust_7f3a');
      const second = await storage.read(ACME, 'cust_7f3a');
      expect(backing.map.get(key)).to.equal(original);
      expect(asideKeys()).to.deep.equal([first.unreadable!.setAsideKey]);
      expect(second.unreadable!.setAsideKey).to.equal(first.unreadable!.setAsideKey);
      expect(second.records).to.deep.equal([a]);
    });

    it('history and latest return the readable records too', async () => {
      const { backing, storage, key } = setup();
      const a = await decide({});
      backing.map.set(key, `[${JSON.stringify(a)},`);
      expect(await storage.latest(ACME, 'cust_7f3a')).to.deep.equal(a);
      expect(await storage.history(ACME, 'cust_7f3a')).to.deep.equal([a]);
    });
  });

  it('reports a full quota as storage_quota_exceeded and other write failures as storage_unavailable', async () => {
    const backing = new MapStorage();
    const storage = new LocalStorageConsentStorage({ storage: backing });
    backing.failWith = () => new DOMException('full', 'QuotaExceededError');
    const quota = await rejection(storage.save(await decide({})));
    expect(quota.code).to.equal('storage_quota_exceeded');
    backing.failWith = () => new DOMException('denied', 'SecurityError');
    expect((await rejection(storage.save(await decide({})))).code).to.equal('storage_unavailable');
  });

  it('reports storage that cannot be read at all as storage_unavailable', async () => {
    const locked = new MapStorage();
    locked.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const e = await rejection(new LocalStorageConsentStorage({ storage: locked }).latest(ACME, 'cust_7f3a'));
    expect(e.code).to.equal('storage_unavailable');
    expect(e.message).to.contain('ConsentStorage');
  });

  it('keeps at most maxRecords per subject, dropping the oldest', async () => {
    const storage = new LocalStorageConsentStorage({ storage: new MapStorage(), maxRecords: 2 });
    const records = [await decide({}), await decide({}), await decide({})];
    for (const r of records) await storage.save(r);
    expect(await storage.history(ACME, 'cust_7f3a')).to.deep.equal(records.slice(1));
  });
});

describe('consent receipts', () => {
  it('holds the record, the notice, the canonical text and a plain summary', async () => {
    const record = await decide({ 'partner-reuse': true });
    const file = await consentReceipt(record, noticeV1);
    expect(file.mediaType).to.equal('application/json');
    expect(file.filename).to.equal(`consent-receipt-${record.timestamp.slice(0, 10)}-${record.recordId.slice(0, 8)}.json`);
    const parsed = JSON.parse(file.json);
    expect(parsed.type).to.equal('candor-consent-receipt');
    expect(parsed.record).to.deep.equal(record);
    expect(parsed.notice).to.deep.equal(noticeV1);
    expect(await sha256(parsed.noticeText)).to.equal(record.notice.hash);
    expect(parsed.summary).to.include('Allowed: Verify your identity, Reuse your verification at partners');
    expect(parsed.summary).to.include('Declined: Product news');
    expect(parsed.summary).to.include('Partners who may reuse your verification: https://insure.example, https://nest.example');
  });

  it('uses the labels it is given', async () => {
    const file = await consentReceipt(await decide({}), noticeV1, { declined: 'مرفوض' });
    expect(file.receipt.summary).to.include('مرفوض: Reuse your verification at partners, Product news');
  });

  it('refuses to pair a record with a notice it was not made under', async () => {
    const e = await rejection(consentReceipt(await decide({}), noticeV2));
    expect(e.code).to.equal('invalid_consent');
  });
});

describe('consent records and token issuance', () => {
  it('lets an issuer that requires consent issue for a granted reuse audience, and not after withdrawal', async () => {
    const issuer = createIssuer({ issuer: 'https://id.acme.example', keys: await KeySet.generate(), requireConsentForAudiences: true });
    const verification = { level: 'substantial' as const, methods: ['document' as const], verifiedAt: new Date(), riskTier: 'low' as const };
    const decision = await decide({ 'partner-reuse': true });
    const token = await issuer.issue({ subject: 'cust_7f3a', audience: 'https://nest.example', verification, consent: decision });
    expect(token.split('.')).to.have.length(3);
    const declined = await decide({ 'partner-reuse': false });
    expect((await rejection(issuer.issue({ subject: 'cust_7f3a', audience: 'https://nest.example', verification, consent: declined }))).code).to.equal('consent_required');
    const withdrawal = await createWithdrawalRecord({ notice: noticeV1, subject: 'cust_7f3a', locale: 'en', previousRecordId: decision.recordId });
    expect((await rejection(issuer.issue({ subject: 'cust_7f3a', audience: 'https://nest.example', verification, consent: withdrawal }))).code).to.equal('consent_required');
  });
});

describe('signed consent records', () => {
  it('round-trips through sign and verify with a KeySet, a CandorKey and a public JWKS', async () => {
    const keys = await KeySet.generate();
    const record = await decide({ 'partner-reuse': true });
    const jws = await signConsentRecord(record, keys);
    const header = JSON.parse(atob(jws.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(header).to.deep.equal({ alg: 'ES256', kid: keys.active.kid, typ: CONSENT_RECORD_TYPE });
    expect(await verifyConsentRecord(jws, keys)).to.deep.equal(record);
    expect(await verifyConsentRecord(jws, keys.publicJwks())).to.deep.equal(record);
    const ed = await generateKey('EdDSA');
    expect(await verifyConsentRecord(await signConsentRecord(record, ed), ed)).to.deep.equal(record);
  });

  it('rejects a tampered record as bad_signature', async () => {
    const keys = await KeySet.generate();
    const record = await decide({});
    const [h, , s] = (await signConsentRecord(record, keys)).split('.');
    const forged = { ...record, purposesGranted: ['identity', 'partner-reuse', 'marketing'], purposesDenied: [] };
    expect((await rejection(verifyConsentRecord(`${h}.${b64url(JSON.stringify(forged))}.${s}`, keys))).code).to.equal('bad_signature');
  });

  it('rejects a record signed by another key as unknown_key', async () => {
    const jws = await signConsentRecord(await decide({}), await KeySet.generate());
    expect((await rejection(verifyConsentRecord(jws, await KeySet.generate()))).code).to.equal('unknown_key');
  });

  it('lets a bug in the key set propagate instead of calling the record\'s key unknown', async () => {
    const keys = await KeySet.generate();
    const jws = await signConsentRecord(await decide({}), keys);
    keys.get = () => {
      throw new TypeError('key store is broken');
    };
    const error = await verifyConsentRecord(jws, keys).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.equal('key store is broken');
  });

  it('rejects a JWS with another typ as wrong_type', async () => {
    const key = await generateKey();
    const payload = b64url(JSON.stringify(await decide({})));
    for (const typ of ['JWT', undefined]) {
      const header = b64url(JSON.stringify({ alg: 'ES256', kid: key.kid, ...(typ ? { typ } : {}) }));
      expect((await rejection(verifyConsentRecord(`${header}.${payload}.AAAA`, key))).code).to.equal('wrong_type');
    }
  });

  it('rejects a verification token passed as a consent record as wrong_type', async () => {
    const keys = await KeySet.generate();
    const issuer = createIssuer({ issuer: 'https://id.acme.example', keys });
    const token = await issuer.issue({
      subject: 'cust_7f3a',
      audience: 'https://insure.example',
      verification: { level: 'substantial', methods: ['document'], verifiedAt: new Date(), riskTier: 'low' },
    });
    const e = await rejection(verifyConsentRecord(token, keys));
    expect(e.code).to.equal('wrong_type');
    expect(e.message).to.contain('candor-verification+jwt');
  });

  it('is refused by the token verifier as wrong_type: a consent record is never a verification token', async () => {
    const keys = await KeySet.generate();
    const jws = await signConsentRecord(await decide({ 'partner-reuse': true }), keys);
    const verifier = createVerifier({ issuer: 'https://id.acme.example', audience: 'https://insure.example', keys });
    expect((await rejection(verifier.verify(jws))).code).to.equal('wrong_type');
  });

  it('refuses alg none, oversized input and non-strings before checking any signature', async () => {
    const key = await generateKey();
    const payload = b64url(JSON.stringify(await decide({})));
    const none = `${b64url(JSON.stringify({ alg: 'none', kid: key.kid, typ: CONSENT_RECORD_TYPE }))}.${payload}.AAAA`;
    expect((await rejection(verifyConsentRecord(none, key))).code).to.equal('unsupported_algorithm');
    expect((await rejection(verifyConsentRecord('a'.repeat(20_000), key))).code).to.equal('too_large');
    expect((await rejection(verifyConsentRecord({ record: 1 }, key))).code).to.equal('invalid_input');
    expect((await rejection(verifyConsentRecord('a.b', key))).code).to.equal('malformed');
    const jwk = `${b64url(JSON.stringify({ alg: 'ES256', kid: key.kid, typ: CONSENT_RECORD_TYPE, jwk: key.publicJwk }))}.${payload}.AAAA`;
    expect((await rejection(verifyConsentRecord(jwk, key))).code).to.equal('forbidden_header');
  });

  it('rejects a correctly signed payload that is not a valid consent record as invalid_claims', async () => {
    const key = await generateKey();
    const { CompactSign } = await import('jose');
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify({ recordId: 'x', purposesGranted: 'all' })))
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: CONSENT_RECORD_TYPE })
      .sign(key.privateKey!);
    const e = await rejection(verifyConsentRecord(jws, key));
    expect(e.code).to.equal('invalid_claims');
    expect(e.message).to.contain('recordId');
  });

  it('refuses to sign an invalid record or with a public-only key', async () => {
    const key = await generateKey();
    expect((await rejection(signConsentRecord({ recordId: 'x' } as unknown as ConsentRecord, key))).code).to.equal('invalid_consent');
    const { importKey } = await import('@candor/core/keys');
    const publicOnly = await importKey(key.publicJwk);
    expect((await rejection(signConsentRecord(await decide({}), publicOnly))).code).to.equal('invalid_key');
  });
});

describe('LocalStorageConsentStorage over a Storage double that answers garbage (found by generated input)', () => {
  /** A Storage whose getItem answers `answer(key, real)` instead of null for a missing key. */
  const double = (answer: (key: string, real: Map<string, string>) => unknown, length = () => 0): Storage => {
    const real = new Map<string, string>();
    return {
      getItem: (k: string) => answer(k, real),
      setItem: (k: string, v: string) => void real.set(k, v),
      removeItem: (k: string) => void real.delete(k),
      key: () => null,
      clear: () => real.clear(),
      get length() {
        return length();
      },
    } as Storage;
  };

  it('takes undefined for a missing key as nothing stored, as null', async () => {
    const storage = new LocalStorageConsentStorage({ storage: double((k, real) => real.get(k)), onWarning: () => {} });
    expect(await storage.read(ACME, 'cust_7f3a')).to.deep.equal({ records: [] });
    const record = await decide({});
    await storage.save(record);
    expect(await storage.latest(ACME, 'cust_7f3a')).to.deep.equal(record);
  });

  it('finishes when getItem never answers null or length never ends: the data is left in place and save refuses to overwrite it', async () => {
    for (const storage of [double(() => ''), double(() => 5), double(() => ({})), double((k) => (k.includes(':unreadable:') ? null : '[1,'), () => Infinity)]) {
      const warnings: string[] = [];
      const s = new LocalStorageConsentStorage({ storage, onWarning: (m) => warnings.push(m) });
      const { records, unreadable } = await s.read(ACME, 'cust_7f3a');
      expect(records).to.deep.equal([]);
      expect(unreadable).to.not.equal(undefined);
      if (unreadable!.setAsideKey === undefined) expect((await rejection(s.save(await decide({})))).code).to.equal('storage_unavailable');
      else await s.save(await decide({}));
    }
  });
});
