import type { PublicationKind, PublicationStatus } from './schema.ts';

/*
 * The demonstration publications. The 2018 review gives their number (¶44: the Chair's quarterly
 * messages; ¶46: five press releases in 2018, as in 2017) and the events they are about (¶12–14,
 * ¶29–42, ¶49), not their titles, dates or symbols: every one is marked illustrative, and none has
 * a document symbol (we do not invent SC/… numbers). UN press releases are issued in English and
 * French; the other versions are there only where written, so that a missing one shows as such.
 */

export interface DemoPublication {
  kind: PublicationKind;
  dated: string;
  status?: PublicationStatus;
  texts: Partial<Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', { title: string; body: string }>>;
}

const note = 'Illustrative text: the 2018 review (S/2018/1167) gives the number of these publications, not their titles or dates.';
const noteFr = 'Texte illustratif : l’examen de 2018 (S/2018/1167) donne le nombre de ces publications, non leurs titres ni leurs dates.';
const pr = (dated: string, en: string, fr: string, about: string, aboutFr: string): DemoPublication => ({
  kind: 'press-release',
  dated,
  texts: { en: { title: en, body: `${about}\n\n${note}` }, fr: { title: fr, body: `${aboutFr}\n\n${noteFr}` } },
});

export const demoPublications: DemoPublication[] = [
  // The five press releases of 2018 (¶46).
  pr(
    '2018-04-13',
    'Security Council 1540 Committee adopts its seventeenth programme of work',
    'Le Comité 1540 du Conseil de sécurité adopte son dix-septième programme de travail',
    'The programme covers 1 February 2018 to 31 January 2019 (S/2018/340).',
    'Le programme couvre la période du 1er février 2018 au 31 janvier 2019 (S/2018/340).',
  ),
  pr(
    '2018-08-20',
    'Training course for points of contact of francophone African States held in Addis Ababa',
    'Stage de formation des points de contact des États africains francophones à Addis-Abeba',
    'Held from 14 to 17 August 2018 with the African Union.',
    'Tenu du 14 au 17 août 2018 avec l’Union africaine.',
  ),
  pr(
    '2018-09-10',
    'Training course for points of contact of OSCE participating States held in Rostov-on-Don',
    'Stage de formation des points de contact des États participants de l’OSCE à Rostov-sur-le-Don',
    'Held from 4 to 7 September 2018 with the OSCE and UNODA.',
    'Tenu du 4 au 7 septembre 2018 avec l’OSCE et le Bureau des affaires de désarmement.',
  ),
  pr(
    '2018-10-03',
    'Chairs of the 1267, 1373 and 1540 Committees brief the Security Council jointly',
    'Les présidents des Comités 1267, 1373 et 1540 font un exposé conjoint au Conseil de sécurité',
    'A joint briefing on the cooperation of the three committees and their expert groups.',
    'Un exposé conjoint sur la coopération des trois comités et de leurs groupes d’experts.',
  ),
  pr(
    '2018-11-28',
    '1540 Committee meets international and regional organizations',
    'Le Comité 1540 rencontre des organisations internationales et régionales',
    'An informal meeting on 27 November 2018 with the IPU, the IAEA, the OAS, the EU and INTERPOL.',
    'Une réunion informelle le 27 novembre 2018 avec l’UIP, l’AIEA, l’OEA, l’UE et INTERPOL.',
  ),
  // The five press releases of 2017 (¶46: "as in 2017").
  pr(
    '2017-02-15',
    'Security Council 1540 Committee adopts its sixteenth programme of work',
    'Le Comité 1540 du Conseil de sécurité adopte son seizième programme de travail',
    'The Committee’s programme of work for 2017.',
    'Le programme de travail du Comité pour 2017.',
  ),
  pr(
    '2017-05-10',
    '1540 Committee approves a new format of the 1540 matrix',
    'Le Comité 1540 approuve une nouvelle présentation de la matrice 1540',
    'All matrices are to be converted to the new format.',
    'Toutes les matrices seront converties à la nouvelle présentation.',
  ),
  pr(
    '2017-06-26',
    'Training course for points of contact held in the Asia-Pacific region',
    'Stage de formation des points de contact dans la région Asie-Pacifique',
    'A regional course for national points of contact.',
    'Un stage régional pour les points de contact nationaux.',
  ),
  pr(
    '2017-10-12',
    'Chairs of the counter-terrorism committees brief the Security Council',
    'Les présidents des comités antiterroristes font un exposé au Conseil de sécurité',
    'A joint briefing of the 1267, 1373 and 1540 Committees.',
    'Un exposé conjoint des Comités 1267, 1373 et 1540.',
  ),
  pr(
    '2017-12-15',
    '1540 Committee reviews its work of 2017',
    'Le Comité 1540 fait le bilan de ses travaux de 2017',
    'The Committee adopted its review of the year.',
    'Le Comité a adopté l’examen de ses travaux de l’année.',
  ),
  // The Chair's quarterly messages of 2018 (¶44).
  ...[
    ['2018-01-31', 'first'],
    ['2018-04-30', 'second'],
    ['2018-07-31', 'third'],
    ['2018-10-31', 'fourth'],
  ].map(
    ([dated, n], i): DemoPublication => ({
      kind: 'chair-message',
      dated: dated!,
      texts: {
        en: {
          title: `The Chair's quarterly message: ${n} quarter of 2018`,
          body: `The Chair of the 1540 Committee on the Committee's work in the ${n} quarter of 2018.\n\n${note}`,
        },
        fr: {
          title: `Message trimestriel du Président : ${['premier', 'deuxième', 'troisième', 'quatrième'][i]} trimestre 2018`,
          body: `Le Président du Comité 1540 sur les travaux du Comité au cours du trimestre.\n\n${noteFr}`,
        },
        es: {
          title: `Mensaje trimestral del Presidente: ${['primer', 'segundo', 'tercer', 'cuarto'][i]} trimestre de 2018`,
          body: 'El Presidente del Comité 1540 sobre la labor del Comité durante el trimestre. Texto ilustrativo.',
        },
      },
    }),
  ),
  // Statements (¶41, ¶43 (f)).
  {
    kind: 'statement',
    dated: '2018-10-03',
    texts: {
      en: {
        title: 'Statement of the Chair at the joint briefing to the Security Council',
        body: `The Chair on the Committee's work under resolution 1540 (2004) and its cooperation with the 1267 and 1373 Committees.\n\n${note}`,
      },
      fr: {
        title: 'Déclaration du Président lors de l’exposé conjoint au Conseil de sécurité',
        body: `Le Président sur les travaux du Comité au titre de la résolution 1540 (2004).\n\n${noteFr}`,
      },
    },
  },
  {
    kind: 'statement',
    dated: '2018-10-15',
    texts: {
      en: {
        title: 'Recorded message of the Chair to the 139th Assembly of the Inter-Parliamentary Union',
        body: `The Chair stressed that appropriate and effective laws are what resolution 1540 (2004) asks of parliamentarians (¶41).\n\n${note}`,
      },
      zh: {
        title: '委员会主席向议联第139届大会发表的录像致辞',
        body: '主席强调，通过适当和有效的法律与议员的任务特别相关（第41段）。示例文本。',
      },
    },
  },
  {
    kind: 'statement',
    dated: '2018-06-05',
    texts: {
      en: {
        title: 'Recorded message of the Chair to the Parliamentarians for Global Action workshop for African parliamentarians',
        body: `Opening remarks by video on keeping weapons of mass destruction out of the hands of non-State actors (¶41).\n\n${note}`,
      },
    },
  },
  // News.
  {
    kind: 'news',
    dated: '2018-07-02',
    texts: {
      en: {
        title: 'Six experts appointed to the Group of Experts',
        body: `Six experts were appointed to the Group of Experts in 2018 (¶49).\n\n${note}`,
      },
      zh: { title: '专家组新任命六名专家', body: '2018年任命了六名专家（第49段）。示例文本。' },
    },
  },
  {
    kind: 'news',
    dated: '2018-12-21',
    texts: {
      en: {
        title: 'Comoros, Guinea-Bissau and Timor-Leste submit their first national reports',
        body: `182 of 193 States had submitted a first report by the end of 2018 (¶9).\n\n${note}`,
      },
      fr: {
        title: 'Les Comores, la Guinée-Bissau et le Timor-Leste présentent leur premier rapport national',
        body: `182 des 193 États avaient présenté un premier rapport à la fin de 2018.\n\n${noteFr}`,
      },
    },
  },
  // Not public: a draft of the Committee side, and one approved but not yet published.
  {
    kind: 'news',
    dated: '2018-12-27',
    status: 'draft',
    texts: {
      en: {
        title: 'Draft: the Committee prepares its eighteenth programme of work',
        body: 'A draft for the Committee to approve. Illustrative.',
      },
    },
  },
  {
    kind: 'press-release',
    dated: '2018-12-28',
    status: 'approved',
    texts: {
      en: {
        title: 'Approved, not yet published: the Committee adopts its annual review',
        body: 'Awaiting publication by the secretariat. Illustrative.',
      },
    },
  },
];
