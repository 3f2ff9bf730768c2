// From the snapshot of figures to the words of a generated paragraph in one language: each
// generator names the figures it reads and fills its catalogue message. Lists of States are in the
// reader's language, in that language's alphabetical order, joined as the language joins a list.
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { unDate, unDateRange } from './un-dates.ts';

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
  /** An organization's name in the reader's language (its code when unknown). */
  organization?: (code: string) => string;
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

/**
 * A person's name as the reader's language writes it. The Committee's records keep a name given in
 * two scripts as "Chinese (Latin)" ("恩里·普列托 (Enri Prieto)"): Chinese readers read the first,
 * the others the second; a name in one script is everyone's.
 */
export function personIn(locale: Locale, person: string): string {
  const two = /^(.*\p{Script=Han}.*?)\s*\((\P{Script=Han}+)\)$/u.exec(person.trim());
  if (!two) return person.trim();
  return locale === 'zh' ? two[1]!.trim() : two[2]!.trim();
}

/** A count as the UN writes it in the language: "68,006", "68 006" (French, and Chinese, as the seed writes it). */
export function unNumber(m: Messages, n: number): string {
  if (m.locale === 'zh') return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return m.number(n);
}

/** Items joined as a paragraph lists clauses: "a; b; and c" (the language's semicolon). */
function clauses(locale: Locale, items: readonly string[]): string {
  const semi = locale === 'zh' ? '；' : locale === 'ar' ? '؛ ' : locale === 'fr' ? ' ; ' : '; ';
  return items.join(semi);
}

/** The States of a list of values in the reader's order, then the organizations (as the UN lists donors). */
function donorList(ctx: GeneratorContext, donors: readonly { state?: string; organization?: string }[]): string {
  const states = donors.flatMap((d) => (d.state ? [ctx.name(d.state)] : [])).sort(ctx.m.compare);
  const organizations = donors.flatMap((d) => (d.organization ? [ctx.organization?.(d.organization) ?? d.organization] : []));
  return joinList(ctx.m.locale, [...states, ...organizations]);
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
const asObjects = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const trendOf = (now: number, before: number) => (now > before ? 'more' : now < before ? 'fewer' : 'same');
const asNumber = (v: unknown): number => (typeof v === 'number' ? v : 0);

/**
 * A generated paragraph's text as the UN's Chinese sets it: a space between a Chinese character and
 * Arabic digits either side ("共有 182 个", "和 9 月", "第 1267(1999)号"), as the seed writes its
 * running text; the catalogue's messages and the names put in them need not each say so.
 */
export function unSpacing(locale: Locale, text: string): string {
  if (locale !== 'zh') return text;
  return text.replace(/(\p{Script=Han})(?=\d)/gu, '$1 ').replace(/(\d)(?=\p{Script=Han})/gu, '$1 ');
}

/** A generator's text for the reader (see unSpacing). */
export const generatedText = (generator: Generator, ctx: GeneratorContext): string => unSpacing(ctx.m.locale, generator.text(ctx));

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
        from: unDate(m.locale, review.periodFrom),
        to: unDate(m.locale, review.periodTo),
      }),
  },
  'footnote.cutOff': {
    figures: [],
    text: ({ m, review }) =>
      m.t('annualReview.footnote.cutOff', {
        year: String(review.year),
        date: unDate(m.locale, review.cutOff),
        next: String(review.year + 1),
      }),
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
  'council-briefings': {
    figures: ['councilBriefings'],
    text: (ctx) => {
      const briefings = asObjects<{ on: string; organizations: string[] }>(ctx.values.councilBriefings);
      if (!briefings.length) return ctx.m.t('annualReview.para.councilBriefingsNone', { year: String(ctx.review.year) });
      return briefings
        .map((b) =>
          ctx.m.t('annualReview.para.councilBriefing', {
            ordinal: ordinal(ctx.m.locale, ctx.review.programmeNumber),
            date: unDate(ctx.m.locale, b.on),
            joint: b.organizations.length ? 'yes' : 'no',
            // Each committee by its full name, with the article its language puts before a committee's name.
            with: joinList(
              ctx.m.locale,
              b.organizations.map((o) => ctx.m.t('annualReview.councilBriefing.partner', { name: ctx.organization?.(o) ?? o })),
            ),
          }),
        )
        .join(ctx.m.locale === 'zh' ? '' : ' ');
    },
  },
  courses: {
    figures: ['courses'],
    text: (ctx) => {
      const courses = asObjects<{ place: string; places?: Record<string, string>; from: string; to: string }>(ctx.values.courses);
      const items = courses.map((c) =>
        ctx.m.t('annualReview.course.item', { place: c.places?.[ctx.m.locale] ?? c.place, dates: unDateRange(ctx.m.locale, c.from, c.to) }),
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
  meetings: {
    figures: ['chair', 'formalMeetings', 'informalMeetings'],
    text: (ctx) => {
      const chair = ctx.values.chair as { name: string; state: string } | null | undefined;
      return ctx.m.t('annualReview.para.meetings', {
        year: String(ctx.review.year),
        hasChair: chair ? 'yes' : 'no',
        chair: chair ? personIn(ctx.m.locale, chair.name) : '',
        chairState: chair ? ctx.name(chair.state) : '',
        formal: asNumber(ctx.values.formalMeetings),
        informal: asNumber(ctx.values.informalMeetings),
      });
    },
  },
  'working-groups': {
    figures: ['workingGroups'],
    text: (ctx) => {
      const groups = asObjects<{
        group: string;
        names: Partial<Record<Locale, string>>;
        state: string | null;
        person: string;
        meetings: number;
      }>(ctx.values.workingGroups);
      const items = groups.map((g) =>
        ctx.m.t('annualReview.workingGroup.item', {
          group: g.names[ctx.m.locale] || g.names.en || g.group,
          coordinated: g.state ? 'yes' : 'no',
          person: personIn(ctx.m.locale, g.person),
          state: g.state ? ctx.name(g.state) : '',
          meetings: g.meetings,
        }),
      );
      return ctx.m.t('annualReview.para.workingGroups', { count: groups.length, groups: clauses(ctx.m.locale, items) });
    },
  },
  'outreach-events': {
    figures: ['outreachEvents'],
    text: (ctx) =>
      ctx.m.t('annualReview.para.outreachEvents', { year: String(ctx.review.year), count: asNumber(ctx.values.outreachEvents) }),
  },
  parliamentarians: {
    figures: ['chairMessagesToParliamentarians', 'eventsWithParliamentarians'],
    text: (ctx) =>
      ctx.m.t('annualReview.para.parliamentarians', {
        year: String(ctx.review.year),
        messages: asNumber(ctx.values.chairMessagesToParliamentarians),
        events: asNumber(ctx.values.eventsWithParliamentarians),
      }),
  },
  industry: {
    figures: ['eventsWithIndustry'],
    text: (ctx) => ctx.m.t('annualReview.para.industry', { year: String(ctx.review.year), count: asNumber(ctx.values.eventsWithIndustry) }),
  },
  'chair-messages': {
    figures: ['chairMessages'],
    text: (ctx) => ctx.m.t('annualReview.para.chairMessages', { year: String(ctx.review.year), count: asNumber(ctx.values.chairMessages) }),
  },
  'site-visits': {
    figures: ['siteVisits'],
    text: (ctx) => {
      const v = ctx.values.siteVisits as { to: string; visits: number; change: number | null } | null | undefined;
      if (!v) return ctx.m.t('annualReview.para.siteVisitsNone', { year: String(ctx.review.year) });
      const change = v.change;
      return ctx.m.t('annualReview.para.siteVisits', {
        date: unDate(ctx.m.locale, v.to),
        visits: unNumber(ctx.m, v.visits),
        trend: change === null ? 'none' : change > 0 ? 'up' : change < 0 ? 'down' : 'same',
        percent: Math.abs(change ?? 0),
        previousYear: String(ctx.review.year - 1),
      });
    },
  },
  'press-releases': {
    figures: ['pressReleases', 'pressReleasesYearBefore'],
    text: (ctx) => {
      const count = asNumber(ctx.values.pressReleases);
      const previous = asNumber(ctx.values.pressReleasesYearBefore);
      return ctx.m.t('annualReview.para.pressReleases', {
        year: String(ctx.review.year),
        count,
        previous,
        previousYear: String(ctx.review.year - 1),
        trend: trendOf(count, previous),
      });
    },
  },
  'trust-fund': {
    figures: ['donorsWithGrantsUsed', 'newContributions'],
    text: (ctx) => {
      const used = asObjects<{ state?: string; organization?: string }>(ctx.values.donorsWithGrantsUsed);
      const fresh = asObjects<{ state?: string; organization?: string }>(ctx.values.newContributions);
      return ctx.m.t('annualReview.para.trustFund', {
        year: String(ctx.review.year),
        usedCount: used.length,
        donors: donorList(ctx, used),
        newCount: fresh.length,
        newDonors: donorList(ctx, fresh),
      });
    },
  },
  experts: {
    figures: ['newExperts', 'newCoordinator'],
    text: (ctx) => {
      const experts = asObjects<{ name: string; state: string }>(ctx.values.newExperts);
      const coordinator = ctx.values.newCoordinator as { name: string; state: string } | null | undefined;
      const person = (p: { name: string; state: string }) =>
        ctx.m.t('annualReview.person', { name: personIn(ctx.m.locale, p.name), state: ctx.name(p.state) });
      return ctx.m.t('annualReview.para.experts', {
        year: String(ctx.review.year),
        count: experts.length,
        experts: joinList(ctx.m.locale, experts.map(person)),
        hasCoordinator: coordinator ? 'yes' : 'no',
        coordinator: coordinator ? person(coordinator) : '',
      });
    },
  },
};
