// The outline of the annual review, as data (issue 15, item 2): the sections of S/2018/1167 in
// order, each with its paragraphs in order. A paragraph is generated (a catalogue message filled
// by a named figure generator, generators.ts) or narrative (written per language by people); a
// narrative paragraph with `later` names the figures another feature will give it once wired.
// Paragraphs are numbered across the document, as the UN numbers them; the covering letter's are not.
// The annex's table of outreach events (`annexTable`) follows the concluding remarks.

export interface GeneratedParagraph {
  key: string;
  kind: 'generated';
  /** The generator (generators.ts) that fills the message; its figures are in the snapshot. */
  generator: string;
  /** Footnotes, by key of `footnotes` below, placed at the end of the paragraph. */
  footnotes?: readonly string[];
}

export interface NarrativeParagraph {
  key: string;
  kind: 'narrative';
  /** What the paragraph says in the seed, for whoever writes it (English). */
  topic: string;
  /** The figures a generator will give it once the feature that holds them is wired (issue 14's features). */
  later?: string;
  footnotes?: readonly string[];
}

export type OutlineParagraph = GeneratedParagraph | NarrativeParagraph;

export interface OutlineSection {
  /** 'letter', 'I', 'II', 'II.A'…, 'III', 'annex'. */
  key: string;
  /** The heading's catalogue key. */
  heading: string;
  /** Whether the paragraphs are numbered (not in the covering letter). */
  numbered: boolean;
  paragraphs: readonly OutlineParagraph[];
}

const n = (key: string, topic: string, extra: Partial<NarrativeParagraph> = {}): NarrativeParagraph => ({
  key,
  kind: 'narrative',
  topic,
  ...extra,
});
const g = (key: string, generator: string, extra: Partial<GeneratedParagraph> = {}): GeneratedParagraph => ({
  key,
  kind: 'generated',
  generator,
  ...extra,
});

/** The footnotes, by key: their catalogue message and the generator that fills it. */
export const footnotes: Readonly<Record<string, { generator: string }>> = {
  cutOff: { generator: 'footnote.cutOff' },
};

export const outline: readonly OutlineSection[] = [
  {
    key: 'letter',
    heading: 'annualReview.heading.letter',
    numbered: false,
    paragraphs: [
      g('letter.transmit', 'letter.transmit'),
      n(
        'letter.request',
        'Asks that the letter and its annex be brought to the attention of the Council members and issued as a document of the Council.',
      ),
    ],
  },
  {
    key: 'I',
    heading: 'annualReview.heading.I',
    numbered: true,
    paragraphs: [
      n('I.mandate', 'The mandate: resolution 1540 (2004), resolution 1977 (2011), paragraph 9, and resolution 2325 (2016).'),
      g('I.period', 'period', { footnotes: ['cutOff'] }),
      n('I.context', 'The context of the period: the preparation of the next comprehensive review; new experts.'),
    ],
  },
  {
    key: 'II',
    heading: 'annualReview.heading.II',
    numbered: true,
    paragraphs: [g('II.chair-meetings', 'meetings'), g('II.working-groups', 'working-groups')],
  },
  {
    key: 'II.A',
    heading: 'annualReview.heading.IIA',
    numbered: true,
    paragraphs: [
      n('II.A.mandate', 'Resolution 2325 (2016), paragraph 12: the Committee intensifies its efforts to promote full implementation.'),
      g('II.A.briefing', 'council-briefings'),
      n('II.A.matrix', 'The conversion of the matrices to the new format and the method of their systematic review.'),
      g('II.A.reports', 'reports'),
      g('II.A.additional', 'additional-information'),
      g('II.A.plans', 'action-plans'),
      g('II.A.visits', 'visits'),
      g('II.A.contacts', 'points-of-contact'),
      g('II.A.courses', 'courses'),
      n('II.A.peer-reviews', 'Peer reviews, the Wiesbaden process and regional seminars.'),
      n('II.A.experience', 'Briefings by States and organizations at informal meetings, sharing experience.'),
      n('II.A.regional', 'Regional conferences hosted by States.'),
    ],
  },
  {
    key: 'II.B',
    heading: 'annualReview.heading.IIB',
    numbered: true,
    paragraphs: [
      g('II.B.requests', 'assistance-requests'),
      n(
        'II.B.responses',
        'Providers’ responses to requests (Iraq’s; earlier requests of Tajikistan, Togo and Zambia), forwarded to the States.',
      ),
      n('II.B.visits', 'Visits made at the request of States to discuss implementation or draft an action plan.'),
      n('II.B.website', 'Summaries of requests and the offers posted on the website.'),
      n('II.B.consolidated', 'The consolidated list of requests and offers with their matches.'),
      n('II.B.quarterly', 'Quarterly updates to the working group on assistance.'),
      n('II.B.procedure', 'The work on procedures for matching and the review of requests and offers.'),
      n('II.B.consultations', 'Consultations with officials during outreach; the request template.'),
      n('II.B.internal', 'The revised internal procedures for requests and offers.'),
      n('II.B.centres', 'The regional centres’ assistance projects.'),
      n('II.B.support', 'Support given with the OSCE to States.'),
    ],
  },
  {
    key: 'II.C',
    heading: 'annualReview.heading.IIC',
    numbered: true,
    paragraphs: [
      n('II.C.1', 'Cooperation with international, regional and subregional organizations in 2018.'),
      n('II.C.2', 'Organizations invited to take part in the Committee’s work.'),
      n('II.C.3', 'Resolutions 1810 (2008) and 1977 (2011) on cooperation.'),
      n('II.C.4', 'Cooperation with the international non-proliferation regimes and organizations.'),
      n('II.C.5', 'Other international, regional and subregional organizations.'),
      n('II.C.6', 'Cooperation with the 1267 and 1373 Committees.'),
      n('II.C.7', 'Joint briefings and visits with other Committees.'),
      n('II.C.8', 'Meetings of parliamentarians.'),
    ],
  },
  {
    key: 'II.D',
    heading: 'annualReview.heading.IID',
    numbered: true,
    paragraphs: [
      n('II.D.1', 'Transparency and outreach as contributions to awareness of the resolution.'),
      n('II.D.2', 'Outreach with States and organizations.'),
      g('II.D.events', 'outreach-events'),
      n('II.D.states', 'States’ responsibility and the engagement of civil society.'),
      g('II.D.parliamentarians', 'parliamentarians'),
      g('II.D.industry', 'industry'),
      n('II.D.website', 'The website as the main means of communication.'),
      g('II.D.messages', 'chair-messages'),
      g('II.D.visits', 'site-visits'),
      g('II.D.press', 'press-releases'),
    ],
  },
  {
    key: 'II.E',
    heading: 'annualReview.heading.IIE',
    numbered: true,
    paragraphs: [
      n('II.E.secretariat', 'Support by UNODA and the Department of Political Affairs.'),
      g('II.E.trust-fund', 'trust-fund'),
      g('II.E.experts', 'experts'),
    ],
  },
  {
    key: 'III',
    heading: 'annualReview.heading.III',
    numbered: true,
    paragraphs: Array.from({ length: 16 }, (_, i) => n(`III.${i + 1}`, 'Concluding remarks and recommendations.')),
  },
];

/**
 * The annex's table (after the concluding remarks): the outreach events of the year by the annex's
 * groups, in its order, with its columns; its rows are the figure `annexEvents`.
 */
export const annexTable = {
  figure: 'annexEvents',
  title: 'annualReview.annex.title',
  groups: ['visit-at-invitation', 'joint-visit', 'country-specific', 'regional', 'other'],
  columns: [
    'annualReview.annex.col.dates',
    'annualReview.annex.col.description',
    'annualReview.annex.col.organizer',
    'annualReview.annex.col.place',
  ],
} as const;

/** The paragraphs in document order, each with its number (numbered sections only) and section. */
export function numberedParagraphs(sections: readonly OutlineSection[] = outline): {
  paragraph: OutlineParagraph;
  section: OutlineSection;
  number: number | null;
}[] {
  let next = 1;
  return sections.flatMap((section) =>
    section.paragraphs.map((paragraph) => ({ paragraph, section, number: section.numbered ? next++ : null })),
  );
}

/** The paragraph of the outline with this key. */
export function outlineParagraph(key: string): OutlineParagraph | undefined {
  for (const s of outline) for (const p of s.paragraphs) if (p.key === key) return p;
  return undefined;
}
