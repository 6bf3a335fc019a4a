/** The Dutch-date helpers moved into amsterdam-time.ts, with every other wall-clock rule; kept here for existing imports. */
export { dutchDate, dutchPeriod, startOfDutchDay } from './amsterdam-time';
