/** The heading level a component's title may take, one rule for every component that has one. */
import * as z from 'zod/mini';

/**
 * 2–6: the page keeps its own `h1`. Its own module, so a component that does not take a
 * heading level does not carry the schema.
 */
export const HeadingLevelSchema = z.number().check(z.int(), z.gte(2), z.lte(6));
