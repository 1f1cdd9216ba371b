/**
 * The campaign's schedule: a start date and a length in days, from the dates and durations the
 * goal names, relative to an injected `today`.
 *
 * Rules (documented because goals leave them open):
 * - A start is set only when the goal anchors one: a date (`Dec 1`, `下周一开始`), a span that
 *   begins on a known day (`this month` begins today, `next month` on the 1st), or "the next
 *   3 weeks" (begins today). "For two weeks" alone leaves the start to the launch.
 * - The length comes from a duration (`two weeks`), else from an end date (`until Dec 14`,
 *   start today when no start is given), else from the span (`this month` = the days left in the
 *   month, today included; `this autumn` = the days left in the season).
 */
import type { Schedule } from '../../src/core/index.js';
import { addMonths, daysBetween, inclusiveDays } from './dates.js';
import { scanDates, type DateMention } from './date-mentions.js';
import { durationDays, findDurations, offsetFrom } from './durations.js';
import type { Span } from './text.js';

/** The schedule, the spans of text it used, and problems to report (a date in the past). */
export interface ScheduleResult {
  readonly schedule: Schedule;
  readonly spans: Span[];
  readonly problems: string[];
}

/** The schema's limit on a campaign's length. */
const MAX_DAYS = 3660;

const START_BEFORE =
  /(?:\b(?:from|starting|start|starts|beginning|begin|begins|launch|launches|launching|commencing|kick(?:ing)? off|as of|effective)(?:\s+(?:on|from|in))?|从|自|于)\s*$/;
const START_AFTER = /^\s*(?:开始|起|启动|上线|开跑|\bonwards?\b)/;
const END_BEFORE =
  /(?:\b(?:until|till|til|through|thru|to|ending|ends|end|ending on|by|before|up to)(?:\s+(?:the|on))?|到|至|直到|截止到?|截至|一直到)\s*$/;
const END_AFTER = /^\s*(?:前|之前|以前|为止|结束|截止)/;

function cueOf(text: string, mention: DateMention, previous: DateMention | undefined): DateMention['cue'] {
  if (mention.cue !== 'none') return mention.cue;
  const before = text.slice(Math.max(0, mention.start - 24), mention.start);
  const after = text.slice(mention.end, mention.end + 8);
  if (START_BEFORE.test(before) || START_AFTER.test(after)) return 'start';
  if (END_BEFORE.test(before) || END_AFTER.test(after)) return 'end';
  // "Dec 1 - Dec 14": the second date of a range ends it.
  if (previous && /^\s*(?:-|~)\s*$/.test(text.slice(previous.end, mention.start))) return 'end';
  return 'none';
}

/**
 * Reads the schedule from the (lower-case) goal.
 *
 * @example
 * ```ts
 * extractSchedule('sell mugs this month', '2026-11-29', []).schedule; // { start: '2026-11-29', days: 2 }
 * ```
 */
export function extractSchedule(text: string, today: string, taken: readonly Span[]): ScheduleResult {
  const scan = scanDates(text, today, taken);
  const problems = [...scan.problems];
  const mentions = scan.mentions;
  mentions.forEach((m, i) => {
    m.cue = cueOf(text, m, mentions[i - 1]);
  });
  const durations = findDurations(text, [...taken, ...mentions]);
  const offset = durations.find((d) => d.offset);
  const duration = durations.find((d) => !d.offset);

  const startMention = mentions.find((m) => m.cue === 'start') ?? mentions.find((m) => m.cue === 'none');
  const endMention = mentions.find((m) => m.cue === 'end' && m !== startMention);

  let start = startMention?.first ?? (offset ? offsetFrom(offset, today) : undefined);
  if (offset && start === undefined)
    problems.push('The start is too far away; give a start within ten years.');
  if (start === undefined && duration?.anchored) start = today;

  let days: number | undefined;
  if (duration) {
    days = durationDays(duration, start ?? today);
  } else if (endMention) {
    start ??= today;
    let last = endMention.last ?? endMention.first;
    if (last < start && !endMention.explicitYear) last = addMonths(last, 12);
    days = inclusiveDays(start, last);
  } else if (startMention?.last !== undefined && (startMention.cue !== 'start' || startMention.range)) {
    days = inclusiveDays(startMention.first, startMention.last);
  }

  if (start !== undefined && start < today) {
    problems.push(`The start date ${start} is before today (${today}); give a date from today on.`);
  }
  if (days !== undefined && days <= 0) {
    problems.push(`The campaign ends before it starts (start ${start ?? today}, end given in the goal).`);
  }
  if (days !== undefined && days > MAX_DAYS) {
    problems.push(
      `A campaign of ${Math.round(days)} days is longer than the limit of ${MAX_DAYS} (ten years).`,
    );
  }
  if (start !== undefined && daysBetween(today, start) > MAX_DAYS) {
    problems.push(`The start date ${start} is more than ten years away.`);
  }
  const schedule: Schedule = {
    ...(start === undefined ? {} : { start }),
    ...(days !== undefined && days > 0 && days <= MAX_DAYS ? { days: Math.round(days) } : {}),
  };
  const spans: Span[] = [...mentions, ...durations].map(({ start: s, end }) => ({ start: s, end }));
  return { schedule, spans, problems };
}
