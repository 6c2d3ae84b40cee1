// Reads the public design tokens (`--candor-*` custom properties) and their light and dark
// defaults out of the built theme styles, so the Design tokens page can never drift from what
// the components actually use. Descriptions come from the components' @cssprop JSDoc.
import { themeStyles } from '@candor/elements/shared';
import manifest from '@candor/elements/custom-elements.json';

/** One public token as designers see it. */
export interface DesignToken {
  /** `--candor-color-accent` */
  name: string;
  /** Default in the light theme. */
  light: string;
  /** Default in the dark theme; the light value when the dark theme does not change it. */
  dark: string;
  /** From a component's `@cssprop` documentation, when one documents it. */
  description: string;
}

/**
 * `--_x: var(--candor-y, default)` declarations of the CSS rule whose selector is exactly one of
 * `selectors`, as written in the source or as the build minifies it (`.candor{--_x:var(…)}`).
 */
function declarations(css: string, selectors: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const rule = new RegExp(`(?:^|[}\\s])(?:${selectors.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*\\{([^}]*)\\}`).exec(css);
  if (!rule) return found;
  for (const m of rule[1]!.matchAll(/--_[\w-]+:\s*var\((--candor-[\w-]+),\s*((?:[^;()]|\((?:[^()]|\([^()]*\))*\))*)\)\s*(?:;|$)/g)) {
    found.set(m[1]!, m[2]!.trim());
  }
  return found;
}

interface ManifestCssProperty {
  name: string;
  description?: string;
}
interface ManifestDeclaration {
  cssProperties?: ManifestCssProperty[];
}

function documentedDescriptions(): Map<string, string> {
  const out = new Map<string, string>();
  const modules = (manifest as { modules?: { declarations?: ManifestDeclaration[] }[] }).modules ?? [];
  for (const mod of modules) {
    for (const decl of mod.declarations ?? []) {
      for (const prop of decl.cssProperties ?? []) {
        if (prop.description && !out.has(prop.name)) out.set(prop.name, prop.description);
      }
    }
  }
  return out;
}

/**
 * Every `--candor-*` token the shared theme reads, with its light and dark defaults.
 * Throws when none are found: the page must not silently show an empty table.
 *
 * @example
 * designTokens().find((t) => t.name === '--candor-color-accent')?.dark; // '#8dbdff'
 */
export function designTokens(): DesignToken[] {
  const css = themeStyles.cssText;
  const light = declarations(css, ['.candor']);
  const dark = declarations(css, [".candor[data-theme='dark']", '.candor[data-theme=dark]']);
  if (light.size === 0) {
    throw new Error('No --candor-* tokens found in themeStyles (packages/elements/src/shared/theme.styles.ts): was its `.candor` rule renamed?');
  }
  const descriptions = documentedDescriptions();
  return [...light].map(([name, value]) => {
    // The shared theme writes a colour's two defaults once, as light-dark(light, dark).
    const pair = /^light-dark\((.+?),\s*(.+)\)$/.exec(value);
    return {
      name,
      light: pair ? pair[1]! : value,
      dark: pair ? pair[2]! : (dark.get(name) ?? value),
      description: descriptions.get(name) ?? '',
    };
  });
}

/** Whether a default value is a colour worth showing as a swatch. */
export function isColour(value: string): boolean {
  return /^(#[0-9a-f]{3,8}|rgb|hsl|oklch)/i.test(value);
}
