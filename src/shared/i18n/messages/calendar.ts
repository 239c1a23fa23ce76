/** Messages of the production calendar, closures and working time. */
export const ru = {
  'error.CALENDAR_FILE_INVALID': 'Файл календаря не принят: {reason}',
  'calendar.closureExists': 'На эту дату уже назначен нерабочий день.',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'error.CALENDAR_FILE_INVALID': 'The calendar file was not accepted: {reason}',
  'calendar.closureExists': 'This date is already a closure day.',
};
