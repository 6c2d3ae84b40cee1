// Input that cannot even be read (a getter that throws, a revoked Proxy) is refused like any other
// invalid input: a CandorError with its code and a "(root) could not be read" issue, never the
// getter's own exception escaping from a validating entry point.
import { expect } from 'chai';
import { isCandorError, type CandorErrorCode } from '@candor/core/errors';
import { KeySet } from '@candor/core/keys';
import { checkValue, IncidentSchema } from '@candor/core/models';
import { incidentMessages } from '@candor/core/incidents';
import { controllerKey, createConsentRecord, MemoryConsentStorage } from '@candor/core/consent';
import { createFaqIndex } from '@candor/core/faq';
import { createIssuer } from '@candor/core/tokens';
import { createStatusChecker } from '@candor/core/status-list';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { noticeV1 } from '../support/consent-notice.js';
import { AUD, ISS } from './token-kit.js';

/** A copy of `value` whose member `key` throws when read. */
function throwingAt<T extends object>(value: T, key: string): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  Object.defineProperty(copy, key, { enumerable: true, get: () => { throw new Error(`reading ${key} failed`); } });
  return copy as T;
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

async function refusal(run: () => unknown): Promise<Error & { code: CandorErrorCode }> {
  try {
    await run();
  } catch (e) {
    expect(isCandorError(e), `threw ${String(e)} instead of a CandorError`).to.be.true;
    return e as Error & { code: CandorErrorCode };
  }
  throw new Error('was accepted');
}

describe('input that cannot be read', () => {
  it('checkValue turns a throwing getter and a revoked Proxy into a (root) issue, and still parses good input', () => {
    const r = checkValue(IncidentSchema, throwingAt(cardOutage, 'title'));
    expect(r).to.deep.equal({ ok: false, issues: [{ path: '(root)', message: '(root) could not be read: Error: reading title failed' }] });
    const p = checkValue(IncidentSchema, revoked());
    expect(p.ok).to.be.false;
    expect(!p.ok && p.issues[0]!.path).to.equal('(root)');
    const good = checkValue(IncidentSchema, cardOutage);
    expect(good.ok && good.value.id).to.equal(cardOutage.id);
  });

  it('incidentMessages: invalid_incident for an incident whose title throws, or that is a revoked Proxy', async () => {
    for (const incident of [throwingAt(cardOutage, 'title'), revoked()]) {
      const e = await refusal(() => incidentMessages(incident, { channel: 'sms' }));
      expect(e.code).to.equal('invalid_incident');
      expect(e.message).to.include('could not be read');
    }
  });

  it('createConsentRecord: invalid_consent for a notice whose purposes throw', async () => {
    const e = await refusal(() => createConsentRecord({ notice: throwingAt(noticeV1, 'purposes'), subject: 'cust_1', locale: 'en', choices: {} }));
    expect(e.code).to.equal('invalid_consent');
    expect(e.message).to.include('could not be read');
  });

  it('MemoryConsentStorage.save: refuses a record that cannot be read, and stores nothing', async () => {
    const storage = new MemoryConsentStorage();
    const record = await createConsentRecord({ notice: noticeV1, subject: 'cust_1', locale: 'en', choices: {} });
    await refusal(() => storage.save(throwingAt(record, 'purposesGranted')));
    expect(await storage.history(controllerKey(record.controller), record.subject)).to.deep.equal([]);
  });

  it('createFaqIndex: invalid_faq for entries behind a revoked Proxy', async () => {
    const e = await refusal(() => createFaqIndex(revoked() as never));
    expect(e.code).to.equal('invalid_faq');
  });

  it('createIssuer().issue: consent_required when the consent record cannot be read; the issue names it', async () => {
    const keys = await KeySet.generate();
    const issuer = createIssuer({ issuer: ISS, keys, requireConsentForAudiences: true });
    const record = await createConsentRecord({ notice: noticeV1, subject: 'cust_1', locale: 'en', choices: { 'partner-reuse': true } });
    const verification = { level: 'low' as const, methods: ['document' as const], verifiedAt: Date.now() - 1000, riskTier: 'low' as const };
    const e = await refusal(() => issuer.issue({ subject: 'cust_1', audience: AUD, verification, consent: throwingAt(record, 'subject') }));
    expect(e.code).to.equal('consent_required');
    expect(e.message).to.include('could not be read');
  });

  it('a status checker: invalid_claims naming status for a status claim that cannot be read', async () => {
    const keys = await KeySet.generate();
    const checker = createStatusChecker({ issuer: ISS, keys: keys.publicJwks(), fetch: async () => new Response('unused') });
    for (const status of [throwingAt({ status_list: { idx: 0, uri: `${ISS}/status/1` } }, 'status_list'), revoked()]) {
      const e = await refusal(() => checker.check(status));
      expect(e.code).to.equal('invalid_claims');
      expect((e as { field?: string }).field).to.equal('status');
      expect(e.message).to.include('status could not be read');
    }
  });
});
