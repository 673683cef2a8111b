/**
 * Excel date serials as integer milliseconds.
 *
 * Times are compared at millisecond resolution: every serial is rounded to
 * the nearest millisecond before any comparison or bucketing, so times that
 * Excel shows as equal are equal (14:05 stored with 15 significant digits is
 * exactly 5 minutes after 14:00 here). Serials are Excel's 1900 system,
 * including its fictional 1900-02-29 (serial 60); text dates are calendar
 * dates with no time zone, so nothing depends on the machine's zone.
 */
export const MS_PER_DAY = 86_400_000;
/** 9999-12-31 is serial 2958465; the next day is out of Excel's range. */
export const MAX_SERIAL_EXCLUSIVE = 2_958_466;
/** Serial of 1970-01-01 (for serials from 61, i.e. 1900-03-01, on). */
const UNIX_EPOCH_SERIAL = 25_569;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year and month (1-12) of days since 1970-01-01 (civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: (month <= 2 ? 1 : 0) + yoe + era * 400, month, day };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Excel serial (whole days) of a real calendar date. */
export function serialFromDate(year: number, month: number, day: number): number {
  const unixDays = daysFromCivil(year, month, day);
  const serial = unixDays + UNIX_EPOCH_SERIAL;
  // Before 1900-03-01 Excel is one day behind because of its fictional 1900-02-29.
  return serial >= 61 ? serial : serial - 1;
}

/** Calendar year and month of a whole-day serial (serial 60 is Excel's 1900-02-29: February 1900). */
export function yearMonthOfSerial(serialDay: number): { year: number; month: number } {
  if (serialDay < 61) {
    if (serialDay <= 31) return { year: 1900, month: 1 };
    return { year: 1900, month: 2 };
  }
  const { year, month } = civilFromDays(serialDay - UNIX_EPOCH_SERIAL);
  return { year, month };
}

/**
 * Parses ISO text `YYYY-MM-DD[( |T)HH:MM[:SS]]` to a (fractional) serial,
 * or NaN when it is not a real date in Excel's range.
 */
export function parseIsoSerial(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const serial = serialFromDate(year, month, day);
  if (serial < 1 || serial >= MAX_SERIAL_EXCLUSIVE) return NaN;
  return serial + (hour * 3600 + minute * 60 + second) / 86400;
}

/**
 * A date/time cell as integer milliseconds since serial 0, or NaN when the
 * cell is not a date. Callers test blanks first (isBlankKey).
 */
export function toSerialMs(value: unknown): number {
  if (typeof value === "number") {
    if (!(value >= 1 && value < MAX_SERIAL_EXCLUSIVE)) return NaN;
    return Math.round(value * MS_PER_DAY);
  }
  if (typeof value === "string") {
    const serial = parseIsoSerial(value);
    return Number.isNaN(serial) ? NaN : Math.round(serial * MS_PER_DAY);
  }
  return NaN;
}

/** Below this fraction of a day, rounding to the millisecond cannot reach the next day (see wholeDayOfSerial). */
const SAFE_DAY_FRACTION = 1 - 1 / MS_PER_DAY;

/**
 * Whole-day serial of a serial already checked to be in range, after rounding
 * to the millisecond: the same as Math.floor(Math.round(value * MS_PER_DAY) /
 * MS_PER_DAY), without the multiply and divide for every time that is not
 * within a millisecond of midnight (the row loops call this a million times).
 * The fraction value - floor(value) is exact, and the product's rounding error
 * is far below the millisecond margin, so the shortcut never changes the day.
 */
export function wholeDayOfSerial(value: number): number {
  const day = Math.floor(value);
  return value - day < SAFE_DAY_FRACTION ? day : Math.floor(Math.round(value * MS_PER_DAY) / MS_PER_DAY);
}

/** Whole-day serial of a millisecond time. */
export function dayOfMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** Serial of the Monday on or before a whole-day serial (Excel's weekday numbering). */
export function mondayOf(serialDay: number): number {
  return serialDay - ((serialDay + 5) % 7);
}

/** A month as one integer: year * 12 + (month - 1). */
export function monthIndexOfSerial(serialDay: number): number {
  const { year, month } = yearMonthOfSerial(serialDay);
  return year * 12 + month - 1;
}

/** Serial of the first day of a month index. */
export function serialOfMonthIndex(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return serialFromDate(year, monthIndex - year * 12 + 1, 1);
}

/** Formats a whole-day serial as YYYY-MM-DD (for messages and tests). */
export function isoOfSerial(serialDay: number): string {
  const { year, month, day } =
    serialDay >= 61 ? civilFromDays(serialDay - UNIX_EPOCH_SERIAL) : civilFromDays(serialDay - UNIX_EPOCH_SERIAL + 1);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
