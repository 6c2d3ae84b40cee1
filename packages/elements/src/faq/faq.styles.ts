/**
 * Styles of `<candor-faq>`: private tokens and logical properties only, so right-to-left, dark
 * mode and forced colours follow. (Notes live here: the CSS ships as written.)
 *
 * - Matches are `<mark>`: under forced colours the browser paints them with the system Mark
 *   colours, so highlighting survives high contrast.
 * - The disclosure marker is the native `<details>` one, which mirrors in right-to-left.
 * - The chosen category is shown by `aria-pressed` with a filled background and a border, not
 *   colour alone (its border is thicker).
 */
import { css } from 'lit';

export const faqStyles = css`
  .faq {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .faq p {
    margin: 0;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
  }
  .search {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    min-block-size: 2.75rem;
  }
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  [part~='category'][aria-pressed='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
    border-width: 3px;
  }
  .count,
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  details[open] {
    background: var(--_surface-alt);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 1.75rem;
  }
  .answer {
    display: grid;
    gap: var(--_space);
    padding-block-start: var(--_space);
  }
  .answer ol,
  .answer ul,
  .contact ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .badge {
    display: inline-block;
    margin-inline-start: var(--_space);
    padding: 0 calc(var(--_space) / 2);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    font-size: 0.85em;
    font-weight: 600;
  }
  mark {
    background: light-dark(#fff1a8, #5c4b00);
    color: inherit;
    border-radius: 2px;
  }
  .label {
    font-weight: 600;
  }
  .helpful {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .reasons {
    display: grid;
    gap: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
  }
  .reasons button {
    justify-self: start;
  }
  .contact {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  a {
    color: var(--_accent);
  }
  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
    }
    [part~='category'][aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
