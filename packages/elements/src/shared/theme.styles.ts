/**
 * Shared design tokens. Public hooks are `--candor-*` custom properties (set them on the
 * element or any ancestor); components read the private `--_*` values resolved here for the
 * light theme, the dark theme (system preference or `theme="dark"`) and forced colours.
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
    --_text: var(--candor-color-text, #1a1f26);
    --_muted: var(--candor-color-text-muted, #4a5563);
    --_surface: var(--candor-color-surface, #ffffff);
    --_surface-alt: var(--candor-color-surface-alt, #f2f4f7);
    --_border: var(--candor-color-border, #8a94a3);
    --_accent: var(--candor-color-accent, #0b5cad);
    --_on-accent: var(--candor-color-on-accent, #ffffff);
    --_success: var(--candor-color-success, #1b6e3a);
    --_warning: var(--candor-color-warning, #8a4b00);
    --_danger: var(--candor-color-danger, #b42318);
    --_font: var(--candor-font-family, system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    --_font-size: var(--candor-font-size, 1rem);
    --_radius: var(--candor-radius, 0.5rem);
    --_space: var(--candor-spacing, 0.5rem);
    --_focus-color: var(--candor-focus-ring-color, #0b5cad);
    --_focus-width: var(--candor-focus-ring-width, 3px);
    --_duration: var(--candor-transition-duration, 150ms);
    color-scheme: light;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    box-sizing: border-box;
  }
  .candor *,
  .candor *::before,
  .candor *::after {
    box-sizing: inherit;
  }
  .candor[data-theme='dark'] {
    --_text: var(--candor-color-text, #eef1f5);
    --_muted: var(--candor-color-text-muted, #b7c0cc);
    --_surface: var(--candor-color-surface, #15181d);
    --_surface-alt: var(--candor-color-surface-alt, #232830);
    --_border: var(--candor-color-border, #7d8796);
    --_accent: var(--candor-color-accent, #8dbdff);
    --_on-accent: var(--candor-color-on-accent, #0b1220);
    --_success: var(--candor-color-success, #7fd89f);
    --_warning: var(--candor-color-warning, #f2c16b);
    --_danger: var(--candor-color-danger, #ff9b92);
    --_focus-color: var(--candor-focus-ring-color, #8dbdff);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .candor[data-theme='system'] {
      --_text: var(--candor-color-text, #eef1f5);
      --_muted: var(--candor-color-text-muted, #b7c0cc);
      --_surface: var(--candor-color-surface, #15181d);
      --_surface-alt: var(--candor-color-surface-alt, #232830);
      --_border: var(--candor-color-border, #7d8796);
      --_accent: var(--candor-color-accent, #8dbdff);
      --_on-accent: var(--candor-color-on-accent, #0b1220);
      --_success: var(--candor-color-success, #7fd89f);
      --_warning: var(--candor-color-warning, #f2c16b);
      --_danger: var(--candor-color-danger, #ff9b92);
      --_focus-color: var(--candor-focus-ring-color, #8dbdff);
      color-scheme: dark;
    }
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
