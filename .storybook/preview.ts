// Global Storybook set-up: docs tables from the custom elements manifest, axe checks, and the
// toolbar switches designers use (language + direction, and theme) applied to <html>, where the
// components read them.
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '@candor/elements/custom-elements.json';

interface ManifestMember {
  name?: string;
  privacy?: string;
  static?: boolean;
}

/**
 * Storybook lists every member of a class as a property with a control, including the
 * protected ones subclasses use (`frame`, `localize`, `resolvedTheme`). Designers should see
 * only what a page can set, so the docs get the manifest without them.
 */
function forDesigners<T>(cem: T): T {
  const copy = structuredClone(cem) as { modules?: { declarations?: { members?: ManifestMember[] }[] }[] };
  for (const mod of copy.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (decl.members) decl.members = decl.members.filter((m) => (!m.privacy || m.privacy === 'public') && !m.static);
    }
  }
  return copy as T;
}

setCustomElementsManifest(forDesigners(manifest));

/** The languages the toolbar offers, with the writing direction each one uses. */
const LOCALES = {
  en: { title: 'English', dir: 'ltr' },
  ar: { title: 'العربية (Arabic)', dir: 'rtl' },
} as const;
type Locale = keyof typeof LOCALES;

const THEMES = ['light', 'dark', 'system'] as const;
type Theme = (typeof THEMES)[number];

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && Object.hasOwn(LOCALES, v);
const isTheme = (v: unknown): v is Theme => (THEMES as readonly unknown[]).includes(v);

/**
 * Sets `lang`, `dir` and `theme` on the document element before the story renders. The
 * components resolve all three from their closest ancestor that declares them (see
 * packages/elements/src/shared/environment.ts), exactly as on a customer's page, so this is the
 * honest way to show them in Arabic or dark. A story may still pin its own `lang`/`theme` on a
 * wrapper (the Arabic stories do): the closest declaration wins.
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale: Locale = isLocale(context.globals['locale']) ? context.globals['locale'] : 'en';
  const theme: Theme = isTheme(context.globals['theme']) ? context.globals['theme'] : 'light';
  const root = document.documentElement;
  root.lang = locale;
  root.dir = LOCALES[locale].dir;
  // The components know `theme="light"` and `theme="dark"`; without the attribute they follow
  // prefers-color-scheme, which is what "system" means.
  if (theme === 'system') root.removeAttribute('theme');
  else root.setAttribute('theme', theme);
  // The canvas around the component follows too, so a dark component is not shown on white.
  root.style.colorScheme = theme === 'system' ? 'light dark' : theme;
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language and writing direction of the page',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: (Object.keys(LOCALES) as Locale[]).map((value) => ({
          value,
          title: LOCALES[value].title,
          right: LOCALES[value].dir.toUpperCase(),
        })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System (follows the OS)', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    controls: { expanded: true },
    // Accessibility is part of done: violations show as errors in the Accessibility panel.
    a11y: { test: 'error' },
  },
};

export default preview;
