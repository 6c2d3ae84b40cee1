/**
 * Styles of `<candor-incident-banner>`: private tokens and logical properties only, so
 * right-to-left, dark mode and forced colours follow. (Notes live here: the CSS ships as written.)
 *
 * - Severity is never colour alone: each notice has a shape (circle, triangle, octagon; square
 *   for maintenance, a tick once resolved) and the severity in words; the colour is a third cue.
 * - The coloured edge is `border-inline-start`, so it sits on the right in right-to-left pages.
 * - Under forced colours the tokens are system colours; the shape keeps its form, and the
 *   overdue note and the data impact box keep a visible border.
 */
import { css } from 'lit';

export const incidentBannerStyles = css`
  .banner {
    display: grid;
    gap: var(--_space);
  }
  .incident {
    --_edge: var(--_warning);
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_edge);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .incident.critical {
    --_edge: var(--_danger);
  }
  .incident.maintenance {
    --_edge: var(--_accent);
  }
  .incident.resolved {
    --_edge: var(--_success);
  }
  .incident > *,
  .incident p {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .severity {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    font-weight: 700;
    color: var(--_edge);
  }
  .shape {
    inline-size: 1.1em;
    block-size: 1.1em;
    fill: currentColor;
    flex: none;
  }
  .status {
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.875em;
  }
  .dismiss {
    margin-inline-start: auto;
  }
  .title {
    font-size: 1.15em;
    font-weight: 700;
  }
  .meta,
  .feed-note {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .feed-note {
    margin: 0;
  }
  .feed-note.problem {
    color: var(--_text);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px dashed var(--_warning);
    border-radius: var(--_radius);
  }
  .next {
    font-weight: 600;
  }
  .next.overdue {
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .impact {
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border: 1px solid transparent;
  }
  .impact.possible,
  .impact.confirmed,
  .impact.under-investigation {
    border-color: var(--_danger);
  }
  .label {
    font-weight: 600;
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .remedies ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  [part~='remedy'] {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .remedy-title {
    font-weight: 600;
  }
  .summary {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .apology {
    font-style: italic;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  a {
    color: var(--_accent);
  }
  button.link {
    border-color: transparent;
    text-decoration: underline;
    justify-self: start;
  }
  .timeline {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .timeline[hidden],
  .more-list[hidden] {
    display: none;
  }
  .more-list {
    display: grid;
    gap: var(--_space);
  }
  @media (forced-colors: active) {
    .shape {
      fill: CanvasText;
    }
    .impact {
      border-color: CanvasText;
    }
  }
`;
