declare function dayjsLite(date?: string | number | Date | dayjsLite.Dayjs | null): dayjsLite.Dayjs;
declare namespace dayjsLite {
  type Unit = 'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'date';
  interface Dayjs {
    isValid(): boolean; year(): number; month(): number; date(): number; day(): number;
    add(n: number, unit?: Unit): Dayjs; subtract(n: number, unit?: Unit): Dayjs;
    startOf(unit: Unit): Dayjs; endOf(unit: Unit): Dayjs; format(template?: string): string;
    diff(d: Dayjs | Date | string, unit?: Unit, float?: boolean): number; unix(): number; toDate(): Date; toISOString(): string;
  }
  function unix(t: number): Dayjs;
}
export = dayjsLite;
