import { z } from 'zod';

/*
 * Calendar days as ISO 8601 text (YYYY-MM-DD): a day has no time zone, and the database keeps
 * DATE columns as such text. One check and one "today" for the whole application.
 */

const shape = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the text is a day that exists, written YYYY-MM-DD (2017-02-30 is not). The year 0 is
 * not one: the calendar goes from 1 BC to AD 1, and PostgreSQL refuses 0000-01-01.
 */
export function isIsoDate(value: string): boolean {
  if (!shape.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Today in UTC, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The problem said of a text that is not a day. */
export const isoDateProblem = 'must be a date that exists, written YYYY-MM-DD';

/** A day, as an input schema: the same check for forms, the API, bundles and the command line. */
export const isoDate = z.string().refine(isIsoDate, isoDateProblem);
