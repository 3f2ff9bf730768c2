import type { FaqText } from './schema.ts';

type Six<T> = Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', T>;
const q = (question: string, answer: string): FaqText => ({ question, answer });

/** The demonstration FAQ (¶43 (b)): three groups, eight questions, in the six languages. */
export const demoFaq: { titles: Six<string>; questions: Six<FaqText>[] }[] = [
  {
    titles: {
      en: 'Resolution 1540 and the Committee',
      fr: 'La résolution 1540 et le Comité',
      es: 'La resolución 1540 y el Comité',
      ru: 'Резолюция 1540 и Комитет',
      zh: '第1540号决议和委员会',
      ar: 'القرار 1540 واللجنة',
    },
    questions: [
      {
        en: q(
          'What does resolution 1540 (2004) require of States?',
          'Adopted by the Security Council on 28 April 2004 under Chapter VII of the Charter, it requires all States to refrain from supporting non-State actors that try to acquire nuclear, chemical or biological weapons and their means of delivery, to adopt and enforce laws that prohibit such activities, and to put in place domestic controls (accounting, physical protection, border and export controls) over related materials.',
        ),
        fr: q(
          'Qu’exige la résolution 1540 (2004) des États ?',
          'Adoptée par le Conseil de sécurité le 28 avril 2004 en vertu du Chapitre VII de la Charte, elle fait obligation à tous les États de s’abstenir d’apporter un appui aux acteurs non étatiques qui tentent de se procurer des armes nucléaires, chimiques ou biologiques et leurs vecteurs, d’adopter et d’appliquer une législation interdisant ces activités, et d’instituer des contrôles internes (comptabilité, protection physique, contrôles aux frontières et à l’exportation) des éléments connexes.',
        ),
        es: q(
          '¿Qué exige la resolución 1540 (2004) a los Estados?',
          'Aprobada por el Consejo de Seguridad el 28 de abril de 2004 en virtud del Capítulo VII de la Carta, obliga a todos los Estados a abstenerse de apoyar a los agentes no estatales que traten de adquirir armas nucleares, químicas o biológicas y sus sistemas vectores, a aprobar y aplicar leyes que prohíban esas actividades y a establecer controles internos (contabilidad, protección física, controles fronterizos y de exportación) de los materiales conexos.',
        ),
        ru: q(
          'Что требует от государств резолюция 1540 (2004)?',
          'Принятая Советом Безопасности 28 апреля 2004 года на основании главы VII Устава, она обязывает все государства воздерживаться от поддержки негосударственных субъектов, пытающихся приобрести ядерное, химическое или биологическое оружие и средства его доставки, принять и применять законы, запрещающие такую деятельность, и установить внутренний контроль (учет, физическая защита, пограничный и экспортный контроль) над соответствующими материалами.',
        ),
        zh: q(
          '第1540(2004)号决议对各国有哪些要求？',
          '安全理事会于2004年4月28日根据《宪章》第七章通过该决议，要求所有国家不向企图获取核生化武器及其运载工具的非国家行为体提供任何支持，通过并执行禁止此类活动的法律，并对相关材料建立国内管制（衡算、实物保护、边境管制和出口管制）。',
        ),
        ar: q(
          'ما الذي يطلبه القرار 1540 (2004) من الدول؟',
          'اتخذه مجلس الأمن في 28 نيسان/أبريل 2004 بموجب الفصل السابع من الميثاق، وهو يُلزم جميع الدول بالامتناع عن تقديم أي دعم للجهات من غير الدول التي تسعى إلى حيازة أسلحة نووية أو كيميائية أو بيولوجية ووسائل إيصالها، وباعتماد وإنفاذ قوانين تحظر هذه الأنشطة، وبوضع ضوابط محلية (المحاسبة والحماية المادية ومراقبة الحدود والصادرات) على المواد ذات الصلة.',
        ),
      },
      {
        en: q(
          'What is the 1540 Committee, and who helps it?',
          'A subsidiary body of the Security Council made up of its fifteen members, which monitors and supports the implementation of the resolution. A Group of Experts assists it, and the United Nations Office for Disarmament Affairs (UNODA) supports its work, its website and its outreach.',
        ),
        fr: q(
          'Qu’est-ce que le Comité 1540, et qui l’aide ?',
          'Un organe subsidiaire du Conseil de sécurité composé de ses quinze membres, qui suit et appuie la mise en œuvre de la résolution. Un groupe d’experts l’assiste, et le Bureau des affaires de désarmement (BAD) appuie ses travaux, son site Web et ses activités de sensibilisation.',
        ),
        es: q(
          '¿Qué es el Comité 1540 y quién lo ayuda?',
          'Un órgano subsidiario del Consejo de Seguridad integrado por sus quince miembros, que supervisa y apoya la aplicación de la resolución. Lo asiste un Grupo de Expertos, y la Oficina de Asuntos de Desarme (UNODA) apoya su labor, su sitio web y sus actividades de divulgación.',
        ),
        ru: q(
          'Что такое Комитет 1540 и кто ему помогает?',
          'Вспомогательный орган Совета Безопасности в составе его пятнадцати членов, который следит за осуществлением резолюции и содействует ему. Ему помогает Группа экспертов, а Управление по вопросам разоружения (УВР) поддерживает его работу, веб-сайт и просветительскую деятельность.',
        ),
        zh: q(
          '什么是1540委员会？谁协助委员会？',
          '委员会是安全理事会的附属机构，由安理会十五个成员组成，负责监测和支持决议的执行。专家组协助委员会工作，联合国裁军事务厅为其工作、网站和外联活动提供支助。',
        ),
        ar: q(
          'ما هي لجنة القرار 1540، ومن يساعدها؟',
          'هيئة فرعية لمجلس الأمن تتألف من أعضائه الخمسة عشر، ترصد تنفيذ القرار وتدعمه. ويساعدها فريق من الخبراء، ويدعم مكتب الأمم المتحدة لشؤون نزع السلاح عملها وموقعها الشبكي وأنشطة التوعية التي تقوم بها.',
        ),
      },
      {
        en: q(
          'What is a point of contact?',
          'A person a State designates, in its capital or at its mission in New York, to be the Committee’s counterpart for the resolution. 106 States had designated one by the end of 2018; the Committee trains them in regional courses.',
        ),
        fr: q(
          'Qu’est-ce qu’un point de contact ?',
          'Une personne qu’un État désigne, dans sa capitale ou à sa mission à New York, pour être l’interlocuteur du Comité au sujet de la résolution. À la fin de 2018, 106 États en avaient désigné un ; le Comité les forme lors de stages régionaux.',
        ),
        es: q(
          '¿Qué es un punto de contacto?',
          'Una persona que un Estado designa, en su capital o en su misión en Nueva York, como interlocutora del Comité en relación con la resolución. A finales de 2018, 106 Estados habían designado uno; el Comité los capacita en cursos regionales.',
        ),
        ru: q(
          'Что такое контактное лицо?',
          'Лицо, назначаемое государством в столице или в его представительстве в Нью-Йорке для взаимодействия с Комитетом по вопросам резолюции. К концу 2018 года их назначили 106 государств; Комитет проводит для них региональные учебные курсы.',
        ),
        zh: q(
          '什么是联络人？',
          '联络人是一国在首都或驻纽约代表团指定、就决议事项与委员会对接的人员。截至2018年底，已有106个国家指定了联络人；委员会为其举办区域培训班。',
        ),
        ar: q(
          'ما هي جهة الاتصال؟',
          'شخص تعيّنه الدولة في عاصمتها أو في بعثتها في نيويورك ليكون محاور اللجنة بشأن القرار. وبحلول نهاية عام 2018 كانت 106 دول قد عيّنت جهات اتصال؛ وتدرّبها اللجنة في دورات إقليمية.',
        ),
      },
    ],
  },
  {
    titles: {
      en: 'National reports and the 1540 matrix',
      fr: 'Rapports nationaux et matrice 1540',
      es: 'Informes nacionales y matriz 1540',
      ru: 'Национальные доклады и матрица 1540',
      zh: '国家报告和1540汇总表',
      ar: 'التقارير الوطنية ومصفوفة القرار 1540',
    },
    questions: [
      {
        en: q(
          'What is a national report, and when is it due?',
          'Each State was called on to report to the Committee on the steps it has taken or intends to take to implement the resolution. States that have not yet sent a first report are encouraged to do so without delay; all States may send additional information at any time. 182 of 193 States had reported by the end of 2018.',
        ),
        fr: q(
          'Qu’est-ce qu’un rapport national, et quand doit-il être présenté ?',
          'Chaque État a été invité à rendre compte au Comité des mesures qu’il a prises ou envisage de prendre pour appliquer la résolution. Les États qui n’ont pas encore présenté de premier rapport sont encouragés à le faire sans tarder ; tous peuvent communiquer des informations complémentaires à tout moment. À la fin de 2018, 182 des 193 États avaient fait rapport.',
        ),
        es: q(
          '¿Qué es un informe nacional y cuándo debe presentarse?',
          'Se exhortó a cada Estado a informar al Comité de las medidas que ha adoptado o se propone adoptar para aplicar la resolución. Se alienta a los Estados que aún no han presentado un primer informe a hacerlo sin demora; todos pueden enviar información adicional en cualquier momento. A finales de 2018, 182 de los 193 Estados habían presentado informes.',
        ),
        ru: q(
          'Что такое национальный доклад и когда его представлять?',
          'Каждому государству было предложено сообщить Комитету о мерах, которые оно приняло или намерено принять для осуществления резолюции. Государствам, еще не представившим первый доклад, рекомендуется сделать это безотлагательно; дополнительную информацию любое государство может направить в любое время. К концу 2018 года доклады представили 182 из 193 государств.',
        ),
        zh: q(
          '什么是国家报告？何时提交？',
          '各国应向委员会报告其为执行决议已经采取或打算采取的步骤。尚未提交初次报告的国家应尽快提交；所有国家均可随时提交补充资料。截至2018年底，193个国家中已有182个提交了报告。',
        ),
        ar: q(
          'ما هو التقرير الوطني، ومتى يُقدَّم؟',
          'طُلب إلى كل دولة أن تقدم إلى اللجنة تقريرًا عن الخطوات التي اتخذتها أو تعتزم اتخاذها لتنفيذ القرار. وتُشجَّع الدول التي لم تقدم تقريرها الأول بعد على تقديمه دون تأخير؛ ويجوز لجميع الدول تقديم معلومات إضافية في أي وقت. وبحلول نهاية عام 2018 كانت 182 دولة من أصل 193 قد قدمت تقاريرها.',
        ),
      },
      {
        en: q(
          'What is the 1540 matrix?',
          'The Committee’s primary tool for organizing information on each State’s implementation: one matrix per State, drawn from its reports and official public sources, sent to the State for review. A new format was approved in 2017 and every matrix was converted to it in 2018.',
        ),
        fr: q(
          'Qu’est-ce que la matrice 1540 ?',
          'Le principal outil du Comité pour organiser les informations sur la mise en œuvre par chaque État : une matrice par État, établie à partir de ses rapports et de sources publiques officielles, et envoyée à l’État pour examen. Une nouvelle présentation a été approuvée en 2017 et toutes les matrices y ont été converties en 2018.',
        ),
        es: q(
          '¿Qué es la matriz 1540?',
          'La principal herramienta del Comité para organizar la información sobre la aplicación por cada Estado: una matriz por Estado, elaborada a partir de sus informes y de fuentes públicas oficiales, que se envía al Estado para que la examine. En 2017 se aprobó un nuevo formato y en 2018 todas las matrices se convirtieron a él.',
        ),
        ru: q(
          'Что такое матрица 1540?',
          'Основной инструмент Комитета для систематизации информации об осуществлении резолюции каждым государством: по одной матрице на государство, составленной на основе его докладов и официальных открытых источников и направляемой государству для рассмотрения. Новый формат был утвержден в 2017 году, и в 2018 году все матрицы были переведены в него.',
        ),
        zh: q(
          '什么是1540汇总表？',
          '汇总表是委员会整理各国执行情况信息的主要工具：每个国家一份，依据其报告和官方公开来源编制，并送交该国审阅。2017年核准了新格式，2018年所有汇总表均已转换为新格式。',
        ),
        ar: q(
          'ما هي مصفوفة القرار 1540؟',
          'الأداة الرئيسية للجنة لتنظيم المعلومات المتعلقة بتنفيذ كل دولة للقرار: مصفوفة واحدة لكل دولة، تُعدّ من تقاريرها ومن المصادر العامة الرسمية، وتُرسل إلى الدولة لاستعراضها. وقد اعتُمد شكل جديد في عام 2017 وحُوّلت جميع المصفوفات إليه في عام 2018.',
        ),
      },
      {
        en: q(
          'What is a voluntary national implementation action plan?',
          'A plan in which a State sets out, on its own initiative, its priorities and steps for implementing the resolution. It may ask the Group of Experts to help draft it. 32 plans had been received by the end of 2018, three of them in 2018.',
        ),
        fr: q(
          'Qu’est-ce qu’un plan d’action national volontaire ?',
          'Un plan dans lequel un État expose, de sa propre initiative, ses priorités et les mesures prévues pour appliquer la résolution. Il peut demander au Groupe d’experts de l’aider à le rédiger. À la fin de 2018, 32 plans avaient été reçus, dont trois en 2018.',
        ),
        es: q(
          '¿Qué es un plan de acción nacional voluntario?',
          'Un plan en el que un Estado expone, por iniciativa propia, sus prioridades y las medidas previstas para aplicar la resolución. Puede pedir ayuda al Grupo de Expertos para redactarlo. A finales de 2018 se habían recibido 32 planes, tres de ellos en 2018.',
        ),
        ru: q(
          'Что такое добровольный национальный план действий по осуществлению?',
          'План, в котором государство по собственной инициативе излагает свои приоритеты и шаги по осуществлению резолюции. Оно может попросить Группу экспертов помочь в его подготовке. К концу 2018 года было получено 32 плана, три из них — в 2018 году.',
        ),
        zh: q(
          '什么是国家自愿执行行动计划？',
          '一国主动制定的计划，列明其执行决议的优先事项和步骤。该国可请专家组协助起草。截至2018年底共收到32份计划，其中3份是2018年收到的。',
        ),
        ar: q(
          'ما هي خطة العمل الوطنية الطوعية للتنفيذ؟',
          'خطة تعرض فيها الدولة، بمبادرة منها، أولوياتها وخطواتها لتنفيذ القرار. ويمكنها أن تطلب من فريق الخبراء المساعدة في صياغتها. وبحلول نهاية عام 2018 كانت قد وردت 32 خطة، منها ثلاث في عام 2018.',
        ),
      },
    ],
  },
  {
    titles: {
      en: 'Assistance',
      fr: 'Assistance',
      es: 'Asistencia',
      ru: 'Помощь',
      zh: '援助',
      ar: 'المساعدة',
    },
    questions: [
      {
        en: q(
          'How does a State ask for assistance?',
          'It sends a request to the Committee, preferably with the Committee’s assistance request template, through its mission or point of contact. The Committee acknowledges it and, with the State’s agreement, circulates it to potential providers; a summary is posted on the website only with the State’s consent.',
        ),
        fr: q(
          'Comment un État demande-t-il une assistance ?',
          'Il adresse une demande au Comité, de préférence au moyen du modèle de demande d’assistance du Comité, par l’intermédiaire de sa mission ou de son point de contact. Le Comité en accuse réception et, avec l’accord de l’État, la communique aux prestataires potentiels ; un résumé n’est publié sur le site Web qu’avec le consentement de l’État.',
        ),
        es: q(
          '¿Cómo solicita asistencia un Estado?',
          'Envía una solicitud al Comité, preferiblemente con la plantilla de solicitud de asistencia del Comité, por conducto de su misión o de su punto de contacto. El Comité acusa recibo y, con el acuerdo del Estado, la distribuye a los posibles proveedores; solo se publica un resumen en el sitio web con el consentimiento del Estado.',
        ),
        ru: q(
          'Как государству запросить помощь?',
          'Оно направляет в Комитет запрос, предпочтительно по шаблону запроса о помощи Комитета, через свое представительство или контактное лицо. Комитет подтверждает получение и с согласия государства рассылает запрос потенциальным донорам; краткое изложение размещается на веб-сайте только с согласия государства.',
        ),
        zh: q(
          '一国如何请求援助？',
          '该国通过其代表团或联络人向委员会提出请求，最好使用委员会的援助请求模板。委员会确认收到请求，并在征得该国同意后分发给潜在援助提供方；只有经该国同意，才会在网站上公布请求摘要。',
        ),
        ar: q(
          'كيف تطلب الدولة المساعدة؟',
          'ترسل طلبًا إلى اللجنة، ويُفضَّل أن يكون بنموذج طلب المساعدة الذي وضعته اللجنة، عن طريق بعثتها أو جهة الاتصال لديها. وتؤكد اللجنة استلامه، وتعممه بموافقة الدولة على الجهات المحتمل أن تقدم المساعدة؛ ولا يُنشر ملخص له على الموقع الشبكي إلا بموافقة الدولة.',
        ),
      },
      {
        en: q(
          'Who offers assistance, and how are requests matched with offers?',
          'States and international, regional and subregional organizations register offers with the Committee. The Group of Experts matches requests with offers informally and the Committee follows up with the requesting State; nine new requests were received in 2018.',
        ),
        fr: q(
          'Qui offre une assistance, et comment les demandes sont-elles mises en relation avec les offres ?',
          'Des États et des organisations internationales, régionales et sous-régionales font enregistrer leurs offres auprès du Comité. Le Groupe d’experts met les demandes en relation avec les offres de manière informelle et le Comité assure le suivi auprès de l’État demandeur ; neuf nouvelles demandes ont été reçues en 2018.',
        ),
        es: q(
          '¿Quién ofrece asistencia y cómo se vinculan las solicitudes con las ofertas?',
          'Los Estados y las organizaciones internacionales, regionales y subregionales registran ofertas ante el Comité. El Grupo de Expertos vincula de manera oficiosa las solicitudes con las ofertas y el Comité hace el seguimiento con el Estado solicitante; en 2018 se recibieron nueve nuevas solicitudes.',
        ),
        ru: q(
          'Кто предлагает помощь и как запросы сопоставляются с предложениями?',
          'Государства и международные, региональные и субрегиональные организации регистрируют свои предложения в Комитете. Группа экспертов в неофициальном порядке сопоставляет запросы с предложениями, а Комитет поддерживает связь с запрашивающим государством; в 2018 году поступило девять новых запросов.',
        ),
        zh: q(
          '谁提供援助？请求如何与援助意愿匹配？',
          '各国以及国际、区域和次区域组织向委员会登记援助意愿。专家组以非正式方式将请求与援助意愿进行匹配，委员会与请求国开展后续联系；2018年收到九项新请求。',
        ),
        ar: q(
          'من يقدم المساعدة، وكيف تُطابَق الطلبات مع العروض؟',
          'تسجل الدول والمنظمات الدولية والإقليمية ودون الإقليمية عروضها لدى اللجنة. ويطابق فريق الخبراء بصورة غير رسمية بين الطلبات والعروض، وتتابع اللجنة الأمر مع الدولة الطالبة؛ وقد وردت تسعة طلبات جديدة في عام 2018.',
        ),
      },
    ],
  },
];
