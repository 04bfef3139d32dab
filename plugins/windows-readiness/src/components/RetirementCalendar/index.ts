export {
  RetirementCalendar,
  RetirementCalendarTable,
} from './RetirementCalendar';
export type {
  RetirementCalendarProps,
  RetirementCalendarTableProps,
} from './RetirementCalendar';
export { retirementEntries } from './retirementEntries';
export type { RetirementEntry } from './retirementEntries';
