import { type DemoPublication, pr } from './demo-texts.ts';

/* The demonstration press releases of 2018 and 2017 (¶46: five in 2018, as in 2017), illustrative (see demo-publications.ts). */

export const demoPressReleases: DemoPublication[] = [
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
];
