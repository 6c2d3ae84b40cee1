/** The heading level a component's title may take, one rule for every component that has one. */
import { numberIn } from '@candor/core/models';

/**
 * 2–6: the page keeps its own `h1`. Its own module, so a component that does not take a
 * heading level does not carry the schema.
 */
export const HeadingLevelSchema = numberIn(2, 6, true);
