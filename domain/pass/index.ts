// PASS IAE rules (docs/rules.md §4, §5): pure functions of dates and data, "today" always passed in.
export * from './number.ts';
export * from './dates.ts';
export * from './suspensions.ts';
export * from './prolongations.ts';
export * from './status.ts';
export * from './waiting-period.ts';
