// incidentsInLanguage (@candor/core/incidents): a feed that tells one incident in several
// languages under one id, read in the customer's language.
import { expect } from 'chai';
import { incidentsInLanguage } from '@candor/core/incidents';
import type { Incident } from '@candor/core/models';
import { cardOutage, cardOutageAr, plannedMaintenance } from '../../examples/fixtures/incidents.js';

const ids = (list: readonly Incident[]) => list.map((i) => `${i.id} ${i.locale}`);

describe('incidentsInLanguage', () => {
  it("keeps each incident once, in the reader's language where the feed has it, in the order first listed", () => {
    const feed = [cardOutage, plannedMaintenance, cardOutageAr];
    expect(ids(incidentsInLanguage(feed, 'ar'))).to.deep.equal([`${cardOutage.id} ar`, `${plannedMaintenance.id} en`]);
    expect(ids(incidentsInLanguage(feed, 'ar-EG')), 'a regional tag matches its language').to.deep.equal([`${cardOutage.id} ar`, `${plannedMaintenance.id} en`]);
    expect(ids(incidentsInLanguage(feed, 'en-GB'))).to.deep.equal([`${cardOutage.id} en`, `${plannedMaintenance.id} en`]);
  });

  it('falls back to the first version listed when none is in the language', () => {
    expect(ids(incidentsInLanguage([cardOutageAr, cardOutage], 'fr'))).to.deep.equal([`${cardOutage.id} ar`]);
    expect(incidentsInLanguage([], 'ar')).to.deep.equal([]);
  });
});
