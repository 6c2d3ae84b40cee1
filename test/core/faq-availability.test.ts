// channelAvailability (@candor/core/faq): open now, opens at, or closed, computed in the channel's
// time zone across daylight-saving changes, overnight hours, 24:00, closures and the horizon.
// London changes on 2026-03-29 (01:00 GMT → 02:00 BST) and 2026-10-25 (02:00 BST → 01:00 GMT);
// New York on 2026-03-08 (02:00 EST → 03:00 EDT) and 2026-11-01 (02:00 EDT → 01:00 EST).
import { expect } from 'chai';
import { channelAvailability, type ChannelAvailability } from '@candor/core/faq';
import { isCandorError, type CandorError } from '@candor/core/errors';
import type { ContactChannel, OpeningHours, Weekday } from '@candor/core/models';
import { contactChannels } from '../../examples/fixtures/faq.js';

const [chat, phone, email] = contactChannels as [ContactChannel, ContactChannel, ContactChannel];

/** A phone channel in `timeZone` open on `hours`. */
const channel = (timeZone: string, hours: ContactChannel['hours'], closures?: ContactChannel['closures']): ContactChannel => ({
  id: 'test',
  kind: 'phone',
  label: 'Call us',
  timeZone,
  ...(hours ? { hours } : {}),
  ...(closures ? { closures } : {}),
});
const every = (h: OpeningHours): Partial<Record<Weekday, OpeningHours[]>> =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [h]]));

/** The availability at `iso`, with dates as ISO strings so failures read as times. */
function at(c: ContactChannel, iso: string, horizonDays?: number): Record<string, unknown> {
  const a: ChannelAvailability = channelAvailability(c, new Date(iso), horizonDays === undefined ? undefined : { horizonDays });
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

function refusal(fn: () => unknown): CandorError {
  try {
    fn();
  } catch (e) {
    if (isCandorError(e)) return e;
    throw e;
  }
  throw new Error('expected a CandorError');
}

describe('channelAvailability', () => {
  describe('daylight-saving changes', () => {
    it('London, clocks forward: closed Friday evening, opens Monday at 08:00 BST (07:00 UTC)', () => {
      expect(at(phone, '2026-03-27T19:59:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-03-27T20:00:00.000Z' });
      expect(at(phone, '2026-03-27T20:30:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-03-30T07:00:00.000Z' });
      expect(at(phone, '2026-03-30T07:30:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-03-30T19:00:00.000Z' });
    });

    it('London, clocks back: opens Monday at 08:00 GMT (08:00 UTC), an hour later in UTC than the week before', () => {
      expect(at(phone, '2026-10-23T20:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-10-26T08:00:00.000Z' });
      expect(at(phone, '2026-10-26T07:30:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-10-26T08:00:00.000Z' });
    });

    it('New York, both ways: 09:00–17:00 every day is 09:00 EDT after the spring change and 09:00 EST after the autumn one', () => {
      const ny = channel('America/New_York', every({ opens: '09:00', closes: '17:00' }));
      expect(at(ny, '2026-03-07T23:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-03-08T13:00:00.000Z' });
      expect(at(ny, '2026-03-08T16:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-03-08T21:00:00.000Z' });
      expect(at(ny, '2026-10-31T22:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-11-01T14:00:00.000Z' });
      expect(at(ny, '2026-11-01T21:30:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-11-01T22:00:00.000Z' });
    });

    it('overnight hours across the change last the hours the clocks show: 3 hours in spring, 5 in autumn', () => {
      const london = channel('Europe/London', { sat: [{ opens: '22:00', closes: '02:00' }] });
      expect(at(london, '2026-03-28T23:30:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-03-29T01:00:00.000Z' });
      expect(at(london, '2026-10-24T20:30:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-10-24T21:00:00.000Z' });
      // 01:30 GMT, the second time the clocks read 01:30 that night: still open until 02:00 GMT.
      expect(at(london, '2026-10-25T01:30:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-10-25T02:00:00.000Z' });
    });

    it('a time in the skipped hour is the moment of the change; hours wholly inside it do not open that night', () => {
      const opensInGap = channel('Europe/London', { sun: [{ opens: '01:30', closes: '03:00' }] });
      expect(at(opensInGap, '2026-03-29T00:15:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-03-29T01:00:00.000Z' });
      const closesInGap = channel('Europe/London', { sat: [{ opens: '22:00', closes: '01:30' }] });
      expect(at(closesInGap, '2026-03-29T00:45:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-03-29T01:00:00.000Z' });
      const insideGap = channel('Europe/London', { sun: [{ opens: '01:15', closes: '01:45' }] });
      expect(at(insideGap, '2026-03-29T00:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-04-05T00:15:00.000Z' });
      const ny = channel('America/New_York', { sun: [{ opens: '02:30', closes: '04:00' }] });
      expect(at(ny, '2026-03-08T06:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-03-08T07:00:00.000Z' });
    });

    it('where the clocks skip midnight (Santiago, 2026-09-06), 24:00 Saturday and 00:00 Sunday are the moment of the change', () => {
      const saturday = channel('America/Santiago', { sat: [{ opens: '18:00', closes: '24:00' }] });
      expect(at(saturday, '2026-09-06T03:30:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-09-06T04:00:00.000Z' });
      const sunday = channel('America/Santiago', { sun: [{ opens: '00:00', closes: '10:00' }] });
      expect(at(sunday, '2026-09-06T03:30:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-09-06T04:00:00.000Z' });
      expect(at(sunday, '2026-09-06T04:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-09-06T13:00:00.000Z' });
    });

    it('a time the clocks read twice is its first occurrence', () => {
      const london = channel('Europe/London', { sun: [{ opens: '01:30', closes: '03:00' }] });
      expect(at(london, '2026-10-25T00:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-10-25T00:30:00.000Z' });
      expect(at(london, '2026-10-25T00:45:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-10-25T03:00:00.000Z' });
      const ny = channel('America/New_York', { sat: [{ opens: '22:00', closes: '01:30' }] });
      expect(at(ny, '2026-11-01T05:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-11-01T05:30:00.000Z' });
      expect(at(ny, '2026-11-01T06:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-11-08T03:00:00.000Z' });
    });
  });

  describe('overnight hours, 24:00 and adjacent intervals', () => {
    const night = channel('Europe/London', { fri: [{ opens: '22:00', closes: '02:00' }] });

    it('Friday 22:00–02:00 is open on Saturday at 01:00 and closed at 02:00', () => {
      expect(at(night, '2026-12-05T01:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-05T02:00:00.000Z' });
      expect(at(night, '2026-12-05T02:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-11T22:00:00.000Z' });
      expect(at(night, '2026-12-04T21:59:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-04T22:00:00.000Z' });
    });

    it('24:00 closes at midnight, and hours that meet at midnight or at noon are one opening', () => {
      const lateToEarly = channel('Europe/London', { mon: [{ opens: '20:00', closes: '24:00' }], tue: [{ opens: '00:00', closes: '06:00' }] });
      expect(at(lateToEarly, '2026-12-07T21:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-08T06:00:00.000Z' });
      const split = channel('Europe/London', { mon: [{ opens: '12:00', closes: '18:00' }, { opens: '08:00', closes: '12:00' }] });
      expect(at(split, '2026-12-07T09:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-07T18:00:00.000Z' });
      const midnight = channel('Asia/Tokyo', { mon: [{ opens: '18:00', closes: '24:00' }] });
      expect(at(midnight, '2026-12-07T14:59:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-07T15:00:00.000Z' });
    });

    it('a channel open 00:00–24:00 every day is open with no closing time in the horizon', () => {
      expect(at(channel('Europe/London', every({ opens: '00:00', closes: '24:00' })), '2026-12-07T09:00:00Z')).to.deep.equal({ state: 'open' });
    });

    it('a channel whose hours list no day is closed', () => {
      expect(at(channel('Europe/London', {}), '2026-12-07T09:00:00Z')).to.deep.equal({ state: 'closed' });
    });
  });

  describe('closures', () => {
    it('a range of closure days (Christmas): closed with its reason, opening on the next working day', () => {
      expect(at(chat, '2026-12-24T21:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-24T22:00:00.000Z' });
      expect(at(chat, '2026-12-24T23:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-28T08:00:00.000Z' });
      expect(at(chat, '2026-12-25T12:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-28T08:00:00.000Z', closure: { reason: 'Christmas' } });
      expect(at(chat, '2026-12-26T10:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-28T08:00:00.000Z', closure: { reason: 'Christmas' } });
    });

    it('a single closure day, given by its date in the channel’s zone, not in UTC', () => {
      const tokyo = channel('Asia/Tokyo', every({ opens: '09:00', closes: '17:00' }), [{ from: '2026-12-08' }]);
      // 2026-12-08T01:00Z is 10:00 on Tuesday 8 December in Tokyo (still Monday in UTC).
      expect(at(tokyo, '2026-12-08T01:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-09T00:00:00.000Z', closure: {} });
      expect(at(tokyo, '2026-12-07T07:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-07T08:00:00.000Z' });
    });

    it('around midnight: hours that start the evening before a closure day run to their end; hours that start on it do not open', () => {
      const night = channel('Europe/London', { fri: [{ opens: '22:00', closes: '02:00' }] }, [{ from: '2026-12-05', reason: 'Stocktake' }]);
      expect(at(night, '2026-12-04T23:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-05T02:00:00.000Z' });
      expect(at(night, '2026-12-05T01:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-05T02:00:00.000Z', closure: { reason: 'Stocktake' } });
      const closedFriday = channel('Europe/London', { fri: [{ opens: '22:00', closes: '02:00' }] }, [{ from: '2026-12-04' }]);
      expect(at(closedFriday, '2026-12-04T23:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-11T22:00:00.000Z', closure: {} });
      expect(at(closedFriday, '2026-12-05T01:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-11T22:00:00.000Z' });
    });

    it('an open spell that runs into a closure closes at the closure’s first midnight', () => {
      const allDay = channel('Europe/London', every({ opens: '00:00', closes: '24:00' }), [{ from: '2026-12-25', to: '2026-12-26' }]);
      expect(at(allDay, '2026-12-20T09:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-25T00:00:00.000Z' });
    });
  });

  describe('always-open channels and the horizon', () => {
    it('a channel without hours is always open', () => {
      expect(at(email, '2026-12-25T12:00:00Z')).to.deep.equal({ state: 'always' });
      expect(at(email, '2026-03-29T01:30:00Z')).to.deep.equal({ state: 'always' });
    });

    it('a channel without hours but with a closure in the horizon closes for it and reopens after it', () => {
      const c: ContactChannel = { ...email, closures: [{ from: '2026-12-25', reason: 'Christmas' }] };
      expect(at(c, '2026-12-20T12:00:00Z')).to.deep.equal({ state: 'open', closesAt: '2026-12-25T00:00:00.000Z' });
      expect(at(c, '2026-12-25T12:00:00Z')).to.deep.equal({ state: 'opens', opensAt: '2026-12-26T00:00:00.000Z', closure: { reason: 'Christmas' } });
      expect(at(c, '2026-12-01T12:00:00Z', 14)).to.deep.equal({ state: 'always' });
    });

    it('looks horizonDays ahead (default 14): an opening beyond it is closed, within it is opens', () => {
      const summer = channel('Europe/London', { mon: [{ opens: '09:00', closes: '12:00' }] }, [{ from: '2026-07-01', to: '2026-07-31', reason: 'Summer break' }]);
      expect(at(summer, '2026-07-10T12:00:00Z')).to.deep.equal({ state: 'closed', closure: { reason: 'Summer break' } });
      expect(at(summer, '2026-07-10T12:00:00Z', 30)).to.deep.equal({ state: 'opens', opensAt: '2026-08-03T08:00:00.000Z', closure: { reason: 'Summer break' } });
      const allDay = channel('Europe/London', every({ opens: '00:00', closes: '24:00' }), [{ from: '2026-12-25' }]);
      expect(at(allDay, '2026-12-20T09:00:00Z', 3)).to.deep.equal({ state: 'open' });
      expect(at(allDay, '2026-12-20T09:00:00Z', 5)).to.deep.equal({ state: 'open', closesAt: '2026-12-25T00:00:00.000Z' });
    });
  });

  describe('refusals', () => {
    it('refuses a channel that fails ContactChannelSchema with invalid_faq, naming each path', () => {
      const bad = { ...chat, timeZone: 'Europe/Londres', hours: { mon: [{ opens: '08:00', closes: '08:00' }] } };
      const e = refusal(() => channelAvailability(bad as ContactChannel, new Date()));
      expect(e.code).to.equal('invalid_faq');
      expect(e.field).to.equal('timeZone');
      expect(e.issues!.map((i) => i.path)).to.deep.equal(['timeZone', 'hours.mon.0.closes']);
      expect(e.message).to.match(/^The contact channel is not valid: timeZone must be an IANA time zone/);
      expect(refusal(() => channelAvailability(null as unknown as ContactChannel, new Date())).code).to.equal('invalid_faq');
    });

    it('refuses a now that is not a valid Date and a horizon that is not 1–366 whole days, naming the option', () => {
      // A Date near the limits of the Date range: the horizon would run past them (a RangeError from Intl before).
      for (const now of [new Date('not a date'), Date.now(), '2026-12-01T10:00:00Z', undefined, new Date(8.64e15), new Date(-8.64e15 + 1000), new Date(8.64e15 - 100 * 86_400_000)]) {
        const e = refusal(() => channelAvailability(chat, now as Date));
        expect([e.code, e.field]).to.deep.equal(['invalid_options', 'now']);
      }
      for (const horizonDays of [0, 367, 1.5, NaN, '14']) {
        const e = refusal(() => channelAvailability(chat, new Date(), { horizonDays: horizonDays as number }));
        expect([e.code, e.field]).to.deep.equal(['invalid_options', 'horizonDays']);
      }
    });
  });
});
