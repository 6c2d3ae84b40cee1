// Stories of <candor-incident-banner>: each severity and status, maintenance ahead and under way,
// a resolved incident with its summary, an overdue update, data impact with remedies, several
// notices, a failing feed with stale data, dismissed then updated, invalid input, Arabic and dark.
// Every story runs on a fixed clock (the `now` property) so countdowns read the same each time,
// and keeps dismissals in its own in-memory storage so nothing leaks between stories or reloads.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Incident, IncidentSeverity, IncidentStatus } from '@candor/core/models';
import '@candor/elements/incident-banner';
import type { CandorIncidentBanner } from '@candor/elements/incident-banner';
import { cardOutage, cardOutageAr, plannedMaintenance, resolvedOutage } from '../examples/fixtures/incidents.js';
import { clockAt, memoryStorage } from './story-support.js';

interface BannerArgs {
  incidents: unknown;
  /** The story's clock: an ISO 8601 time the banner takes as "now". */
  now: string;
  maintenanceAhead: number;
  resolvedFor: number;
  headingLevel: number;
  timeZone?: string;
  /** `lang` (and `dir`) of a wrapper around the banner (the toolbar sets the page's). */
  lang?: string;
  /** `theme` of the banner itself (the toolbar sets the page's). */
  theme?: 'light' | 'dark';
}

/** 35 minutes into the card outage, 25 minutes before its promised next update. */
const OUTAGE_NOW = '2026-11-23T10:05:00Z';

const STATUS_MESSAGE: Record<'investigating' | 'identified' | 'monitoring', string> = {
  investigating: 'Some customers see an error when they open their statements. We are looking into it.',
  identified: 'A faulty software update slowed the statements service. We are rolling it back.',
  monitoring: 'Statements open normally again. We are watching closely before we call it fixed.',
};

/**
 * An online-banking incident with no data impact, at `severity` and `status`: one update per
 * status reached so far, the next update promised for 10:30.
 */
function statementsIncident(severity: IncidentSeverity, status: 'investigating' | 'identified' | 'monitoring'): Incident {
  const reached = (['investigating', 'identified', 'monitoring'] as const).slice(0, ['investigating', 'identified', 'monitoring'].indexOf(status) + 1);
  const state = severity === 'minor' ? 'degraded' : severity === 'major' ? 'partial-outage' : 'major-outage';
  return {
    id: `inc-statements-${severity}-${status}`,
    kind: 'incident',
    title: 'Statements are not loading',
    severity,
    status: status as IncidentStatus,
    startedAt: '2026-11-23T09:30:00Z',
    nextUpdateAt: '2026-11-23T10:30:00Z',
    updates: reached.map((s, n) => ({
      id: `s${n + 1}`,
      at: new Date(Date.parse('2026-11-23T09:35:00Z') + n * 12 * 60_000).toISOString(),
      status: s,
      message: STATUS_MESSAGE[s],
      affected: [{ id: 'statements', state: s === 'monitoring' ? 'operational' : state }],
    })),
    services: [
      { id: 'statements', name: 'Statements', state: status === 'monitoring' ? 'operational' : state },
      { id: 'payments', name: 'Payments', state: 'operational' },
    ],
    dataImpact: { level: 'none' },
    actions: [{ id: 'pdf', text: 'Statements already sent by email are not affected.' }],
    statusPageUrl: 'https://status.bank.example/incidents/statements',
    locale: 'en',
  } as Incident;
}

/** Maintenance under way: it started at 01:00 and runs until 03:00. */
const maintenanceInProgress: Incident = {
  ...plannedMaintenance,
  status: 'in-progress',
  updates: [
    ...plannedMaintenance.updates,
    {
      id: 'm2',
      at: '2026-12-06T01:00:00Z',
      status: 'in-progress',
      message: 'Maintenance has started. Online banking is unavailable until 03:00 UTC at the latest.',
      affected: [{ id: 'web', state: 'maintenance' }],
    },
  ],
  services: [{ id: 'web', name: 'Online banking', state: 'maintenance' }],
};

const meta: Meta<BannerArgs> = {
  title: 'Components/Incident banner',
  component: 'candor-incident-banner',
  args: {
    incidents: [cardOutage],
    now: OUTAGE_NOW,
    maintenanceAhead: 72,
    resolvedFor: 24,
    headingLevel: 2,
  },
  argTypes: {
    now: { control: 'text', description: "The story's clock, ISO 8601 (story only; the `now` property takes a `() => Date`).", table: { category: 'Story', type: { summary: 'string' } } },
    maintenanceAhead: { control: { type: 'number', min: 0, max: 2160 } },
    resolvedFor: { control: { type: 'number', min: 0, max: 2160 } },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    timeZone: { control: 'text' },
    lang: { control: 'text', description: '`lang` and `dir` of a wrapper element, as a page would set them (story only).', table: { category: 'Story' } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'What is wrong, what it means for the customer, and when they will hear more. Every story runs on a fixed clock (the `now` property) ' +
          'and keeps dismissals in memory; on a real page the clock is the real one and dismissals stay in localStorage.',
      },
    },
  },
  render: (args) => html`<div lang=${args.lang ?? nothing} dir=${args.lang ? (args.lang === 'ar' ? 'rtl' : 'ltr') : nothing}>
    <candor-incident-banner
      .incidents=${args.incidents}
      .now=${clockAt(args.now)}
      .dismissalStorage=${memoryStorage()}
      maintenance-ahead=${args.maintenanceAhead}
      resolved-for=${args.resolvedFor}
      heading-level=${args.headingLevel}
      time-zone=${args.timeZone ?? nothing}
      theme=${args.theme ?? nothing}
    ></candor-incident-banner>
  </div>`,
};
export default meta;

type Story = StoryObj<BannerArgs>;

/**
 * Critical, with card data possibly exposed: what the customer can do now and what we offer
 * (a new card, fees refunded). It can be collapsed but not hidden while data may be affected.
 */
export const DataImpactWithRemedies: Story = {};

/** Minor: statements slow, still being investigated. */
export const Minor: Story = { args: { incidents: [statementsIncident('minor', 'investigating')] } };

/** Major: part of a service unavailable. */
export const Major: Story = { args: { incidents: [statementsIncident('major', 'identified')] } };

/** Critical without data impact: the severity shape and word change; it can be dismissed. */
export const Critical: Story = { args: { incidents: [statementsIncident('critical', 'identified')] } };

/** Investigating: the first update, nothing known yet. */
export const Investigating: Story = { args: { incidents: [statementsIncident('major', 'investigating')] } };

/** Cause identified: two updates, the timeline offers both. */
export const Identified: Story = { args: { incidents: [statementsIncident('major', 'identified')] } };

/** Fixed and being watched. */
export const Monitoring: Story = { args: { incidents: [statementsIncident('major', 'monitoring')] } };

/** Maintenance two days ahead, with its window in the customer's time zone (here London). */
export const MaintenanceUpcoming: Story = {
  args: { incidents: [plannedMaintenance], now: '2026-12-04T09:00:00Z', timeZone: 'Europe/London' },
};

/** Maintenance under way, with when it ends. */
export const MaintenanceInProgress: Story = {
  args: { incidents: [maintenanceInProgress], now: '2026-12-06T01:40:00Z', timeZone: 'Europe/London' },
};

/** Resolved 55 minutes ago: what happened, what we did, what we are changing, and the apology. */
export const Resolved: Story = { args: { incidents: [resolvedOutage], now: '2026-11-02T10:00:00Z' } };

/** The promised update (10:30) is 12 minutes late: the banner says so instead of going quiet. */
export const OverdueUpdate: Story = { args: { incidents: [statementsIncident('major', 'identified')], now: '2026-11-23T10:42:00Z' } };

/** Three notices: the most pressing first, the others behind "2 more notices". */
export const SeveralIncidents: Story = {
  args: { incidents: [statementsIncident('minor', 'monitoring'), cardOutage, plannedMaintenance], maintenanceAhead: 24 * 14 },
};

/** Arabic, right to left: the Arabic incident and every component string from the Arabic catalogue. */
export const Arabic: Story = { args: { incidents: [cardOutageAr], lang: 'ar' } };

/** An English incident on an Arabic page: the banner's own words are Arabic, the incident's text stays as written. */
export const EnglishDataOnArabicPage: Story = { args: { incidents: [cardOutage], lang: 'ar' } };

/** An Arabic incident on an English page: the banner's own words are English, the incident's Arabic text keeps its direction. */
export const ArabicDataOnEnglishPage: Story = { args: { incidents: [cardOutageAr], lang: 'en' } };

/**
 * One incident told in English and in Arabic (one version per `locale`, the same `id`): the
 * banner shows the version in the page's language. Switch the toolbar's language to see the other.
 */
export const EnglishAndArabicVersions: Story = { args: { incidents: [cardOutage, cardOutageAr] } };

/** Dark, whatever the page's theme. */
export const Dark: Story = { args: { incidents: [cardOutage, statementsIncident('major', 'identified')], theme: 'dark' } };

/** Invalid incidents (no title, an unknown severity): a short message instead, and `candor-error` says why. */
export const InvalidInput: Story = {
  args: { incidents: [{ ...statementsIncident('major', 'identified'), title: '', severity: 'catastrophic' }] },
};

// ——— A feed that fails after a first good answer ———

/** The URL the failing-feed story polls. Only this story's stub answers it; it never reaches the network. */
const FAILING_FEED = 'https://status.bank.example/storybook/failing-feed.json';
/** How long the story pretends the feed has been failing when its second poll fails. */
const FAILING_FOR_MS = 7 * 60_000;

interface FeedRun {
  /** The banner's clock: the outage's time, moved on by FAILING_FOR_MS once the feed fails. */
  clock: () => Date;
  calls: number;
}
const feedRuns = new Map<string, FeedRun>();
const realFetch = globalThis.fetch.bind(globalThis);

/**
 * Answers FAILING_FEED (each rendered banner polls its own `?run=` URL) from memory: the first
 * poll gets the incident with an ETag, every later one an HTTP 503, and the run's clock jumps
 * ahead so "Updated N minutes ago" reads as it would after minutes of failures. Every other
 * request goes to the real fetch. Installed once, by the story's render.
 */
function installFailingFeed(): void {
  if ((globalThis.fetch as { candorStory?: boolean }).candorStory) return;
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const run = url.startsWith(`${FAILING_FEED}?run=`) ? feedRuns.get(url) : undefined;
    if (!run) return realFetch(input, init);
    run.calls++;
    if (run.calls === 1) {
      const body = JSON.stringify({ incidents: [statementsIncident('major', 'identified')] });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json', etag: '"story-1"' } });
    }
    run.clock = clockAt(new Date(Date.parse(OUTAGE_NOW) + FAILING_FOR_MS).toISOString());
    return new Response('Service Unavailable', { status: 503, headers: { 'content-type': 'text/plain' } });
  };
  globalThis.fetch = Object.assign(stub, { candorStory: true });
}

let runs = 0;

/**
 * The feed answered once, then failed (HTTP 503): the last good data stays, marked "We couldn't
 * refresh this information. Updated 7 minutes ago.", never a blank or a false all-clear. The feed
 * is a stub in this story (see its source): the first poll succeeds, the second (a second later)
 * fails, and the story's clock moves on 7 minutes as if the failures had lasted that long.
 */
export const FailingFeedStaleData: Story = {
  render: (args) => {
    installFailingFeed();
    const url = `${FAILING_FEED}?run=${++runs}`;
    const run: FeedRun = { clock: clockAt(OUTAGE_NOW), calls: 0 };
    feedRuns.set(url, run);
    return html`<candor-incident-banner
      src=${url}
      refresh="1"
      .now=${() => run.clock()}
      .dismissalStorage=${memoryStorage()}
      heading-level=${args.headingLevel}
    ></candor-incident-banner>`;
  },
  play: async ({ canvasElement }) => {
    const banner = canvasElement.querySelector<CandorIncidentBanner>('candor-incident-banner')!;
    // In any language: the note is marked stale, names its age (7 minutes, in the page's digits) and the data stays.
    await waitFor(
      () => {
        const note = banner.shadowRoot?.querySelector<HTMLElement>('[part~="updated"]');
        expect(note?.dataset['stale']).toBe('true');
        expect(note?.textContent).toMatch(document.documentElement.lang === 'ar' ? /[7٧]/ : /Updated 7 minutes ago/);
      },
      { timeout: 5000 },
    );
    expect(banner.shadowRoot?.textContent).toContain(STATUS_MESSAGE.identified);
  },
};

// ——— Dismissed, then a newer update ———

/**
 * The customer dismisses the notice; it stays hidden until a newer update arrives, which brings
 * it back. The play function dismisses, checks it is gone, then gives the banner the incident
 * with a third update.
 */
export const DismissedThenUpdated: Story = {
  args: { incidents: [statementsIncident('major', 'identified')] },
  // The page check makes sure these reach the Actions panel.
  parameters: { expectedActions: ['candor-before-incident-dismiss', 'candor-incident-dismiss'] },
  play: async ({ canvasElement }) => {
    const banner = canvasElement.querySelector<CandorIncidentBanner>('candor-incident-banner')!;
    const root = () => banner.shadowRoot!;
    await waitFor(() => expect(root().querySelector('[part~="dismiss"]')).toBeTruthy());
    root().querySelector<HTMLButtonElement>('[part~="dismiss"]')!.click();
    await waitFor(() => expect(root().querySelector('[part~="incident"]')).toBeNull());
    const before = statementsIncident('major', 'identified');
    banner.incidents = [
      {
        ...before,
        updates: [
          ...before.updates,
          {
            id: 's3',
            at: '2026-11-23T10:04:00Z',
            status: 'identified',
            message: 'The rollback is taking longer than planned: statements should load again by 11:00.',
            affected: [{ id: 'statements', state: 'partial-outage' }],
          },
        ],
      },
    ];
    await waitFor(() => expect(root().querySelector('[part~="update-message"]')?.textContent).toContain('The rollback is taking longer than planned'));
  },
};
