import { expect } from 'chai';
import { clockProblem, OnboardingStepSchema, OnboardingStepsSchema, readClock, systemClock, toValidationIssues } from '@candor/core/models';
import { AttributesSchema } from '@candor/core/tokens';

describe('onboarding step model', () => {
  it('accepts a valid journey', () => {
    const r = OnboardingStepsSchema.safeParse([{ id: 'identity', title: 'Verify', estimatedMinutes: 3, status: 'current' }]);
    expect(r.success).to.equal(true);
  });

  it('explains what is wrong with an invalid step, naming the field', () => {
    const r = OnboardingStepsSchema.safeParse([{ id: 'identity', title: '', estimatedMinutes: -1, status: 'done' }]);
    expect(r.success).to.equal(false);
    const messages = toValidationIssues(r.error!.issues).map((i) => i.message);
    expect(messages).to.include('0.title must be at least 1 character(s) long');
    expect(messages).to.include('0.estimatedMinutes must be at least 0');
    expect(messages.some((m) => m.startsWith('0.status expected one of "upcoming"'))).to.equal(true);
  });

  it('rejects duplicate step ids', () => {
    const step = { id: 'a', title: 'A', estimatedMinutes: 1, status: 'upcoming' };
    const r = OnboardingStepsSchema.safeParse([step, step]);
    expect(r.success).to.equal(false);
    expect(toValidationIssues(r.error!.issues)[0]!.message).to.contain('step ids must be unique');
  });
});

describe('models given "__proto__" keys (as JSON.parse makes them)', () => {
  const withProto = (value: object) => JSON.parse(JSON.stringify(value).replace('{', '{"__proto__":{"polluted":true},')) as object;
  const step = { id: 'identity', title: 'Verify', estimatedMinutes: 3, status: 'current' };

  it('never hands back an object whose prototype the input chose', () => {
    const r = OnboardingStepSchema.safeParse(withProto(step));
    // Unknown keys are dropped by the step model; what matters is that the result is a plain object.
    expect(r.success).to.equal(true);
    expect(Object.getPrototypeOf(r.data)).to.equal(Object.prototype);
    expect((r.data as { polluted?: unknown }).polluted).to.equal(undefined);
  });

  it('describes a record key the schema refuses as a key problem, in words', () => {
    const r = AttributesSchema.safeParse({ Age: true });
    expect(r.success).to.equal(false);
    const [issue] = toValidationIssues(r.error!.issues);
    expect(issue!.path).to.equal('Age');
    expect(issue!.message).to.match(/^Age is not an allowed attribute name: use lowercase snake_case/);
  });
});

describe('the shared Clock (() => Date)', () => {
  it('reads a working clock and says nothing is wrong with it', () => {
    const fixed = new Date('2026-11-23T10:00:00.000Z');
    expect(readClock(() => fixed)).to.equal(fixed);
    expect(clockProblem(() => fixed)).to.equal(undefined);
    expect(clockProblem(systemClock)).to.equal(undefined);
  });

  it('falls back to the real time for a broken clock and says why, naming the old number shape', () => {
    const cases: [unknown, RegExp][] = [
      [() => Date.now(), /^returned a number, not a Date/],
      [() => new Date(Number.NaN), /^returned an invalid Date/],
      [() => null, /^returned null/],
      [() => {
        throw new RangeError('no time');
      }, /^threw \(RangeError: no time\)/],
      [1_700_000_000_000, /^is not a function/],
    ];
    for (const [clock, why] of cases) {
      const before = Date.now();
      const t = readClock(clock).getTime();
      expect(t, String(clock)).to.be.within(before, Date.now());
      expect(clockProblem(clock), String(clock)).to.match(why);
    }
  });
});
