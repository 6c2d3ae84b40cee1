/** Files below `dir` whose name ends with `suffix` (default `.test.ts`), sorted. */
export function testFiles(dir: string, suffix?: string): string[];
