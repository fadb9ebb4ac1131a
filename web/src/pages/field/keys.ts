/** Query keys of the field pages; a recorded visit refreshes every one of them. */
export const fieldKeys = {
  all: ['field'],
  visits: ['field', 'visits'],
  calendar: ['field', 'visits', 'calendar'],
  plans: ['field', 'plans'],
  compliance: ['field', 'compliance'],
  workLogs: ['field', 'work-logs'],
} as const;
