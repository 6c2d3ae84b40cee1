// Global Storybook set-up: docs tables from the custom elements manifest, axe checks, and the
// toolbar switches designers use (language + direction, and theme) applied to <html>, where the
// components read them.
import type { Decorator, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, InputType } from 'storybook/internal/types';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '@candor/elements/custom-elements.json';
// The toolbar switches languages: register Arabic up front rather than on the first switch.
import '@candor/elements/locales/ar.js';

interface ManifestMember {
  name?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  description?: string;
  type?: { text?: string };
}
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestMember[];
  events?: ManifestMember[];
}
interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
}

/**
 * The type a property's documentation names, for the properties the components type as
 * `unknown` because they validate what they are given (`notice` is "a `ConsentNotice`",
 * `entries` "`FaqEntry[]`"): the first backticked type name in the description.
 */
const documentedType = (m: ManifestMember): string | undefined => /`([A-Z]\w*(?:\[\])?)`/.exec(m.description ?? '')?.[1];

/**
 * Storybook lists every member of a class as a property with a control, including the
 * protected ones subclasses use (`frame`, `localize`, `resolvedTheme`). Designers should see
 * only what a page can set, so the docs get the manifest without them, and with the type each
 * validated property documents instead of `unknown`.
 */
/** The types validated properties document (`ConsentNotice`, `FaqEntry[]`, ...): data a designer can edit as JSON. */
const dataTypes = new Set<string>();

function forDesigners(cem: Manifest): Manifest {
  const copy = structuredClone(cem);
  for (const mod of copy.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.members) continue;
      decl.members = decl.members.filter((m) => (!m.privacy || m.privacy === 'public') && !m.static);
      for (const m of decl.members) {
        const text = m.type?.text ?? '';
        const named = documentedType(m);
        if (named && /^unknown\b/.test(text)) {
          m.type = { text: text.replace(/^unknown\b/, named) };
          dataTypes.add(named);
        }
        if (m.readonly) m.description = `Read-only. ${m.description ?? ''}`.trim();
      }
    }
  }
  return copy;
}

const designerManifest = forDesigners(manifest as Manifest);
setCustomElementsManifest(designerManifest);

const declarations = (designerManifest.modules ?? []).flatMap((m) => m.declarations ?? []);
/** Every event the components fire (`candor-step-change`, ...), from the manifest: the Actions panel logs them. */
const componentEvents = [...new Set(declarations.flatMap((d) => (d.events ?? []).map((e) => e.name)).filter((n): n is string => !!n))];
/** Read-only properties per component (`record`, `state`, ...): listed, but a page cannot set them. */
const readOnly = new Map(declarations.filter((d) => d.tagName).map((d) => [d.tagName!, new Set((d.members ?? []).filter((m) => m.readonly).map((m) => m.name))]));

/** Table categories a page cannot set through a property or attribute: shown, without a control. */
const NOT_SETTABLE = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

/**
 * The control for a property or attribute of the manifest's `type`, where the story did not
 * choose one: text, number, a switch, a choice between the literal values, JSON for data
 * (arrays and the documented models), and none for what a page passes as code (a clock, a
 * storage object) or a named type the table cannot spell out. Storybook itself would offer
 * "Set object" for anything but `string`, `number` and `boolean`.
 */
function controlFor(typeText: string): Pick<InputType, 'control' | 'options'> {
  const type = typeText.replace(/\s*\|\s*undefined$/, '').trim();
  if (type === 'string') return { control: { type: 'text' } };
  if (type === 'number') return { control: { type: 'number' } };
  if (type === 'boolean') return { control: { type: 'boolean' } };
  if (/^'[^']*'(\s*\|\s*'[^']*')*$/.test(type)) {
    return { control: { type: 'inline-radio' }, options: [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]) };
  }
  if (type.endsWith('[]') || dataTypes.has(type)) return { control: { type: 'object' } };
  return { control: false };
}

/**
 * The props table shows what a page can set: events, slots, parts and CSS custom properties
 * are documented without a control (Storybook would offer "Set object" for them), and so are
 * read-only properties and attributes that mirror a property. Properties and attributes get
 * the control their type calls for. Story-only arguments declare their own category (`Story`).
 */
const forTheTable: ArgTypesEnhancer<WebComponentsRenderer> = (context) => {
  const argTypes = { ...context.argTypes };
  const tag = typeof context.component === 'string' ? context.component : undefined;
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    // An attribute named apart from its property (`heading-level` for `headingLevel`) is set
    // through the property's control; the attribute's row documents the markup.
    const attributeTwin = category === 'attributes' && name.includes('-');
    if ((category && NOT_SETTABLE.has(category)) || attributeTwin || (tag && category === 'properties' && readOnly.get(tag)?.has(name))) {
      argTypes[name] = { ...argType, control: false };
    } else if ((category === 'properties' || category === 'attributes') && argType.control === undefined) {
      const { control, options } = controlFor(argType.table?.type?.summary ?? '');
      argTypes[name] = { ...argType, control, ...(options && !argType.options ? { options } : {}) };
    }
  }
  return argTypes;
};

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
 * Sets `lang`, `dir` and `theme` where the components read them before the story renders. The
 * components resolve all three from their closest ancestor that declares them (see
 * packages/elements/src/shared/environment.ts), exactly as on a customer's page:
 * - on a story's canvas, on the document element, as a page in that language would;
 * - on a docs page, on a wrapper around each example: the docs prose is English and stays left
 *   to right (Storybook pins `lang="en"` on it), and only the components switch language.
 * A story may still pin its own `lang`/`theme` on a wrapper (the Arabic stories do): the
 * closest declaration wins.
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale: Locale = isLocale(context.globals['locale']) ? context.globals['locale'] : 'en';
  const theme: Theme = isTheme(context.globals['theme']) ? context.globals['theme'] : 'light';
  const root = document.documentElement;
  const docs = context.viewMode === 'docs';
  root.lang = docs ? 'en' : locale;
  root.dir = docs ? 'ltr' : LOCALES[locale].dir;
  // The components know `theme="light"` and `theme="dark"`; without the attribute they follow
  // prefers-color-scheme, which is what "system" means.
  if (theme === 'system') root.removeAttribute('theme');
  else root.setAttribute('theme', theme);
  // The canvas around the component follows too, so a dark component is not shown on white.
  root.style.colorScheme = theme === 'system' ? 'light dark' : theme;
  // The page check finds these wrappers by their data attribute.
  return docs ? html`<div lang=${locale} dir=${LOCALES[locale].dir} data-toolbar-locale>${story()}</div>` : story();
};

/** The canvases that already log the components' events. */
const logging = new WeakSet<EventTarget>();

/**
 * Logs every `candor-*` event in the Actions panel. The events bubble out of the component and
 * cross its shadow root, so one listener per event on the story's canvas hears them all, from the
 * first render on, the play function's included. (Storybook's `argTypesRegex` sees only args, and
 * its `withActions` decorator starts listening only after the play function has run.)
 */
const withComponentActions: Decorator = (story, context) => {
  const canvas = context.canvasElement as EventTarget | undefined;
  if (canvas && !logging.has(canvas)) {
    logging.add(canvas);
    for (const name of componentEvents) canvas.addEventListener(name, action(name));
  }
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLocaleAndTheme, withComponentActions],
  argTypesEnhancers: [forTheTable],
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
    docs: {
      // The code shown under an example is the component's markup, without the language wrapper above.
      source: { excludeDecorators: true },
    },
    options: {
      // The introduction first, then the components, then the design tokens.
      storySort: { order: ['Introduction', 'Components', 'Design tokens'] },
    },
    // Accessibility is part of done: violations show as errors in the Accessibility panel.
    a11y: { test: 'error' },
  },
};

export default preview;
