// @candor/react on a server and against the manifest: importing it and rendering it to HTML in
// Node (no `window`, no DOM) must work, as it does in Next.js or Remix; and its event props must
// be exactly the `candor-*` events each component documents (custom-elements.json), so a new
// event cannot be left without its `on…` prop.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementsDir } from '../support/component-size.js';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  events?: { name?: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** Runs an ES module in a fresh Node process (no globals from other tests) and returns its stdout. */
function runInNode(source: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) throw new Error(`Node exited with ${r.status ?? r.signal}:\n${r.stderr}`);
  return r.stdout;
}

describe('@candor/react on a server (Node, no DOM)', () => {
  it('imports without a window and renders every component to HTML with its attributes', () => {
    const out = runInNode(`
      if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('this Node has a DOM');
      const { createElement: h } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const c = await import('@candor/react');
      const html = renderToString(h('div', null,
        h(c.CandorStepper, { current: 'identity', steps: [], onCandorStepChange: () => {} },
          h(c.CandorStep, { 'step-id': 'identity', title: 'Verify your identity', minutes: 3, optional: true }, 'Required by law.')),
        h(c.CandorConsent, { subject: 'cust_1', notice: {} }),
        h(c.CandorIncidentBanner, { src: 'https://status.example/feed.json' }),
        h(c.CandorFaq, { 'incident-banner': 'status' },
          h(c.CandorFaqEntry, { 'entry-id': 'pin', question: 'I forgot my PIN' }, h('p', null, 'See the app.'))),
      ));
      console.log(JSON.stringify({ html, window: typeof window }));
    `);
    const { html, window } = JSON.parse(out) as { html: string; window: string };
    expect(window).to.equal('undefined');
    expect(html).to.contain('<candor-step step-id="identity" title="Verify your identity" minutes="3" optional="">Required by law.</candor-step>');
    for (const tag of ['candor-stepper', 'candor-consent', 'candor-incident-banner', 'candor-faq', 'candor-faq-entry']) {
      expect(html, tag).to.contain(`<${tag}`);
    }
    expect(html).to.contain('<candor-faq-entry entry-id="pin" question="I forgot my PIN"><p>See the app.</p></candor-faq-entry>');
    // Objects and handlers are properties set in the browser, never serialised into the HTML.
    expect(html).to.not.match(/notice=|steps=|oncandor/i);
  });
});

describe('@candor/react event props match the manifest', () => {
  it('has one on… prop, named after the event, for every candor-* event each component fires', async () => {
    const manifestPath = join(elementsDir, 'custom-elements.json');
    if (!existsSync(manifestPath)) throw new Error('packages/elements/custom-elements.json is missing: run `npm run build` first.');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const fired = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.customElement && d.tagName)
        .map((d) => [d.tagName!, (d.events ?? []).map((e) => e.name!).sort()]),
    );
    const react = await import('@candor/react');
    const wrapped: Record<string, Record<string, string>> = {
      'candor-stepper': react.stepperEvents,
      'candor-consent': react.consentEvents,
      'candor-incident-banner': react.incidentBannerEvents,
      'candor-faq': react.faqEvents,
    };
    // Every component that fires events has a wrapper with event props.
    const firing = [...fired].filter(([, events]) => events.length > 0).map(([tag]) => tag);
    expect(Object.keys(wrapped).sort()).to.deep.equal(firing.sort());
    for (const [tag, events] of Object.entries(wrapped)) {
      expect(Object.values(events).sort(), `<${tag}>`).to.deep.equal(fired.get(tag));
      for (const [prop, name] of Object.entries(events)) expect(prop, name).to.equal(react.eventPropName(name));
    }
    expect(react.eventPropName('candor-before-step-change')).to.equal('onCandorBeforeStepChange');
  });
});
