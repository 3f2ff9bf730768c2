import type { PublicationKind, PublicationStatus } from './schema.ts';

/*
 * The demonstration publications. The 2018 review gives their number (¶44: the Chair's quarterly
 * messages; ¶46: five press releases in 2018, as in 2017) and the events they are about (¶12–14,
 * ¶29–42, ¶49), not their titles, dates or symbols: every one is marked illustrative, in each of its
 * languages, and none has a document symbol (we do not invent SC/… numbers). Each language version
 * is its own text, written for the demonstration in the six languages, except where left out on
 * purpose so that a missing version shows as such: the recorded message of 5 June 2018 has no
 * Russian version, and the two not yet published are in English only (drafted before translation).
 */

type Language = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
type Texts = Partial<Record<Language, { title: string; body: string }>>;

export interface DemoPublication {
  kind: PublicationKind;
  dated: string;
  status?: PublicationStatus;
  texts: Texts;
}

/** "Illustrative", in each language, at the end of each body. */
const notes: Record<Language, string> = {
  en: 'Illustrative text: the 2018 review (S/2018/1167) gives the number of these publications, not their titles or dates.',
  fr: 'Texte illustratif : l’examen de 2018 (S/2018/1167) donne le nombre de ces publications, non leurs titres ni leurs dates.',
  es: 'Texto ilustrativo: el examen de 2018 (S/2018/1167) indica el número de estas publicaciones, no sus títulos ni sus fechas.',
  ru: 'Иллюстративный текст: в обзоре за 2018 год (S/2018/1167) указано число этих публикаций, но не их названия и даты.',
  zh: '示例文本：2018年审查报告（S/2018/1167）列出了这些出版物的数量，但未列出其标题或日期。',
  ar: 'نص توضيحي: يذكر استعراض عام 2018 (S/2018/1167) عدد هذه المنشورات، لا عناوينها ولا تواريخها.',
};

/** The versions given as [title, what it is about] by language, each body ending with the note in its language. */
const versions = (given: Partial<Record<Language, [title: string, about: string]>>): Texts =>
  Object.fromEntries(
    Object.entries(given).map(([l, [title, about]]) => [l, { title, body: `${about}\n\n${notes[l as Language]}` }]),
  ) as Texts;

const pr = (dated: string, given: Partial<Record<Language, [string, string]>>): DemoPublication => ({
  kind: 'press-release',
  dated,
  texts: versions(given),
});

export const demoPublications: DemoPublication[] = [
  // The five press releases of 2018 (¶46).
  pr('2018-04-13', {
    en: [
      'Security Council 1540 Committee adopts its seventeenth programme of work',
      'The programme covers 1 February 2018 to 31 January 2019 (S/2018/340).',
    ],
    fr: [
      'Le Comité 1540 du Conseil de sécurité adopte son dix-septième programme de travail',
      'Le programme couvre la période du 1er février 2018 au 31 janvier 2019 (S/2018/340).',
    ],
    es: [
      'El Comité 1540 del Consejo de Seguridad aprueba su decimoséptimo programa de trabajo',
      'El programa abarca el período comprendido entre el 1 de febrero de 2018 y el 31 de enero de 2019 (S/2018/340).',
    ],
    ru: [
      'Комитет 1540 Совета Безопасности утверждает свою семнадцатую программу работы',
      'Программа охватывает период с 1 февраля 2018 года по 31 января 2019 года (S/2018/340).',
    ],
    zh: ['安全理事会1540委员会通过第十七个工作方案', '该方案涵盖2018年2月1日至2019年1月31日期间（S/2018/340）。'],
    ar: [
      'لجنة مجلس الأمن المنشأة عملا بالقرار 1540 تعتمد برنامج عملها السابع عشر',
      'يغطي البرنامج الفترة من 1 شباط/فبراير 2018 إلى 31 كانون الثاني/يناير 2019 (S/2018/340).',
    ],
  }),
  pr('2018-08-20', {
    en: [
      'Training course for points of contact of francophone African States held in Addis Ababa',
      'Held from 14 to 17 August 2018 with the African Union.',
    ],
    fr: [
      'Stage de formation des points de contact des États africains francophones à Addis-Abeba',
      'Tenu du 14 au 17 août 2018 avec l’Union africaine.',
    ],
    es: [
      'Curso de capacitación para puntos de contacto de Estados africanos francófonos celebrado en Addis Abeba',
      'Celebrado del 14 al 17 de agosto de 2018 con la Unión Africana.',
    ],
    ru: [
      'В Аддис-Абебе проведены учебные курсы для координаторов франкоязычных африканских государств',
      'Проведены 14–17 августа 2018 года совместно с Африканским союзом.',
    ],
    zh: ['在亚的斯亚贝巴为非洲法语国家联络点举办培训班', '于2018年8月14日至17日与非洲联盟合作举办。'],
    ar: [
      'عقد دورة تدريبية في أديس أبابا لجهات الاتصال في الدول الأفريقية الناطقة بالفرنسية',
      'عُقدت في الفترة من 14 إلى 17 آب/أغسطس 2018 بالتعاون مع الاتحاد الأفريقي.',
    ],
  }),
  pr('2018-09-10', {
    en: [
      'Training course for points of contact of OSCE participating States held in Rostov-on-Don',
      'Held from 4 to 7 September 2018 with the OSCE and UNODA.',
    ],
    fr: [
      'Stage de formation des points de contact des États participants de l’OSCE à Rostov-sur-le-Don',
      'Tenu du 4 au 7 septembre 2018 avec l’OSCE et le Bureau des affaires de désarmement.',
    ],
    es: [
      'Curso de capacitación para puntos de contacto de Estados participantes de la OSCE celebrado en Rostov del Don',
      'Celebrado del 4 al 7 de septiembre de 2018 con la OSCE y la Oficina de Asuntos de Desarme.',
    ],
    ru: [
      'В Ростове-на-Дону проведены учебные курсы для координаторов государств — участников ОБСЕ',
      'Проведены 4–7 сентября 2018 года совместно с ОБСЕ и Управлением по вопросам разоружения.',
    ],
    zh: ['在顿河畔罗斯托夫为欧安组织参加国联络点举办培训班', '于2018年9月4日至7日与欧安组织和裁军事务厅合作举办。'],
    ar: [
      'عقد دورة تدريبية في روستوف على الدون لجهات الاتصال في الدول المشاركة في منظمة الأمن والتعاون في أوروبا',
      'عُقدت في الفترة من 4 إلى 7 أيلول/سبتمبر 2018 بالتعاون مع منظمة الأمن والتعاون في أوروبا ومكتب شؤون نزع السلاح.',
    ],
  }),
  pr('2018-10-03', {
    en: [
      'Chairs of the 1267, 1373 and 1540 Committees brief the Security Council jointly',
      'A joint briefing on the cooperation of the three committees and their expert groups.',
    ],
    fr: [
      'Les présidents des Comités 1267, 1373 et 1540 font un exposé conjoint au Conseil de sécurité',
      'Un exposé conjoint sur la coopération des trois comités et de leurs groupes d’experts.',
    ],
    es: [
      'Los Presidentes de los Comités 1267, 1373 y 1540 informan conjuntamente al Consejo de Seguridad',
      'Una exposición informativa conjunta sobre la cooperación de los tres comités y sus grupos de expertos.',
    ],
    ru: [
      'Председатели комитетов 1267, 1373 и 1540 проводят совместный брифинг для Совета Безопасности',
      'Совместный брифинг о сотрудничестве трех комитетов и их групп экспертов.',
    ],
    zh: ['1267、1373和1540委员会主席向安全理事会作联合通报', '关于三个委员会及其专家组之间合作的联合通报。'],
    ar: [
      'رؤساء اللجان 1267 و 1373 و 1540 يقدمون إحاطة مشتركة إلى مجلس الأمن',
      'إحاطة مشتركة بشأن التعاون بين اللجان الثلاث وأفرقة الخبراء التابعة لها.',
    ],
  }),
  pr('2018-11-28', {
    en: [
      '1540 Committee meets international and regional organizations',
      'An informal meeting on 27 November 2018 with the IPU, the IAEA, the OAS, the EU and INTERPOL.',
    ],
    fr: [
      'Le Comité 1540 rencontre des organisations internationales et régionales',
      'Une réunion informelle le 27 novembre 2018 avec l’UIP, l’AIEA, l’OEA, l’UE et INTERPOL.',
    ],
    es: [
      'El Comité 1540 se reúne con organizaciones internacionales y regionales',
      'Una reunión oficiosa celebrada el 27 de noviembre de 2018 con la UIP, el OIEA, la OEA, la UE y la INTERPOL.',
    ],
    ru: [
      'Комитет 1540 проводит встречу с международными и региональными организациями',
      'Неофициальное заседание 27 ноября 2018 года с участием МПС, МАГАТЭ, ОАГ, ЕС и Интерпола.',
    ],
    zh: ['1540委员会会晤国际和区域组织', '2018年11月27日与议会联盟、原子能机构、美洲国家组织、欧洲联盟和国际刑警组织举行非正式会议。'],
    ar: [
      'اللجنة 1540 تجتمع بالمنظمات الدولية والإقليمية',
      'اجتماع غير رسمي عُقد في 27 تشرين الثاني/نوفمبر 2018 مع الاتحاد البرلماني الدولي والوكالة الدولية للطاقة الذرية ومنظمة الدول الأمريكية والاتحاد الأوروبي والمنظمة الدولية للشرطة الجنائية (الإنتربول).',
    ],
  }),
  // The five press releases of 2017 (¶46: "as in 2017").
  pr('2017-02-15', {
    en: ['Security Council 1540 Committee adopts its sixteenth programme of work', 'The Committee’s programme of work for 2017.'],
    fr: ['Le Comité 1540 du Conseil de sécurité adopte son seizième programme de travail', 'Le programme de travail du Comité pour 2017.'],
    es: [
      'El Comité 1540 del Consejo de Seguridad aprueba su decimosexto programa de trabajo',
      'El programa de trabajo del Comité para 2017.',
    ],
    ru: ['Комитет 1540 Совета Безопасности утверждает свою шестнадцатую программу работы', 'Программа работы Комитета на 2017 год.'],
    zh: ['安全理事会1540委员会通过第十六个工作方案', '委员会2017年工作方案。'],
    ar: ['لجنة مجلس الأمن المنشأة عملا بالقرار 1540 تعتمد برنامج عملها السادس عشر', 'برنامج عمل اللجنة لعام 2017.'],
  }),
  pr('2017-05-10', {
    en: ['1540 Committee approves a new format of the 1540 matrix', 'All matrices are to be converted to the new format.'],
    fr: [
      'Le Comité 1540 approuve une nouvelle présentation de la matrice 1540',
      'Toutes les matrices seront converties à la nouvelle présentation.',
    ],
    es: ['El Comité 1540 aprueba un nuevo formato de la matriz 1540', 'Todas las matrices se convertirán al nuevo formato.'],
    ru: ['Комитет 1540 утверждает новый формат матрицы 1540', 'Все матрицы будут переведены в новый формат.'],
    zh: ['1540委员会核准1540矩阵的新格式', '所有矩阵将转换为新格式。'],
    ar: ['اللجنة 1540 توافق على شكل جديد لمصفوفة القرار 1540', 'ستُحوَّل جميع المصفوفات إلى الشكل الجديد.'],
  }),
  pr('2017-06-26', {
    en: ['Training course for points of contact held in the Asia-Pacific region', 'A regional course for national points of contact.'],
    fr: [
      'Stage de formation des points de contact dans la région Asie-Pacifique',
      'Un stage régional pour les points de contact nationaux.',
    ],
    es: [
      'Curso de capacitación para puntos de contacto celebrado en la región de Asia y el Pacífico',
      'Un curso regional para puntos de contacto nacionales.',
    ],
    ru: [
      'В Азиатско-Тихоокеанском регионе проведены учебные курсы для координаторов',
      'Региональные курсы для национальных координаторов.',
    ],
    zh: ['在亚洲及太平洋区域为联络点举办培训班', '为国家联络点举办的区域培训班。'],
    ar: ['عقد دورة تدريبية لجهات الاتصال في منطقة آسيا والمحيط الهادئ', 'دورة إقليمية لجهات الاتصال الوطنية.'],
  }),
  pr('2017-10-12', {
    en: [
      'Chairs of the counter-terrorism committees brief the Security Council',
      'A joint briefing of the 1267, 1373 and 1540 Committees.',
    ],
    fr: [
      'Les présidents des comités antiterroristes font un exposé au Conseil de sécurité',
      'Un exposé conjoint des Comités 1267, 1373 et 1540.',
    ],
    es: [
      'Los Presidentes de los comités contra el terrorismo informan al Consejo de Seguridad',
      'Una exposición informativa conjunta de los Comités 1267, 1373 y 1540.',
    ],
    ru: [
      'Председатели контртеррористических комитетов проводят брифинг для Совета Безопасности',
      'Совместный брифинг комитетов 1267, 1373 и 1540.',
    ],
    zh: ['各反恐委员会主席向安全理事会作通报', '1267、1373和1540委员会的联合通报。'],
    ar: ['رؤساء لجان مكافحة الإرهاب يقدمون إحاطة إلى مجلس الأمن', 'إحاطة مشتركة للجان 1267 و 1373 و 1540.'],
  }),
  pr('2017-12-15', {
    en: ['1540 Committee reviews its work of 2017', 'The Committee adopted its review of the year.'],
    fr: ['Le Comité 1540 fait le bilan de ses travaux de 2017', 'Le Comité a adopté l’examen de ses travaux de l’année.'],
    es: ['El Comité 1540 examina su labor de 2017', 'El Comité aprobó el examen de su labor del año.'],
    ru: ['Комитет 1540 подводит итоги своей работы за 2017 год', 'Комитет утвердил обзор своей работы за год.'],
    zh: ['1540委员会审查其2017年的工作', '委员会通过了本年度工作审查。'],
    ar: ['اللجنة 1540 تستعرض أعمالها لعام 2017', 'اعتمدت اللجنة استعراض أعمالها للسنة.'],
  }),
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
