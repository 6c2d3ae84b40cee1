/**
 * Shared design tokens. Public hooks are `--candor-*` custom properties (set them on the
 * element or any ancestor); components read the private `--_*` values resolved here for the
 * light theme, the dark theme (system preference or `theme="dark"`) and forced colours.
 * Under forced colours, system colours replace every token.
 *
 * Each default is `light-dark(light, dark)`: `color-scheme` picks one, so the palette is written
 * once. `color-scheme: light dark` (system) follows prefers-color-scheme; `theme="light|dark"` (on
 * the element or an ancestor) forces one. Notes live here, not in the CSS: comments inside the
 * css`` block are shipped to every page.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .candor {
    --_text: var(--candor-color-text, light-dark(#1a1f26, #eef1f5));
    --_muted: var(--candor-color-text-muted, light-dark(#4a5563, #b7c0cc));
    --_surface: var(--candor-color-surface, light-dark(#ffffff, #15181d));
    --_surface-alt: var(--candor-color-surface-alt, light-dark(#f2f4f7, #232830));
    --_border: var(--candor-color-border, light-dark(#8a94a3, #7d8796));
    --_accent: var(--candor-color-accent, light-dark(#0b5cad, #8dbdff));
    --_on-accent: var(--candor-color-on-accent, light-dark(#ffffff, #0b1220));
    --_success: var(--candor-color-success, light-dark(#1b6e3a, #7fd89f));
    --_warning: var(--candor-color-warning, light-dark(#8a4b00, #f2c16b));
    --_danger: var(--candor-color-danger, light-dark(#b42318, #ff9b92));
    --_focus-color: var(--candor-focus-ring-color, light-dark(#0b5cad, #8dbdff));
    --_font: var(--candor-font-family, system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    --_font-size: var(--candor-font-size, 1rem);
    --_radius: var(--candor-radius, 0.5rem);
    --_space: var(--candor-spacing, 0.5rem);
    --_focus-width: var(--candor-focus-ring-width, 3px);
    --_duration: var(--candor-transition-duration, 150ms);
    color-scheme: light dark;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    box-sizing: border-box;
  }
  .candor[data-theme='light'] {
    color-scheme: light;
  }
  .candor[data-theme='dark'] {
    color-scheme: dark;
  }
  .candor *,
  .candor *::before,
  .candor *::after {
    box-sizing: inherit;
  }
  @media (forced-colors: active) {
    .candor,
    .candor[data-theme] {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_surface: Canvas;
      --_surface-alt: Canvas;
      --_border: CanvasText;
      --_accent: Highlight;
      --_on-accent: HighlightText;
      --_success: CanvasText;
      --_warning: CanvasText;
      --_danger: CanvasText;
      --_focus-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .candor,
    .candor * {
      transition-duration: 0s !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
  .candor :focus-visible {
    outline: var(--_focus-width) solid var(--_focus-color);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  [part~='fallback'] {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
