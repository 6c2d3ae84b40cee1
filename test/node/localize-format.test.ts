// LocalizeController's date() and list(): Intl.DateTimeFormat / Intl.ListFormat in the
// component's language, with English for a lang attribute that is not a language tag.
import { expect } from 'chai';
import { LocalizeController } from '../../packages/elements/src/shared/localize.js';

/** A controller on a stand-in host (formatting needs no DOM), speaking `lang`. */
function speaking(lang: string): LocalizeController<object> {
  const host = { addController() {}, requestUpdate() {} } as unknown as ConstructorParameters<typeof LocalizeController>[0];
  const c = new LocalizeController(host, { component: 'candor-test', messages: { en: {}, ar: {} } });
  c.lang = lang;
  return c;
}

const when = '2026-12-01T10:30:00Z';
const long = { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } as const;

describe('LocalizeController formats dates and lists for its language', () => {
  it('formats an ISO string or a Date the same way, in the current language', () => {
    expect(speaking('en').date(when, long)).to.equal(new Intl.DateTimeFormat('en', long).format(new Date(when)));
    expect(speaking('en').date(new Date(when), long)).to.equal(speaking('en').date(when, long));
    expect(speaking('ar').date(when, long)).to.equal(new Intl.DateTimeFormat('ar', long).format(new Date(when)));
    expect(speaking('ar').date(when, long)).to.not.equal(speaking('en').date(when, long));
  });

  it('returns a value that is not a date as text instead of throwing', () => {
    expect(speaking('en').date('not a date', long)).to.equal('not a date');
  });

  it('joins lists as the language writes them', () => {
    expect(speaking('en').list(['Shield Insurance', 'Nest Mortgages'])).to.equal('Shield Insurance and Nest Mortgages');
    expect(speaking('en').list(['SMS', 'e-mail'], { type: 'disjunction' })).to.equal('SMS or e-mail');
    expect(speaking('ar').list(['أ', 'ب', 'ج'])).to.equal(new Intl.ListFormat('ar').format(['أ', 'ب', 'ج']));
    expect(speaking('en').list([])).to.equal('');
  });

  it('falls back to English for a lang that is not a language tag, as numbers do', () => {
    const broken = speaking('not a tag!');
    expect(broken.list(['A', 'B'])).to.equal('A and B');
    expect(broken.date(when, long)).to.equal(speaking('en').date(when, long));
    expect(broken.number(1234.5)).to.equal(speaking('en').number(1234.5));
  });
});
