// Size budget: each component, loaded on its own by a page (lit and everything else included),
// must stay at most 14 KB gzipped, and must never pull in the token SDK (jose) or classic zod.
// Prints the figures and writes them to test-results/sizes.json for the README.
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { componentEntries, gzipByGroup, kb, measureComponent, type ComponentSize } from '../support/component-size.js';

/** Bytes, gzipped at level 9, that one component may cost a page. */
const BUDGET_GZIP = 14 * 1024;

/** Code that has no business in a component: signing/verification and zod's heavy API. */
const FORBIDDEN = [
  { name: 'jose (token signing/verification belongs in @candor/core/tokens, not in a component)', pattern: /(?:^|\/)node_modules\/jose\// },
  { name: 'classic zod (import from "zod/mini" in browser code)', pattern: /(?:^|\/)node_modules\/zod\/v4\/classic\// },
];

describe('component size budget (gzip, each component on its own)', function () {
  this.timeout(120_000);
  const entries = componentEntries();
  const sizes: ComponentSize[] = [];

  it('finds every component registering file named in packages/elements/package.json', () => {
    expect(entries.map((e) => e.tag), 'no candor-*.js registering file in sideEffects or exports').to.not.be.empty;
  });

  for (const entry of entries) {
    describe(`<${entry.tag}>`, () => {
      let size: ComponentSize;

      before(async () => {
        size = await measureComponent(entry);
        sizes.push(size);
        console.log(
          `      ${entry.tag}: raw ${kb(size.raw)}, min ${kb(size.min)}, gzip ${kb(size.gzip)} (budget ${kb(BUDGET_GZIP)})`,
        );
      });

      it(`is at most ${BUDGET_GZIP / 1024} KB gzipped with lit and all its imports bundled`, async () => {
        if (size.gzip > BUDGET_GZIP) {
          const groups = await gzipByGroup(entry, size);
          size.gzipByGroup = groups;
          const byGroup = groups.map((g) => `${g.group} ${kb(g.gzip)}`).join(', ');
          const largest = size.modules
            .slice(0, 8)
            .map((m) => `${m.id} ${kb(m.bytes)}`)
            .join(', ');
          expect.fail(
            `<${entry.tag}> is ${kb(size.gzip)} gzipped (${size.gzip} bytes), over the ${kb(BUDGET_GZIP)} budget ` +
              `by ${size.gzip - BUDGET_GZIP} bytes.\n      Gzip cost by source (saved by leaving each out in turn): ${byGroup}.` +
              `\n      Largest modules (unminified): ${largest}`,
          );
        }
        expect(size.gzip).to.be.greaterThan(0);
      });

      it('contains no jose code and no classic zod', () => {
        for (const { name, pattern } of FORBIDDEN) {
          const offenders = size.modules.filter((m) => pattern.test(m.id)).map((m) => m.id);
          expect(offenders, `<${entry.tag}> bundles ${name}: ${offenders.join(', ')}`).to.be.empty;
        }
      });
    });
  }

  after(() => {
    if (!sizes.length) return;
    mkdirSync('test-results', { recursive: true });
    const report = {
      budgetGzipBytes: BUDGET_GZIP,
      components: sizes
        .sort((a, b) => a.tag.localeCompare(b.tag))
        .map(({ tag, raw, min, gzip, gzipByGroup, modules }) => ({
          tag,
          raw,
          min,
          gzip,
          withinBudget: gzip <= BUDGET_GZIP,
          ...(gzipByGroup ? { gzipByGroup } : {}),
          largestModules: modules.slice(0, 10),
        })),
    };
    writeFileSync('test-results/sizes.json', `${JSON.stringify(report, null, 2)}\n`);
  });
});
