// Size budget: each component loaded on its own by a page (lit and everything else included),
// minified and gzipped at level 9. Every component found in packages/elements/package.json must
// have a budget here and stay within it; a new component without one fails until it is given
// one. No component may pull in the token SDK (jose) or classic zod. Every run also measures the
// floor under the components (a minimal LitElement, then the same element validating with
// zod/mini, through the same pipeline). Figures go to test-results/sizes.json.
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  componentEntries,
  groupOf,
  gzipByGroup,
  kb,
  measureComponent,
  measureFloor,
  type ComponentSize,
  type FloorName,
  type FloorSize,
} from '../support/component-size.js';

/**
 * Gzipped bytes each component may cost a page that loads only it: the measured size rounded up
 * to the next 0.5 KB. Lower a budget as a component shrinks; raise one only for a feature that
 * needs the bytes, saying which in the commit, never to make a regression pass.
 */
const BUDGETS_GZIP: Record<string, number> = {
  // +0.2 KB: the shared AnnouncerController's assertive region (the incident banner's alerts).
  'candor-stepper': 24 * 1024,
  'candor-consent': 28.5 * 1024,
  'candor-incident-banner': 29 * 1024,
  'candor-faq': 30.5 * 1024,
};

/** Code that has no business in a component: signing/verification and zod's heavy API. */
const FORBIDDEN = [
  { name: 'jose (token signing/verification belongs in @candor/core/tokens, not in a component)', pattern: /(?:^|\/)node_modules\/jose\// },
  { name: 'classic zod (import from "zod/mini" in browser code)', pattern: /(?:^|\/)node_modules\/zod\/v4\/classic\// },
  {
    name: 'status-feed adapters or channel texts (the banner imports the adapters only when a feed needs them)',
    pattern: /(?:^|\/)packages\/core\/dist\/incidents\/(?!next-update\.js|index\.js|affected\.js|channels\/words\.js)/,
  },
];

describe('component size budget (gzip, each component on its own)', function () {
  this.timeout(120_000);
  const entries = componentEntries();
  const sizes: ComponentSize[] = [];
  let floor: FloorSize[] | undefined;
  let floorError: unknown;

  // Measured once, before any test: the component tests compare against it. A failure here is
  // kept for the tests that need the floor, so the budgets are still checked.
  before(async () => {
    try {
      floor = await measureFloor();
      for (const f of floor) console.log(`      floor, ${f.name}: raw ${kb(f.raw)}, min ${kb(f.min)}, gzip ${kb(f.gzip)}`);
    } catch (e) {
      floorError = e;
    }
  });

  /** The measured floor bundle `name`; throws (failing the test that asks) when measuring failed. */
  function floorBundle(name: FloorName): FloorSize {
    if (floorError) throw floorError;
    const found = floor?.find((f) => f.name === name);
    if (!found) throw new Error(`floor "${name}" was not measured; measureFloor() returned ${floor?.map((f) => f.name).join(', ') ?? 'nothing'}`);
    return found;
  }

  it('finds every component registering file named in packages/elements/package.json', () => {
    expect(entries.map((e) => e.tag), 'no candor-*.js registering file in sideEffects or exports').to.not.be.empty;
  });

  describe('floor: what lit and zod/mini cost before any component code', () => {
    /** Modules of a floor bundle outside the groups it may contain (its own entry aside). */
    const strays = (f: FloorSize, allowed: string[]): string[] =>
      f.modules.filter((m) => m.id !== `candor-floor:${f.name}` && !allowed.includes(groupOf(m.id) ?? '')).map((m) => m.id);

    it('measures a minimal LitElement bundled alone: lit-html and lit, nothing else', () => {
      const lit = floorBundle('lit');
      expect(strays(lit, ['lit']), 'lit floor bundles modules outside lit').to.be.empty;
      expect(lit.modules.map((m) => m.id), 'lit floor does not bundle lit-html').to.include('node_modules/lit-html/lit-html.js');
    });

    it('measures the same element validating with zod/mini: lit and zod/mini only, larger than lit alone', () => {
      const lit = floorBundle('lit');
      const litZod = floorBundle('lit + zod/mini');
      expect(strays(litZod, ['lit', 'zod']), 'lit + zod/mini floor bundles modules outside lit and zod').to.be.empty;
      const ids = litZod.modules.map((m) => m.id);
      expect(ids.some((id) => id.startsWith('node_modules/zod/v4/mini/')), `no zod/mini module in ${ids.join(', ')}`).to.be.true;
      for (const { name, pattern } of FORBIDDEN) {
        expect(ids.filter((id) => pattern.test(id)), `lit + zod/mini floor bundles ${name}`).to.be.empty;
      }
      expect(litZod.gzip, 'lit + zod/mini floor vs lit alone, gzip bytes').to.be.greaterThan(lit.gzip);
    });
  });

  for (const entry of entries) {
    describe(`<${entry.tag}>`, () => {
      let size: ComponentSize;
      const budget = BUDGETS_GZIP[entry.tag];

      before(async () => {
        size = await measureComponent(entry);
        sizes.push(size);
        console.log(
          `      ${entry.tag}: raw ${kb(size.raw)}, min ${kb(size.min)}, gzip ${kb(size.gzip)}` +
            (budget === undefined ? ' (no budget)' : ` (budget ${kb(budget)})`),
        );
      });

      const diagnose = async (limit: number): Promise<string> => {
        const groups = (size.gzipByGroup ??= await gzipByGroup(entry, size));
        const byGroup = groups.map((g) => `${g.group} ${kb(g.gzip)}`).join(', ');
        const largest = size.modules
          .slice(0, 8)
          .map((m) => `${m.id} ${kb(m.bytes)}`)
          .join(', ');
        return (
          `<${entry.tag}> is ${kb(size.gzip)} gzipped (${size.gzip} bytes), over its budget of ${kb(limit)} ` +
          `by ${size.gzip - limit} bytes.\n      Gzip cost by source (saved by leaving each out in turn): ${byGroup}.` +
          `\n      Largest modules (unminified): ${largest}`
        );
      };

      it('stays within its gzipped budget with lit and all its imports bundled', async () => {
        if (budget === undefined) {
          expect.fail(`<${entry.tag}> has no size budget: add one to BUDGETS_GZIP in test/node/size.test.ts (it measures ${kb(size.gzip)}).`);
        }
        if (size.gzip > budget) expect.fail(await diagnose(budget));
      });

      it('costs at least the floor it is built on (lit, plus zod/mini if it bundles zod)', () => {
        const base = floorBundle(size.modules.some((m) => groupOf(m.id) === 'zod') ? 'lit + zod/mini' : 'lit');
        expect(size.gzip, `<${entry.tag}> is smaller than the "${base.name}" floor, so the floor does not measure what it claims`).to.be.at.least(base.gzip);
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
    if (!sizes.length && !floor) return;
    mkdirSync('test-results', { recursive: true });
    const report = {
      budgetsGzipBytes: BUDGETS_GZIP,
      components: sizes
        .sort((a, b) => a.tag.localeCompare(b.tag))
        .map(({ tag, raw, min, gzip, gzipByGroup, modules }) => ({
          tag,
          raw,
          min,
          gzip,
          withinBudget: BUDGETS_GZIP[tag] !== undefined && gzip <= BUDGETS_GZIP[tag],
          ...(gzipByGroup ? { gzipByGroup } : {}),
          largestModules: modules.slice(0, 10),
        })),
      ...(floor
        ? { floor: floor.map(({ name, description, raw, min, gzip, modules }) => ({ name, description, raw, min, gzip, modules })) }
        : {}),
    };
    writeFileSync('test-results/sizes.json', `${JSON.stringify(report, null, 2)}\n`);
  });
});
