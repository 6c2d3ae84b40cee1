// Size budget: each component loaded on its own by a page (lit and everything else included),
// gzipped. The target is 14 KB (issue 3). Until a component meets it, the target test reports
// as skipped with the reason, and a ceiling just above today's size guards against growth: lit
// and zod/mini alone cost about 12 KB, so the target needs a decision (see README, "Component
// size budget"). A new component has no ceiling and must meet the target. No component may
// pull in the token SDK (jose) or classic zod. Figures go to test-results/sizes.json.
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { componentEntries, gzipByGroup, kb, measureComponent, type ComponentSize } from '../support/component-size.js';

/** Bytes, gzipped at level 9, that one component may cost a page: the target. */
const BUDGET_GZIP = 14 * 1024;

/**
 * Regression ceilings for components not yet within the target: measured size (2026-11-23)
 * plus under 1 KB of headroom. Lower them as components shrink; never raise one to pass.
 */
const CEILINGS_GZIP: Record<string, number> = {
  'candor-stepper': 23.5 * 1024,
  'candor-consent': 26.5 * 1024,
};

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

      const diagnose = async (limit: number, what: string): Promise<string> => {
        const groups = (size.gzipByGroup ??= await gzipByGroup(entry, size));
        const byGroup = groups.map((g) => `${g.group} ${kb(g.gzip)}`).join(', ');
        const largest = size.modules
          .slice(0, 8)
          .map((m) => `${m.id} ${kb(m.bytes)}`)
          .join(', ');
        return (
          `<${entry.tag}> is ${kb(size.gzip)} gzipped (${size.gzip} bytes), over ${what} of ${kb(limit)} ` +
          `by ${size.gzip - limit} bytes.\n      Gzip cost by source (saved by leaving each out in turn): ${byGroup}.` +
          `\n      Largest modules (unminified): ${largest}`
        );
      };

      const ceiling = CEILINGS_GZIP[entry.tag];
      if (ceiling !== undefined) {
        it(`does not grow past its ceiling of ${ceiling / 1024} KB gzipped (regression guard)`, async () => {
          if (size.gzip > ceiling) expect.fail(await diagnose(ceiling, 'its regression ceiling'));
          expect(size.gzip).to.be.greaterThan(0);
        });
      }

      it(`meets the ${BUDGET_GZIP / 1024} KB gzipped target with lit and all its imports bundled`, async function () {
        if (size.gzip <= BUDGET_GZIP) return;
        const reason = await diagnose(BUDGET_GZIP, 'the target');
        // A component without a ceiling must meet the target; one with a ceiling reports the gap.
        if (ceiling === undefined) expect.fail(reason);
        console.log(`      target not met yet (reported as skipped): ${reason}`);
        this.skip();
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
      ceilingsGzipBytes: CEILINGS_GZIP,
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
