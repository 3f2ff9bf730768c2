import { demoPressReleases } from './demo-press-releases.ts';
import { type DemoPublication, versions } from './demo-texts.ts';

/*
 * The demonstration publications. The 2018 review gives their number (¶44: the Chair's quarterly
 * messages; ¶46: five press releases in 2018, as in 2017) and the events they are about (¶12–14,
 * ¶29–42, ¶49), not their titles, dates or symbols: every one is marked illustrative, in each of its
 * languages, and none has a document symbol (we do not invent SC/… numbers). Each language version
 * is its own text, written for the demonstration in the six languages, except where left out on
 * purpose so that a missing version shows as such: the recorded message of 5 June 2018 has no
 * Russian version, and the two not yet published are in English only (drafted before translation).
 */

export const demoPublications: DemoPublication[] = [
  // The press releases of 2018 and 2017 (¶46).
  ...demoPressReleases,
  // The Chair's quarterly messages of 2018 (¶44).
  ...(['2018-01-31', '2018-04-30', '2018-07-31', '2018-10-31'] as const).map(
    (dated, i): DemoPublication => ({
      kind: 'chair-message',
      dated,
      texts: versions({
        en: [
          `The Chair's quarterly message: ${['first', 'second', 'third', 'fourth'][i]} quarter of 2018`,
          `The Chair of the 1540 Committee on the Committee's work in the ${['first', 'second', 'third', 'fourth'][i]} quarter of 2018.`,
        ],
        fr: [
          `Message trimestriel du Président : ${['premier', 'deuxième', 'troisième', 'quatrième'][i]} trimestre 2018`,
          'Le Président du Comité 1540 sur les travaux du Comité au cours du trimestre.',
        ],
        es: [
          `Mensaje trimestral del Presidente: ${['primer', 'segundo', 'tercer', 'cuarto'][i]} trimestre de 2018`,
          'El Presidente del Comité 1540 sobre la labor del Comité durante el trimestre.',
        ],
        ru: [
          `Ежеквартальное послание Председателя: ${['первый', 'второй', 'третий', 'четвертый'][i]} квартал 2018 года`,
          'Председатель Комитета 1540 о работе Комитета в течение квартала.',
        ],
        zh: [`主席季度致辞：2018年第${['一', '二', '三', '四'][i]}季度`, '1540委员会主席介绍委员会本季度的工作。'],
        ar: [
          `الرسالة الفصلية للرئيس: الربع ${['الأول', 'الثاني', 'الثالث', 'الرابع'][i]} من عام 2018`,
          'رئيس اللجنة 1540 بشأن أعمال اللجنة خلال الربع.',
        ],
      }),
    }),
  ),
  // Statements (¶41, ¶43 (f)).
  {
    kind: 'statement',
    dated: '2018-10-03',
    texts: versions({
      en: [
        'Statement of the Chair at the joint briefing to the Security Council',
        "The Chair on the Committee's work under resolution 1540 (2004) and its cooperation with the 1267 and 1373 Committees.",
      ],
      fr: [
        'Déclaration du Président lors de l’exposé conjoint au Conseil de sécurité',
        'Le Président sur les travaux du Comité au titre de la résolution 1540 (2004) et sa coopération avec les Comités 1267 et 1373.',
      ],
      es: [
        'Declaración del Presidente en la exposición informativa conjunta ante el Consejo de Seguridad',
        'El Presidente sobre la labor del Comité en virtud de la resolución 1540 (2004) y su cooperación con los Comités 1267 y 1373.',
      ],
      ru: [
        'Заявление Председателя на совместном брифинге в Совете Безопасности',
        'Председатель о работе Комитета в соответствии с резолюцией 1540 (2004) и его сотрудничестве с комитетами 1267 и 1373.',
      ],
      zh: ['主席在向安全理事会所作联合通报中的发言', '主席介绍委员会根据第1540(2004)号决议开展的工作及其与1267委员会和1373委员会的合作。'],
      ar: [
        'بيان الرئيس في الإحاطة المشتركة المقدمة إلى مجلس الأمن',
        'الرئيس بشأن أعمال اللجنة بموجب القرار 1540 (2004) وتعاونها مع اللجنتين 1267 و 1373.',
      ],
    }),
  },
  {
    kind: 'statement',
    dated: '2018-10-15',
    texts: versions({
      en: [
        'Recorded message of the Chair to the 139th Assembly of the Inter-Parliamentary Union',
        'The Chair stressed that appropriate and effective laws are what resolution 1540 (2004) asks of parliamentarians (¶41).',
      ],
      fr: [
        'Message enregistré du Président à la 139e Assemblée de l’Union interparlementaire',
        'Le Président a souligné que des lois appropriées et efficaces sont ce que la résolution 1540 (2004) demande aux parlementaires (par. 41).',
      ],
      es: [
        'Mensaje grabado del Presidente a la 139ª Asamblea de la Unión Interparlamentaria',
        'El Presidente destacó que la resolución 1540 (2004) pide a los parlamentarios leyes apropiadas y eficaces (párr. 41).',
      ],
      ru: [
        'Видеообращение Председателя к 139-й Ассамблее Межпарламентского союза',
        'Председатель подчеркнул, что резолюция 1540 (2004) требует от парламентариев надлежащих и эффективных законов (пункт 41).',
      ],
      zh: ['委员会主席向议联第139届大会发表的录像致辞', '主席强调，通过适当和有效的法律与议员的任务特别相关（第41段）。'],
      ar: [
        'رسالة مسجلة من الرئيس إلى الجمعية الـ 139 للاتحاد البرلماني الدولي',
        'أكد الرئيس أن القوانين الملائمة والفعالة هي ما يطلبه القرار 1540 (2004) من البرلمانيين (الفقرة 41).',
      ],
    }),
  },
  // Left without its Russian version on purpose: the Russian page says it is missing and links to the others.
  {
    kind: 'statement',
    dated: '2018-06-05',
    texts: versions({
      en: [
        'Recorded message of the Chair to the Parliamentarians for Global Action workshop for African parliamentarians',
        'Opening remarks by video on keeping weapons of mass destruction out of the hands of non-State actors (¶41).',
      ],
      fr: [
        'Message enregistré du Président à l’atelier de l’Action mondiale des parlementaires pour les parlementaires africains',
        'Allocution d’ouverture par vidéo sur la nécessité d’empêcher que des armes de destruction massive ne tombent entre les mains d’acteurs non étatiques (par. 41).',
      ],
      es: [
        'Mensaje grabado del Presidente al taller de Parlamentarios para la Acción Global destinado a parlamentarios africanos',
        'Palabras de apertura por vídeo sobre cómo impedir que las armas de destrucción masiva caigan en manos de agentes no estatales (párr. 41).',
      ],
      zh: [
        '主席向全球行动议员组织为非洲议员举办的讲习班发表的录像致辞',
        '以视频形式致开幕词，谈防止大规模毁灭性武器落入非国家行为体之手（第41段）。',
      ],
      ar: [
        'رسالة مسجلة من الرئيس إلى حلقة العمل التي نظمتها منظمة البرلمانيين من أجل العمل العالمي للبرلمانيين الأفارقة',
        'كلمة افتتاحية بالفيديو بشأن منع وقوع أسلحة الدمار الشامل في أيدي الجهات من غير الدول (الفقرة 41).',
      ],
    }),
  },
  // News.
  {
    kind: 'news',
    dated: '2018-07-02',
    texts: versions({
      en: ['Six experts appointed to the Group of Experts', 'Six experts were appointed to the Group of Experts in 2018 (¶49).'],
      fr: ['Six experts nommés au Groupe d’experts', 'Six experts ont été nommés au Groupe d’experts en 2018 (par. 49).'],
      es: [
        'Nombramiento de seis expertos en el Grupo de Expertos',
        'En 2018 se nombró a seis expertos en el Grupo de Expertos (párr. 49).',
      ],
      ru: ['В Группу экспертов назначены шесть экспертов', 'В 2018 году в Группу экспертов были назначены шесть экспертов (пункт 49).'],
      zh: ['专家组新任命六名专家', '2018年专家组任命了六名专家（第49段）。'],
      ar: ['تعيين ستة خبراء في فريق الخبراء', 'عُيِّن ستة خبراء في فريق الخبراء في عام 2018 (الفقرة 49).'],
    }),
  },
  {
    kind: 'news',
    dated: '2018-12-21',
    texts: versions({
      en: [
        'Comoros, Guinea-Bissau and Timor-Leste submit their first national reports',
        '182 of 193 States had submitted a first report by the end of 2018 (¶9).',
      ],
      fr: [
        'Les Comores, la Guinée-Bissau et le Timor-Leste présentent leur premier rapport national',
        '182 des 193 États avaient présenté un premier rapport à la fin de 2018 (par. 9).',
      ],
      es: [
        'Las Comoras, Guinea-Bissau y Timor-Leste presentan sus primeros informes nacionales',
        'A finales de 2018, 182 de los 193 Estados habían presentado un primer informe (párr. 9).',
      ],
      ru: [
        'Коморские Острова, Гвинея-Бисау и Тимор-Лешти представляют свои первые национальные доклады',
        'К концу 2018 года первый доклад представили 182 из 193 государств (пункт 9).',
      ],
      zh: ['科摩罗、几内亚比绍和东帝汶提交首份国家报告', '截至2018年底，193个国家中已有182个国家提交了首份报告（第9段）。'],
      ar: [
        'جزر القمر وغينيا - بيساو وتيمور - ليشتي تقدم تقاريرها الوطنية الأولى',
        'بحلول نهاية عام 2018، كانت 182 دولة من أصل 193 دولة قد قدمت تقريرا أول (الفقرة 9).',
      ],
    }),
  },
  // Not public: a draft of the Committee side, and one approved but not yet published (in English only: not yet translated).
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
