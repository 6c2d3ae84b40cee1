// The example server's status feed: one Statuspage-shaped summary document (public API v2,
// /api/v2/summary.json) kept in memory, served at /status/summary.json with an ETag (a poll
// with a matching If-None-Match gets 304), and a POST /status/updates that adds an update to
// the open incident, so <candor-incident-banner> on the page changes on its next poll.
import { createHash } from 'node:crypto';

/** Where the page polls the feed, and where it posts a new update. */
export const FEED_PATH = '/status/summary.json';
export const UPDATES_PATH = '/status/updates';

/** Statuspage's incident statuses, the ones a posted update may have. */
export const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'];

/** Characters a posted update's body may have (the incident model keeps 2000 of an update). */
export const MAX_UPDATE_CHARS = 2000;
/** Bytes of a POST body read at most. */
const MAX_REQUEST_BYTES = 8 * 1024;

const MINUTE = 60_000;

/**
 * A fresh feed: one open incident (card payments slow, under investigation since 12 minutes
 * before `now`) on a page with three components.
 *
 * @example
 * const feed = createStatusFeed();
 * feed.addUpdate({ status: 'identified', body: 'A network fault at our card processor.' });
 */
export function createStatusFeed({ now = () => new Date() } = {}) {
  const start = now().getTime() - 12 * MINUTE;
  const iso = (ms) => new Date(ms).toISOString();
  const components = [
    { id: 'cards', name: 'Card payments', status: 'partial_outage' },
    { id: 'web', name: 'Online banking', status: 'operational' },
    { id: 'app', name: 'Mobile app', status: 'operational' },
  ].map((c) => ({ ...c, created_at: iso(start - 90 * 24 * 60 * MINUTE), updated_at: iso(start) }));
  const incident = {
    id: 'inc-cards-slow',
    name: 'Card payments are slow',
    status: 'investigating',
    impact: 'major',
    created_at: iso(start),
    updated_at: iso(start),
    started_at: iso(start),
    resolved_at: null,
    components: [components[0]],
    incident_updates: [
      {
        id: 'upd-1',
        status: 'investigating',
        body: 'Some card payments take up to a minute to go through, and a few are declined. We are looking into it.',
        created_at: iso(start),
        display_at: iso(start),
        affected_components: [{ code: 'cards', name: 'Card payments', old_status: 'operational', new_status: 'partial_outage' }],
      },
    ],
  };
  const doc = {
    page: { id: 'acme-bank', name: 'Acme Bank', time_zone: 'Etc/UTC', updated_at: iso(start) },
    status: { indicator: 'major', description: 'Partial System Outage' },
    components,
    incidents: [incident],
    scheduled_maintenances: [],
  };
  let body = '';
  let etag = '';
  const seal = () => {
    body = JSON.stringify(doc);
    etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  };
  seal();

  return {
    /** The document as served now, and its ETag. */
    current: () => ({ body, etag }),
    /**
     * Adds an update to the open incident (newest first, as Statuspage lists them). `resolved`
     * closes it and puts the card service back to operational. Returns the update.
     */
    addUpdate({ status, body: text }) {
      const at = iso(now().getTime());
      const cards = status === 'resolved' ? 'operational' : status === 'monitoring' ? 'degraded_performance' : 'partial_outage';
      const update = {
        id: `upd-${incident.incident_updates.length + 1}`,
        status,
        body: text,
        created_at: at,
        display_at: at,
        affected_components: [{ code: 'cards', name: 'Card payments', old_status: components[0].status, new_status: cards }],
      };
      incident.incident_updates.unshift(update);
      incident.status = status;
      incident.updated_at = at;
      incident.resolved_at = status === 'resolved' ? at : null;
      components[0].status = cards;
      components[0].updated_at = at;
      doc.page.updated_at = at;
      doc.status = status === 'resolved' ? { indicator: 'none', description: 'All Systems Operational' } : doc.status;
      seal();
      return update;
    },
  };
}

/** Whether an If-None-Match header (a list, possibly weak, or `*`) matches `etag`. */
function matches(header, etag) {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

function json(res, status, value, headers = {}) {
  const text = JSON.stringify(value);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; resolves undefined when it is longer. */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** What is wrong with a posted update, naming the field, or undefined when it can be added. */
export function updateProblem(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the body must be a JSON object: { "status": "identified", "body": "What we know now." }';
  if (!UPDATE_STATUSES.includes(value.status)) return `status must be one of ${UPDATE_STATUSES.join(', ')}, got ${JSON.stringify(value.status)}`;
  if (typeof value.body !== 'string' || !value.body.trim()) return 'body must be a non-empty string: what the customer should know now';
  if (value.body.length > MAX_UPDATE_CHARS) return `body has ${value.body.length} characters; at most ${MAX_UPDATE_CHARS}`;
  return undefined;
}

/**
 * Answers the feed's two paths and returns true, or returns false for any other path (the
 * caller serves files). `headers` are added to every answer (the example's CSP).
 */
export function handleStatus(feed, req, res, headers = {}) {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === FEED_PATH) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      json(res, 405, { error: `${FEED_PATH} answers GET and HEAD` }, { ...headers, allow: 'GET, HEAD' });
      return true;
    }
    const { body, etag } = feed.current();
    // no-cache: the browser may keep a copy but must ask each time; the ETag makes asking cheap.
    const common = { ...headers, etag, 'cache-control': 'no-cache' };
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, common);
      res.end();
      return true;
    }
    res.writeHead(200, { ...common, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  if (path === UPDATES_PATH) {
    if (req.method !== 'POST') {
      json(res, 405, { error: `${UPDATES_PATH} answers POST` }, { ...headers, allow: 'POST' });
      return true;
    }
    // JSON only: a plain HTML form from another site cannot send it without a CORS preflight.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      json(res, 415, { error: 'send the update as application/json' }, headers);
      return true;
    }
    readBody(req, MAX_REQUEST_BYTES).then(
      (text) => {
        if (text === undefined) return json(res, 413, { error: `the request body is over ${MAX_REQUEST_BYTES} bytes` }, headers);
        let value;
        try {
          value = JSON.parse(text);
        } catch {
          return json(res, 400, { error: 'the request body is not JSON' }, headers);
        }
        const problem = updateProblem(value);
        if (problem) return json(res, 400, { error: problem }, headers);
        json(res, 201, feed.addUpdate({ status: value.status, body: value.body.trim() }), headers);
      },
      () => json(res, 400, { error: 'the request body could not be read' }, headers),
    );
    return true;
  }
  return false;
}
