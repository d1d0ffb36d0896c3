/**
 * `workdays add <YYYY-MM-DD> <N>` and `workdays check <YYYY-MM-DD>`: the working-day
 * calendar from the command line, so a clerk can check a deadline by hand. The caller
 * builds the calendar with the admin's overrides from the database and prints the result.
 */
import { isIsoDate, weekdayOf, yearOf, type DayInfo, type DayKind, type WorkCalendar } from '../../workflows/calendar/index';
import { badRequest } from '../services/errors';

const USAGE = '用法：workdays add <YYYY-MM-DD> <工作日数> | workdays check <YYYY-MM-DD>';
const MAX_DAYS = 3650;
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const KIND_ZH: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '周末休息',
  holiday: '节假日休息',
  makeup_workday: '调休上班',
};

/**
 * @example
 * await workdaysCommand(['add', '2026-09-25', '20'], calendar); // → '2026-10-29（2026-09-25 起 20 个工作日）'
 * await workdaysCommand(['check', '2026-10-10'], calendar);     // → '2026-10-10 星期六：调休上班（国庆节）'
 */
export async function workdaysCommand(args: string[], calendar: WorkCalendar): Promise<string> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addCommand(rest, calendar);
  if (sub === 'check') return checkCommand(rest, calendar);
  throw badRequest(sub ? `未知的子命令：${sub}。${USAGE}` : USAGE);
}

function addCommand(args: string[], calendar: WorkCalendar): string {
  const [start, count, extra] = args;
  if (start === undefined || count === undefined || extra !== undefined) throw badRequest(USAGE);
  const date = requireDate(start);
  if (!/^-?\d+$/.test(count) || Math.abs(Number(count)) > MAX_DAYS) throw badRequest(`工作日数应为 -${MAX_DAYS} 到 ${MAX_DAYS} 之间的整数：${count}`);
  const n = Number(count);
  const result = calendar.addWorkingDays(date, n);
  const span = n >= 0 ? `${date} 起 ${n} 个工作日` : `${date} 前 ${-n} 个工作日`;
  return `${result.date}（${span}）${result.provisional ? provisionalNote(unknownYears(date, result.date, calendar)) : ''}`;
}

function checkCommand(args: string[], calendar: WorkCalendar): string {
  const [input, extra] = args;
  if (input === undefined || extra !== undefined) throw badRequest(USAGE);
  const info = calendar.dayInfo(requireDate(input));
  return `${info.date} ${WEEKDAYS_ZH[weekdayOf(info.date)]}：${KIND_ZH[info.kind]}${describeSource(info)}${info.yearKnown ? '' : provisionalNote([yearOf(info.date)])}`;
}

function requireDate(value: string): string {
  if (!isIsoDate(value)) throw badRequest(`日期应为 YYYY-MM-DD 格式的有效日期：${value}`);
  return value;
}

function describeSource(info: DayInfo): string {
  if (info.source === 'override') return `（管理员设定${info.name ? `：${info.name}` : ''}）`;
  return info.name ? `（${info.name}）` : '';
}

function provisionalNote(years: number[]): string {
  return `（暂定：${years.join('、')} 年节假日安排尚未公布）`;
}

/** The unknown years between two dates, to name them in the provisional note. */
function unknownYears(a: string, b: string, calendar: WorkCalendar): number[] {
  const [from, to] = [yearOf(a), yearOf(b)].sort((x, y) => x - y) as [number, number];
  const years: number[] = [];
  for (let year = from; year <= to; year += 1) if (!calendar.isYearKnown(year)) years.push(year);
  return years;
}

