export declare function toZonedParts(date: Date | number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };
export declare function getTimezoneOffset(timeZone: string, date?: Date | number): number;
export declare function fromZonedTime(parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number }, timeZone: string): Date;
export declare function formatInTimeZone(date: Date | number, timeZone: string, pattern: string, locale?: string): string;
export declare function parseISOInTimeZone(iso: string, timeZone: string): Date;
export declare function isValidTimeZone(tz: string): boolean;
export declare function startOfDayInTimeZone(date: Date | number, timeZone: string): Date;
export declare function addDaysInTimeZone(date: Date | number, days: number, timeZone: string): Date;
