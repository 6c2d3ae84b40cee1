/** The base class of every Candor component: theme, language/direction frame, safe input handling. */
import { html, LitElement, type TemplateResult, type PropertyDeclarations } from 'lit';
import { parentOf, resolveTheme, watchEnvironment } from './environment.js';
import type { LocalizeController } from './localize.js';
import { reportInvalid, validate, type Parser } from './validate.js';

/**
 * Subclasses create their own {@link LocalizeController} (with their catalogue) as `localize`,
 * wrap their template in {@link CandorElement.frame} and validate input with
 * {@link CandorElement.accept}.
 */
export abstract class CandorElement extends LitElement {
  /** Reactive properties (declared here rather than with decorators: the same declarations, without the decorator helpers in every bundle). */
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  /** Colour theme: `light`, `dark`, or unset to follow an ancestor's `theme` attribute, then the system preference. */
  theme?: 'light' | 'dark';

  /** The component's localisation (language, direction, strings). */
  protected abstract readonly localize: LocalizeController<object>;

  /** Resolved theme: the `theme` property, else the closest ancestor's `theme` attribute, else `system`. */
  protected resolvedTheme: 'light' | 'dark' | 'system' = 'system';
  #unwatch?: () => void;

  // The property, not the attribute: the attribute is reflected only after willUpdate.
  #resolveTheme(): 'light' | 'dark' | 'system' {
    return this.theme === 'light' || this.theme === 'dark' ? this.theme : resolveTheme(parentOf(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolvedTheme = this.#resolveTheme();
    this.#unwatch = watchEnvironment(this, () => {
      const next = this.#resolveTheme();
      if (next !== this.resolvedTheme) {
        this.resolvedTheme = next;
        this.requestUpdate();
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /**
   * Waits for the catalogue of the component's language when it is still loading (Arabic on
   * first use), so a page in that language never flashes English first.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const catalogue = this.localize.loading;
    if (catalogue) await catalogue;
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('theme')) this.resolvedTheme = this.#resolveTheme();
  }

  /**
   * The themed root every template sits in: carries `lang`, `dir` and the theme so CSS
   * (`:dir(rtl)`, logical properties, tokens) follows the page.
   */
  protected frame(content: unknown, extraClass = ''): TemplateResult {
    return html`<div
      class="candor ${extraClass}"
      part="base"
      lang=${this.localize.lang}
      dir=${this.localize.dir}
      data-theme=${this.resolvedTheme}
    >${content}</div>`;
  }

  /**
   * Validated `value`, or `undefined` after firing `candor-error` and warning once; `outcome`
   * tells the console what the component does instead (default: it shows its fallback). Never throws.
   */
  protected accept<T>(property: string, schema: Parser<T>, value: unknown, outcome?: string): T | undefined {
    const r = validate(schema, value);
    if (r.ok) return r.value;
    reportInvalid(this, this.localize.component, property, r.issues, outcome);
    return undefined;
  }

  /**
   * An option with a default: `fallback` when the page unset it (`undefined`, as a framework
   * sets a prop it no longer passes, or `null`, as a removed attribute gives), silently; else
   * `value` validated, or `fallback` after `candor-error` names the problem and `outcome`.
   */
  protected option<T>(property: string, schema: Parser<T>, value: unknown, fallback: T, outcome: string): T {
    return value == null ? fallback : (this.accept(property, schema, value, outcome) ?? fallback);
  }

  /** A short localised message shown instead of content that could not be validated. */
  protected renderFallback(message: string): TemplateResult {
    return html`<p part="fallback" role="status">${message}</p>`;
  }
}
