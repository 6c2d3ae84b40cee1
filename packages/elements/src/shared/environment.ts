/**
 * Reads the page context a component renders in (language, direction, theme) from the closest
 * element that declares it, and tells components when any of those attributes change.
 */
import { primaryLanguage } from '@candor/core/models';

/** Attributes that change how a Candor component renders. */
export const ENVIRONMENT_ATTRIBUTES = ['lang', 'dir', 'theme'] as const;

type Listener = () => void;
const listeners = new Set<Listener>();
let documentObserver: MutationObserver | undefined;

/**
 * Calls `listener` whenever `lang`, `dir` or `theme` changes on `<html>` or anywhere in the
 * document, or on `host` itself (which may live inside another shadow root the document
 * observer cannot see). One observer serves every component on the page.
 * Returns a function that stops listening.
 */
export function watchEnvironment(host: Element, listener: Listener): () => void {
  listeners.add(listener);
  if (!documentObserver && typeof MutationObserver !== 'undefined') {
    documentObserver = new MutationObserver(() => listeners.forEach((l) => l()));
    documentObserver.observe(document.documentElement, {
      attributes: true,
      subtree: true,
      attributeFilter: [...ENVIRONMENT_ATTRIBUTES],
    });
  }
  const own = new MutationObserver(listener);
  own.observe(host, { attributes: true, attributeFilter: [...ENVIRONMENT_ATTRIBUTES] });
  return () => {
    listeners.delete(listener);
    own.disconnect();
    if (listeners.size === 0) {
      documentObserver?.disconnect();
      documentObserver = undefined;
    }
  };
}

/** The element itself, then its ancestors, crossing shadow-root boundaries to their hosts. */
function* ancestry(start: Element): Generator<Element> {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) yield node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
}

/** The value of the closest (inclusive) ancestor's `name` attribute that `accept` takes. */
export function closestAttribute(start: Element, name: string, accept: (v: string) => boolean = (v) => v !== ''): string | undefined {
  for (const el of ancestry(start)) {
    const value = el.getAttribute(name);
    if (value !== null && accept(value.trim())) return value.trim();
  }
  return undefined;
}

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Writing direction of a language tag (`ar-EG` → `rtl`). */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primaryLanguage(lang)) ? 'rtl' : 'ltr';
}

const isDirection = (v: string): boolean => v === 'ltr' || v === 'rtl';

/**
 * Direction for `start`: the closest element declaring `dir="ltr|rtl"` or a `lang` decides —
 * an explicit `dir` wins, a bare `lang` implies its script's direction; otherwise `ltr`.
 */
export function resolveDirection(start: Element): 'ltr' | 'rtl' {
  for (const el of ancestry(start)) {
    const dir = el.getAttribute('dir')?.trim().toLowerCase();
    if (dir && isDirection(dir)) return dir as 'ltr' | 'rtl';
    const lang = el.getAttribute('lang')?.trim();
    if (lang) return directionOf(lang);
  }
  return 'ltr';
}

/** Language for `start`: the closest non-empty `lang` (element, ancestors, then `<html>`), else `en`. */
export function resolveLang(start: Element): string {
  return closestAttribute(start, 'lang') ?? 'en';
}

/** Theme for `start`: the closest `theme="light|dark"`, else `system` (follows prefers-color-scheme). */
export function resolveTheme(start: Element | null): 'light' | 'dark' | 'system' {
  const t = start ? closestAttribute(start, 'theme', (v) => v === 'light' || v === 'dark') : undefined;
  return (t as 'light' | 'dark' | undefined) ?? 'system';
}

/** The parent element of `el`, or the host when `el` is the top of a shadow tree. */
export function parentOf(el: Element): Element | null {
  const p = el.parentNode;
  return p instanceof ShadowRoot ? p.host : p instanceof Element ? p : null;
}
