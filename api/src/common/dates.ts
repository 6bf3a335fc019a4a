/** Today's date (YYYY-MM-DD) in the Netherlands, where due dates are meant. */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
