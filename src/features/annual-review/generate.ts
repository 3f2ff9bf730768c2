// From the snapshot of figures to the words of a generated paragraph in one language: each
// generator names the figures it reads and fills its catalogue message. Lists of States are in the
// reader's language, in that language's alphabetical order, joined as the language joins a list.
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';

export interface ReviewFacts {
  year: number;
  programmeNumber: number;
  programmeSymbol: string;
  periodFrom: string;
  periodTo: string;
  cutOff: string;
}

export interface GeneratorContext {
  m: Messages;
  review: ReviewFacts;
  /** The values of the snapshot, by figure key. */
  values: Record<string, unknown>;
  /** A State's name in the reader's language. */
  name: (iso3: string) => string;
}

export interface Generator {
  /** The figures it reads (an edit of its paragraph is flagged when one of them changes). */
  figures: readonly string[];
  text(ctx: GeneratorContext): string;
}

const listFormats = new Map<Locale, Intl.ListFormat>();
/** "Comoros, Guinea-Bissau and Timor-Leste", "科摩罗、几内亚比绍和东帝汶". */
export function joinList(locale: Locale, items: readonly string[]): string {
  let f = listFormats.get(locale);
  if (!f) {
    // The UN writes English lists without the serial comma (British usage).
    f = new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, f);
  }
  return f.format(items);
}

/** The States' names in the reader's language and order, as a list. */
export function stateList(ctx: GeneratorContext, codes: readonly string[]): string {
  return joinList(ctx.m.locale, codes.map(ctx.name).sort(ctx.m.compare));
}

const chineseDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 17 as an ordinal of the language: 17th, 17e, 17.º, 17-й, 十七, 17. */
export function ordinal(locale: Locale, n: number): string {
  switch (locale) {
    case 'en': {
      const s = new Intl.PluralRules('en', { type: 'ordinal' }).select(n);
      return `${n}${{ one: 'st', two: 'nd', few: 'rd' }[s as 'one' | 'two' | 'few'] ?? 'th'}`;
    }
    case 'fr':
      return n === 1 ? '1er' : `${n}e`;
    case 'es':
      return `${n}.º`;
    case 'ru':
      return `${n}-й`;
    case 'zh': {
      if (n < 10) return chineseDigits[n]!;
      const tens = Math.floor(n / 10);
      return `${tens === 1 ? '' : chineseDigits[tens]}十${chineseDigits[n % 10]}`;
    }
    default:
      return String(n);
  }
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
const asNumber = (v: unknown): number => (typeof v === 'number' ? v : 0);

const dateRanges = new Map<Locale, Intl.DateTimeFormat>();
function dateRange(locale: Locale, from: string, to: string): string {
  let f = dateRanges.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateRanges.set(locale, f);
  }
  return f.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

export const generators: Readonly<Record<string, Generator>> = {
  'letter.transmit': {
    figures: [],
    text: ({ m, review }) => m.t('annualReview.para.letterTransmit', { year: String(review.year) }),
  },
  period: {
    figures: [],
    text: ({ m, review }) =>
      m.t('annualReview.para.period', {
        ordinal: ordinal(m.locale, review.programmeNumber),
        symbol: review.programmeSymbol || 'none',
        from: m.date(review.periodFrom),
        to: m.date(review.periodTo),
      }),
  },
  'footnote.cutOff': {
    figures: [],
    text: ({ m, review }) =>
      m.t('annualReview.footnote.cutOff', { year: String(review.year), date: m.date(review.cutOff), next: String(review.year + 1) }),
  },
  reports: {
    figures: ['firstReports', 'reportingStates', 'memberStates', 'nonReportingStart', 'nonReportingEnd'],
    text: (ctx) => {
      const v = ctx.values;
      const first = asList(v.firstReports);
      const start = asNumber(v.nonReportingStart);
      const end = asNumber(v.nonReportingEnd);
      return ctx.m.t('annualReview.para.reports', {
        year: String(ctx.review.year),
        firstCount: first.length,
        first: stateList(ctx, first),
        reported: asNumber(v.reportingStates),
        members: asNumber(v.memberStates),
        start,
        end,
        trend: end < start ? 'fell' : end > start ? 'rose' : 'same',
      });
    },
  },
  'additional-information': {
    figures: ['additionalInformation'],
    text: (ctx) => {
      const states = asList(ctx.values.additionalInformation);
      return ctx.m.t('annualReview.para.additional', { count: states.length, states: stateList(ctx, states) });
    },
  },
  'action-plans': {
    figures: ['plansInYear', 'plansSince'],
    text: (ctx) => {
      const plans = Array.isArray(ctx.values.plansInYear) ? (ctx.values.plansInYear as { state: string; number: number }[]) : [];
      const first = stateList(
        ctx,
        plans.filter((p) => p.number === 1).map((p) => p.state),
      );
      const laterPlans = plans.filter((p) => p.number > 1);
      const later = joinList(
        ctx.m.locale,
        laterPlans
          .map((p) =>
            p.number === 2 ? ctx.name(p.state) : ctx.m.t('annualReview.plans.stateNumber', { state: ctx.name(p.state), number: p.number }),
          )
          .sort(ctx.m.compare),
      );
      const firstCount = plans.length - laterPlans.length;
      const detail =
        firstCount && laterPlans.length
          ? ctx.m.t('annualReview.plans.both', { first, later })
          : firstCount
            ? ctx.m.t('annualReview.plans.first', { first })
            : laterPlans.length
              ? ctx.m.t('annualReview.plans.later', { later })
              : '';
      return ctx.m.t('annualReview.para.plans', {
        year: String(ctx.review.year),
        count: plans.length,
        detail,
        since: '2007',
        total: asNumber(ctx.values.plansSince),
      });
    },
  },
  visits: {
    figures: ['visitedStates'],
    text: (ctx) => {
      const states = asList(ctx.values.visitedStates);
      return ctx.m.t('annualReview.para.visits', { year: String(ctx.review.year), count: states.length, states: stateList(ctx, states) });
    },
  },
  'points-of-contact': {
    figures: ['newContactStates', 'contactStates'],
    text: (ctx) => {
      const fresh = asList(ctx.values.newContactStates);
      return ctx.m.t('annualReview.para.contacts', {
        year: String(ctx.review.year),
        newCount: fresh.length,
        newStates: stateList(ctx, fresh),
        total: asNumber(ctx.values.contactStates),
      });
    },
  },
  courses: {
    figures: ['courses'],
    text: (ctx) => {
      const courses = Array.isArray(ctx.values.courses) ? (ctx.values.courses as { place: string; from: string; to: string }[]) : [];
      const items = courses.map((c) =>
        ctx.m.t('annualReview.course.item', { place: c.place, dates: dateRange(ctx.m.locale, c.from, c.to) }),
      );
      return ctx.m.t('annualReview.para.courses', {
        year: String(ctx.review.year),
        count: courses.length,
        courses: joinList(ctx.m.locale, items),
      });
    },
  },
  'assistance-requests': {
    figures: ['requests', 'requestStates', 'requestsYearBefore'],
    text: (ctx) => {
      const count = asNumber(ctx.values.requests);
      const previous = asNumber(ctx.values.requestsYearBefore);
      return ctx.m.t('annualReview.para.requests', {
        year: String(ctx.review.year),
        count,
        previous,
        previousYear: String(ctx.review.year - 1),
        states: stateList(ctx, asList(ctx.values.requestStates)),
        trend: count > previous ? 'more' : count < previous ? 'fewer' : 'same',
      });
    },
  },
};
