// The outline of the annual review, as data (issue 15, item 2): the sections of S/2018/1167 in
// order, each with its paragraphs in order. A paragraph is generated (a catalogue message filled
// by a named figure generator, generators.ts) or narrative (written per language by people); a
// narrative paragraph with `later` names the figures another feature will give it once wired.
// Paragraphs are numbered across the document, as the UN numbers them; the covering letter's are not.

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
    paragraphs: [
      n('II.chair-meetings', 'The Chair, and the formal and informal meetings of the Committee.', { later: 'meetings' }),
      n('II.working-groups', 'The four working groups, their coordinators and their meetings.', { later: 'meetings' }),
    ],
  },
  {
    key: 'II.A',
    heading: 'annualReview.heading.IIA',
    numbered: true,
    paragraphs: [
      n('II.A.mandate', 'Resolution 2325 (2016), paragraph 12: the Committee intensifies its efforts to promote full implementation.'),
      n('II.A.briefing', 'The joint briefing to the Security Council with the 1267 and 1373 Committees.', { later: 'meetings' }),
      n('II.A.matrix', 'The conversion of the matrices to the new format and the method of their systematic review.'),
      g('II.A.reports', 'reports'),
      g('II.A.additional', 'additional-information'),
      g('II.A.plans', 'action-plans'),
      g('II.A.visits', 'visits'),
      g('II.A.contacts', 'points-of-contact'),
      g('II.A.courses', 'courses'),
      n('II.A.peer-reviews', 'Peer reviews, the Wiesbaden process and regional seminars.'),
      n('II.A.experience', 'Briefings by States and organizations at informal meetings, sharing experience.', { later: 'meetings' }),
      n('II.A.regional', 'Regional conferences hosted by States.', { later: 'outreach' }),
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
      n('II.D.events', 'The outreach events of the year in which the Chair, members and experts took part.', { later: 'outreach' }),
      n('II.D.states', 'States’ responsibility and the engagement of civil society.'),
      n('II.D.parliamentarians', 'Events with parliamentarians.', { later: 'outreach' }),
      n('II.D.industry', 'Events with industry.', { later: 'outreach' }),
      n('II.D.website', 'The website as the main means of communication.'),
      n('II.D.messages', 'The Chair’s quarterly messages.', { later: 'publications' }),
      n('II.D.visits', 'Website visits and their change on the year before.', { later: 'site-visits' }),
      n('II.D.press', 'Press releases on the Committee’s activities.', { later: 'publications' }),
    ],
  },
  {
    key: 'II.E',
    heading: 'annualReview.heading.IIE',
    numbered: true,
    paragraphs: [
      n('II.E.secretariat', 'Support by UNODA and the Department of Political Affairs.'),
      n('II.E.trust-fund', 'The United Nations trust fund and its donors.', { later: 'administration' }),
      n('II.E.experts', 'New experts by name and nationality; the coordinator.', { later: 'administration' }),
    ],
  },
  {
    key: 'III',
    heading: 'annualReview.heading.III',
    numbered: true,
    paragraphs: Array.from({ length: 16 }, (_, i) => n(`III.${i + 1}`, 'Concluding remarks and recommendations.')),
  },
];

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
