// What FAQ search costs a page, measured as the components are (test/support/component-size.ts:
// bundled for the browser, minified, gzipped at level 9), over what <candor-faq> loads anyway to
// check its entries (zod/mini, FaqEntriesSchema, CandorError). Candor's own index against
// MiniSearch with Candor's term processing, the alternative it was chosen over. Figures go to
// test-results/faq-search-size.json and the README.
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kb, measureComponent } from '../support/component-size.js';

/** The search may add at most this much, gzipped, to the FAQ panel (whose whole budget is 24 KB). */
const SEARCH_BUDGET_GZIP = 3 * 1024;

const dir = resolve('test-results/faq-search-size');
/** What every variant contains: the entries' check, as the component does it. */
const BASE = [
  "import { FaqEntriesSchema } from '@candor/core/models';",
  "import { CandorError } from '@candor/core/errors';",
  "import { toValidationIssues } from '@candor/core/models';",
  'export const check = (x) => { const r = FaqEntriesSchema.safeParse(x); if (!r.success) throw new CandorError("invalid_faq", toValidationIssues(r.error.issues)[0].message); return r.data; };',
];
const VARIANTS: Record<string, string[]> = {
  base: BASE,
  candor: [...BASE, "export { createFaqIndex } from '@candor/core/faq';"],
  minisearch: [...BASE, "export { default as MiniSearch } from 'minisearch';", "export { normalizeTerm, stemTerm, tokenize } from '@candor/core/faq';"],
};

describe('FAQ search size (gzip, over the entries check the component needs anyway)', function () {
  this.timeout(120_000);
  const gzip: Record<string, number> = {};

  before(async () => {
    mkdirSync(dir, { recursive: true });
    for (const [name, lines] of Object.entries(VARIANTS)) {
      const file = join(dir, `${name}.js`);
      writeFileSync(file, lines.join('\n'));
      gzip[name] = (await measureComponent({ tag: `faq-search-${name}`, file })).gzip;
    }
    const figures = { candor: gzip.candor! - gzip.base!, minisearch: gzip.minisearch! - gzip.base!, base: gzip.base! };
    console.log(`      createFaqIndex adds ${kb(figures.candor)}; MiniSearch with Candor's term processing would add ${kb(figures.minisearch)} (over ${kb(figures.base)} for zod/mini and the entries check)`);
    writeFileSync('test-results/faq-search-size.json', JSON.stringify(figures, null, 2));
  });

  it(`createFaqIndex adds at most ${kb(SEARCH_BUDGET_GZIP)} gzipped`, () => {
    expect(gzip.candor! - gzip.base!).to.be.at.most(SEARCH_BUDGET_GZIP);
  });

  it('costs less than MiniSearch with the same term processing (the reason for writing it)', () => {
    expect(gzip.candor!).to.be.lessThan(gzip.minisearch!);
  });
});
