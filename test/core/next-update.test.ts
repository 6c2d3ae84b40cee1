// nextUpdateState (@candor/core/incidents): the countdown, the due moment and the honest overdue
// state the banner and hosts show for a promised update.
import { expect } from 'chai';
import { nextUpdateState } from '@candor/core/incidents';
import { cardOutage, resolvedOutage } from '../../examples/fixtures/incidents.js';

const promised = Date.parse(cardOutage.nextUpdateAt!);
const at = (offsetMs: number) => new Date(promised + offsetMs);

describe('nextUpdateState', () => {
  it('counts the whole minutes left, rounded up, while the update is still to come', () => {
    expect(nextUpdateState(cardOutage, at(-30 * 60_000))).to.deep.equal({ state: 'on-time', at: promised, minutesLeft: 30 });
    expect(nextUpdateState(cardOutage, at(-61_000))).to.deep.equal({ state: 'on-time', at: promised, minutesLeft: 2 });
    expect(nextUpdateState(cardOutage, at(-1))).to.deep.equal({ state: 'on-time', at: promised, minutesLeft: 1 });
  });

  it('is due from the promised time until the grace period ends, then overdue by whole minutes', () => {
    expect(nextUpdateState(cardOutage, at(0))).to.deep.equal({ state: 'due', at: promised });
    expect(nextUpdateState(cardOutage, at(5 * 60_000 - 1))).to.deep.equal({ state: 'due', at: promised });
    expect(nextUpdateState(cardOutage, at(5 * 60_000))).to.deep.equal({ state: 'overdue', at: promised, minutesLate: 5 });
    expect(nextUpdateState(cardOutage, at(10 * 60_000 + 59_000))).to.deep.equal({ state: 'overdue', at: promised, minutesLate: 10 });
    expect(nextUpdateState(cardOutage, at(60_000), { graceMinutes: 0 })).to.deep.equal({ state: 'overdue', at: promised, minutesLate: 1 });
  });

  it('promises nothing once the incident is over, or when no update was promised', () => {
    expect(nextUpdateState({ ...resolvedOutage, nextUpdateAt: cardOutage.nextUpdateAt }, at(60 * 60_000))).to.deep.equal({ state: 'none' });
    expect(nextUpdateState({ status: 'completed', nextUpdateAt: cardOutage.nextUpdateAt }, at(0))).to.deep.equal({ state: 'none' });
    expect(nextUpdateState({ status: 'investigating' }, at(0))).to.deep.equal({ state: 'none' });
  });

  it('refuses a clock reading or grace period it cannot use, saying which', () => {
    expect(() => nextUpdateState(cardOutage, new Date(Number.NaN))).to.throw(RangeError, /now must be a valid Date/);
    expect(() => nextUpdateState(cardOutage, Date.now() as unknown as Date)).to.throw(RangeError, /now must be a valid Date/);
    for (const graceMinutes of [-1, Number.NaN, 1441, '5' as unknown as number]) {
      expect(() => nextUpdateState(cardOutage, at(0), { graceMinutes }), String(graceMinutes)).to.throw(RangeError, /graceMinutes must be a number from 0 to 1440/);
    }
  });

  it('reads a nextUpdateAt that is not a string as no promise, and names the kind of a graceMinutes that is not a number', () => {
    const now = at(0);
    expect(nextUpdateState({ status: 'investigating', nextUpdateAt: Symbol('t') as never }, now)).to.deep.equal({ state: 'none' });
    expect(nextUpdateState({ status: 'investigating', nextUpdateAt: { toString: () => cardOutage.nextUpdateAt } as never }, now)).to.deep.equal({ state: 'none' });
    expect(() => nextUpdateState(cardOutage, now, { graceMinutes: new Array(2 ** 32 - 1) as never })).to.throw(RangeError, 'graceMinutes must be a number from 0 to 1440, got object.');
    expect(() => nextUpdateState(cardOutage, now, { graceMinutes: 2000 })).to.throw(RangeError, 'got 2000.');
  });
});
