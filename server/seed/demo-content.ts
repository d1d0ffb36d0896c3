/**
 * Demo content shipped with the product: a fictional city civil-affairs bureau
 * (清源市民政局), its sections, one user per role, catalog categories and documents at
 * every stage of release review. Written for Shenfa in the style of real bureau papers,
 * so that a fresh install demonstrates the whole flow without reading anything outside
 * the repository. Pure data: the seeder turns it into rows and workflow snapshots.
 *
 * Every name, number and place here is invented. Resident ID numbers use the
 * non-existent area codes 3699xx but carry valid ISO 7064 check digits, and the one bank
 * card number passes Luhn, so the privacy scanner has something real to find.
 */
import type { Role } from '../../workflows/roles';
import type { Channel, DisclosureAttribute, LegalGround } from '../../forms/disclosure';

export interface DemoDepartment {
  code: string;
  name: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** Department code. */
  department: string;
}

export interface DemoCategory {
  code: string;
  /** The law requires this kind of information to be published proactively. */
  requiresDisclosure?: boolean;
  /** The statutory clock its documents run on (a rule key of workflows/clocks). */
  clockRule?: string;
  nameZh: string;
  nameEn: string;
  /** 栏目 of the public catalog. */
  column: string;
  sort: number;
  /** The annual-report cell its published items count toward (server/report ARTICLE20_CELLS). */
  reportCell?: string;
}

export type DemoStage =
  | 'draft'
  | 'submitted'
  | 'at_secrecy'
  | 'at_leader'
  | 'returned'
  | 'awaiting_publication'
  | 'published'
  | 'concluded'
  | 'withdrawn';

export interface DemoDocument {
  key: string;
  title: string;
  /** 发文字号; '' where the paper carries none (解读, 公示, drafts). */
  docNumber: string;
  categoryCode: string;
  /** YYYY-MM-DD */
  writtenAt: string;
  /** Paragraphs separated by a blank line; single newlines are line breaks. */
  body: string;
  hasStatistics: boolean;
  isMajorMatter: boolean;
  attribute: DisclosureAttribute;
  channels: Channel[];
  /** Each passage occurs exactly once in `body`. */
  redactions: { passage: string; ground: LegalGround; reason: string }[];
  attributeReason: string;
  legalGround: LegalGround | null;
  /** Username of the drafter. */
  drafter: string;
  stage: DemoStage;
  /** For stage 'returned'. */
  /** For a 政策解读: the key of the policy document it explains. */
  policyKey?: string;
  returnOpinion?: string;
  /** For stage 'withdrawn'. */
  withdrawReason?: string;
}

export const demoBureau: {
  name: string;
  shortName: string;
  /** 统一社会信用代码 (valid GB 32100 check character), the prefix of every 索引号. */
  agencyCode: string;
  departments: DemoDepartment[];
  users: DemoUser[];
} = {
  name: '清源市民政局',
  shortName: '清民',
  agencyCode: '11369901MB03876256',
  departments: [
    { code: 'leadership', name: '局领导' },
    { code: 'office', name: '办公室' },
    { code: 'legal', name: '法规科' },
    { code: 'assistance', name: '社会救助科' },
    { code: 'elderly', name: '养老服务科' },
    { code: 'affairs', name: '社会事务科' },
    { code: 'finance', name: '规划财务科' },
    { code: 'info', name: '信息中心' },
  ],
  users: [
    { username: 'admin', displayName: '周晓明', roles: ['admin'], department: 'info' },
    { username: 'drafter', displayName: '李静', roles: ['drafter'], department: 'assistance' },
    { username: 'drafter2', displayName: '陈思远', roles: ['drafter'], department: 'elderly' },
    { username: 'stats', displayName: '何文斌', roles: ['stats'], department: 'finance' },
    { username: 'legal', displayName: '孙立华', roles: ['legal'], department: 'legal' },
    { username: 'secrecy', displayName: '王海燕', roles: ['secrecy'], department: 'office' },
    // 分管副局长: signs off.
    { username: 'leader', displayName: '赵建平', roles: ['leader'], department: 'leadership' },
    // 局长、党组书记: records the party-committee decision on major matters, so that no
    // one approves two steps of the same document.
    { username: 'director', displayName: '刘国庆', roles: ['leader'], department: 'leadership' },
    { username: 'publisher', displayName: '林晓', roles: ['publisher'], department: 'info' },
  ],
};

export const demoCategories: DemoCategory[] = [
  { code: 'notice', clockRule: 'proactive_disclosure', nameZh: '通知公告', nameEn: 'Notices', column: '法定主动公开内容/通知公告', sort: 10 },
  { code: 'policy', clockRule: 'proactive_disclosure', requiresDisclosure: true, reportCell: 'normative_documents', nameZh: '政策文件', nameEn: 'Policy documents', column: '法定主动公开内容/政策文件', sort: 20 },
  { code: 'interpretation', clockRule: 'policy_interpretation', nameZh: '政策解读', nameEn: 'Policy interpretations', column: '法定主动公开内容/政策解读', sort: 30 },
  { code: 'social-assistance', clockRule: 'proactive_disclosure', nameZh: '社会救助', nameEn: 'Social assistance', column: '重点领域信息公开/社会救助', sort: 40 },
  { code: 'budget', clockRule: 'budget_final_accounts', requiresDisclosure: true, nameZh: '财政预决算', nameEn: 'Budgets and final accounts', column: '法定主动公开内容/财政预决算', sort: 50 },
  { code: 'plan', clockRule: 'proactive_disclosure', nameZh: '规划计划', nameEn: 'Plans', column: '法定主动公开内容/规划计划', sort: 60 },
  { code: 'licensing', clockRule: 'licensing_decision', requiresDisclosure: true, reportCell: 'licensing', nameZh: '行政许可', nameEn: 'Licensing decisions', column: '法定主动公开内容/行政许可', sort: 70 },
  { code: 'penalty', clockRule: 'penalty_decision', requiresDisclosure: true, reportCell: 'penalty', nameZh: '行政处罚', nameEn: 'Penalty decisions', column: '法定主动公开内容/行政处罚', sort: 80 },
];

/**
 * Documents at every stage. Bodies are arrays of paragraphs joined with a blank line,
 * the form the editor stores; a paragraph may hold single line breaks (落款, lists).
 */
export const demoDocuments: DemoDocument[] = [
  {
    key: 'dibao-standard-2026',
    title: '清源市民政局关于调整2026年城乡居民最低生活保障标准的通知',
    docNumber: '清民〔2026〕21号',
    categoryCode: 'social-assistance',
    writtenAt: '2026-06-18',
    body: [
      '各区、县（市）民政局，市局机关各科室、直属各单位：',
      '为切实保障城乡困难群众基本生活，根据《社会救助暂行办法》和《清源市最低生活保障办法》有关规定，综合考虑我市2025年度城乡居民人均消费支出、居民消费价格指数变动和财政承受能力等因素，经市人民政府同意，决定自2026年7月1日起调整全市城乡居民最低生活保障标准。现将有关事项通知如下：',
      '一、调整标准\n城市居民最低生活保障标准由每人每月980元提高到每人每月1030元，增长5.1%；农村居民最低生活保障标准由每人每月820元提高到每人每月875元，增长6.7%。城乡低保标准比由1.20∶1缩小至1.18∶1，城乡统筹进一步推进。',
      '二、资金测算\n调整后，全市约2.36万名城市低保对象和4.12万名农村低保对象同步提高保障水平。按全年测算，新增低保资金约4100万元，由市、县两级财政按现行分担比例落实，各地不得以任何理由截留、挪用或拖欠。',
      '三、工作要求\n（一）及时核定调整。各地要于2026年7月10日前完成低保对象保障金核定调整工作，确保7月份保障金按新标准足额发放到位。\n（二）做好公开宣传。各地要通过政府网站、政务公开栏、微信公众号等渠道及时公开调整后的标准，做好政策解释，主动回应群众关切。\n（三）加强动态管理。严格落实低保对象定期核查制度，做到应保尽保、应退尽退，严禁“人情保”“关系保”。',
      '执行中遇到的问题，请及时向市民政局社会救助科反映。',
      '清源市民政局\n2026年6月18日',
    ].join('\n\n'),
    hasStatistics: true,
    isMajorMatter: true,
    attribute: 'open',
    channels: ['portal', 'wechat', 'notice_board'],
    redactions: [],
    attributeReason: '涉及困难群众切身利益的保障标准，依据《政府信息公开条例》第二十条主动公开。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'published',
  },
  {
    key: 'tekun-measures-2026',
    title: '清源市民政局关于印发《清源市特困人员救助供养实施办法》的通知',
    docNumber: '清民规〔2026〕1号',
    categoryCode: 'policy',
    writtenAt: '2026-03-25',
    body: [
      '各区、县（市）民政局，市局机关各科室：',
      '《清源市特困人员救助供养实施办法》已经局党组会议审定，现印发给你们，请认真贯彻执行。',
      '清源市民政局\n2026年3月25日',
      '清源市特困人员救助供养实施办法',
      '第一条 为规范特困人员救助供养工作，保障特困人员基本生活，根据《社会救助暂行办法》《特困人员认定办法》等规定，结合本市实际，制定本办法。',
      '第二条 本市户籍的老年人、残疾人以及未满18周岁的未成年人，同时具备无劳动能力、无生活来源、无法定赡养抚养扶养义务人或者其法定义务人无履行义务能力的，依照本办法纳入特困人员救助供养范围。',
      '第三条 特困人员救助供养包括提供基本生活条件、对生活不能自理的给予照料、提供疾病治疗和办理丧葬事宜。基本生活标准不低于当地城乡居民最低生活保障标准的1.3倍；照料护理标准按照全自理、半护理、全护理三档分类确定。',
      '第四条 申请特困人员救助供养，由本人向户籍所在地乡镇人民政府（街道办事处）提出书面申请；本人申请有困难的，可以委托村（居）民委员会或者他人代为提出。',
      '第五条 乡镇人民政府（街道办事处）应当自收到申请之日起15个工作日内，通过入户调查、邻里访问、信函索证等方式对申请人的经济状况、实际生活状况进行调查核实，并在申请人所在村（社区）公示调查结果，公示期为7天。',
      '第六条 县级民政部门应当自收到审核材料之日起15个工作日内作出审批决定。对符合条件的，自批准之月起给予救助供养；对不符合条件的，书面告知申请人并说明理由。',
      '第七条 特困人员可以在当地的供养服务机构集中供养，也可以在家分散供养。生活不能自理的特困人员，优先安排集中供养。',
      '第八条 县级民政部门应当建立特困人员救助供养档案，对特困人员的经济状况、生活状况每年至少核查一次，并将救助供养对象名单、标准及资金发放情况按规定予以公开，保护个人隐私。',
      '第九条 本办法自2026年5月1日起施行，有效期5年。此前本市有关规定与本办法不一致的，以本办法为准。',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: true,
    attribute: 'open',
    channels: ['portal', 'wechat'],
    redactions: [],
    attributeReason: '行政规范性文件，依据《政府信息公开条例》第二十条第一项主动公开。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'published',
  },
  {
    key: 'tekun-measures-2026-interpretation',
    policyKey: 'tekun-measures-2026',
    title: '《清源市特困人员救助供养实施办法》政策解读',
    docNumber: '',
    categoryCode: 'interpretation',
    writtenAt: '2026-03-25',
    body: [
      '按照“谁起草、谁解读”的原则，现就《清源市特困人员救助供养实施办法》（清民规〔2026〕1号，以下简称《办法》）解读如下。',
      '一、制定背景\n近年来，我市特困人员救助供养工作不断规范，但也存在认定条件理解不一、照料护理标准不够细化、分散供养对象照料服务落实不到位等问题。为贯彻国家和省关于健全分层分类社会救助体系的部署，市民政局在广泛征求各区县民政部门、供养服务机构和社会公众意见的基础上，制定了《办法》。',
      '二、主要内容\n《办法》共九条，明确了救助供养对象的范围和认定条件、救助供养内容和标准、申请审核审批程序、供养形式以及动态管理和信息公开要求。',
      '三、有哪些新变化\n（一）明确基本生活标准不低于当地低保标准的1.3倍，随低保标准调整而同步调整。\n（二）照料护理标准按全自理、半护理、全护理三档分类确定，护理需求越高，标准越高。\n（三）将乡镇（街道）调查核实时限明确为15个工作日，县级审批时限明确为15个工作日，群众办事时间更可预期。\n（四）生活不能自理的特困人员优先安排集中供养。',
      '四、群众怎样申请\n符合条件的本人向户籍所在地乡镇人民政府（街道办事处）提出书面申请即可；本人申请有困难的，可以委托村（居）民委员会或者他人代为提出。审核期间，调查结果将在申请人所在村（社区）公示7天，接受群众监督。',
      '五、施行时间\n《办法》自2026年5月1日起施行，有效期5年。',
      '解读机关：清源市民政局\n解读人：社会救助科',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal', 'wechat'],
    redactions: [],
    attributeReason: '与政策文件同步组织、同步审签、同步部署的政策解读，主动公开。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'published',
  },
  {
    key: 'temporary-assistance-2026-q3',
    title: '清源市民政局2026年第三季度临时救助对象公示',
    docNumber: '',
    categoryCode: 'social-assistance',
    writtenAt: '2026-10-15',
    body: [
      '根据《社会救助暂行办法》和《清源市临时救助实施细则》规定，经本人申请、乡镇（街道）审核、县级民政部门审批，2026年第三季度市本级共对5户遭遇急难型、支出型困难的家庭实施临时救助，发放救助金14600元。现将救助对象情况公示如下：',
      '1. 王建国，身份证号码369901196203154214，清溪街道柳湾社区，因病致困，救助金额3000元。\n2. 刘秀英，身份证号码36990219780922103X，白沙镇石桥村，因火灾致困，救助金额5000元。\n3. 赵春梅，身份证号码369901198506113021，清溪街道南门社区，因子女就学支出型困难，救助金额1800元。\n4. 孙德全，身份证号码369903195401082512，云山乡竹坪村，因病致困，救助金额2800元。\n5. 周丽娟，身份证号码369902199104270623，白沙镇新街社区，因意外伤害致困，救助金额2000元。',
      '公示期为2026年10月16日至10月22日。如对公示对象有异议，请在公示期内向市民政局社会救助科实名反映，我们将依法依规调查核实并予以答复。',
      '清源市民政局\n2026年10月15日',
    ].join('\n\n'),
    hasStatistics: true,
    isMajorMatter: false,
    attribute: 'partial',
    channels: ['portal', 'notice_board'],
    redactions: [
      { ground: 'third_party_rights', passage: '王建国，身份证号码369901196203154214', reason: '涉及个人隐私（姓名、身份证号码）' },
      { ground: 'third_party_rights', passage: '刘秀英，身份证号码36990219780922103X', reason: '涉及个人隐私（姓名、身份证号码）' },
      { ground: 'third_party_rights', passage: '赵春梅，身份证号码369901198506113021', reason: '涉及个人隐私（姓名、身份证号码）' },
      { ground: 'third_party_rights', passage: '孙德全，身份证号码369903195401082512', reason: '涉及个人隐私（姓名、身份证号码）' },
      { ground: 'third_party_rights', passage: '周丽娟，身份证号码369902199104270623', reason: '涉及个人隐私（姓名、身份证号码）' },
    ],
    attributeReason:
      '名单含救助对象姓名、身份证号码，依据《政府信息公开条例》第十五条删除涉及个人隐私的内容后公开；保留所在村（社区）、救助事由和金额，便于社会监督。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'published',
  },
  {
    key: 'dibao-new-recipients-2026-10',
    title: '清源市2026年10月城乡低保新增对象公示',
    docNumber: '',
    categoryCode: 'social-assistance',
    writtenAt: '2026-11-12',
    body: [
      '根据《清源市最低生活保障办法》规定，经个人申请、乡镇（街道）调查审核、县级民政部门审批，2026年10月全市新增城乡低保对象3户7人。现予公示：',
      '1. 户主吴*华，家庭人口3人，清溪街道柳湾社区，身份证号码369901194708301217，月保障金额1260元。\n2. 户主郑*兰，家庭人口2人，白沙镇石桥村，身份证号码369903196802140933，月保障金额980元，发放账号6217990000123456788。\n3. 户主黄*明，家庭人口2人，云山乡竹坪村，身份证号码369902197307053523，月保障金额870元。',
      '以上对象的家庭收入、财产状况已经乡镇（街道）入户调查和县级民政部门信息核对，符合本市城乡低保条件。保障金自2026年11月起按月发放，发放情况将纳入年度核查。',
      '公示期为7天。公示期间，任何单位和个人均可向所在乡镇（街道）或县级民政部门反映情况；对反映的问题，民政部门将依法受理、调查核实，并对举报人信息严格保密。公示期满无异议的，按规定纳入低保。',
      '清源市民政局\n2026年11月12日',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'partial',
    channels: ['portal', 'notice_board'],
    redactions: [
      { ground: 'third_party_rights', passage: '身份证号码369901194708301217', reason: '涉及个人隐私（身份证号码）' },
      { ground: 'third_party_rights', passage: '身份证号码369903196802140933', reason: '涉及个人隐私（身份证号码）' },
      { ground: 'third_party_rights', passage: '，发放账号6217990000123456788', reason: '涉及个人金融账户信息' },
      { ground: 'third_party_rights', passage: '身份证号码369902197307053523', reason: '涉及个人隐私（身份证号码）' },
    ],
    attributeReason: '户主姓名已作脱敏处理，身份证号码和银行账号删除后公开，依据《政府信息公开条例》第十五条。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'at_secrecy',
  },
  {
    key: 'disclosure-plan-2027',
    title: '清源市民政局2027年政府信息公开工作计划',
    docNumber: '清民〔2026〕51号',
    categoryCode: 'plan',
    writtenAt: '2026-11-16',
    body: [
      '局机关各科室、直属各单位：',
      '为深入贯彻《中华人民共和国政府信息公开条例》，进一步推进民政决策、执行、管理、服务、结果公开，结合我局实际，制定2027年政府信息公开工作计划如下。',
      '一、总体要求\n坚持“以公开为常态、不公开为例外”，围绕民政中心工作和群众关切，落实“先审后发”和“五公开”要求，以公开促落实、以公开优服务，建设法治、透明、廉洁民政。',
      '二、重点任务\n（一）深化社会救助信息公开。按月公开城乡低保、特困供养对象数量和资金支出情况，按季度公示临时救助对象，严格做好个人信息脱敏处理。（责任单位：社会救助科）\n（二）推进养老服务信息公开。公开养老机构备案、等级评定、综合监管结果和养老服务补贴发放情况。（责任单位：养老服务科）\n（三）做好预决算公开。部门预算、决算在批复后20日内公开，“三公”经费同步公开。（责任单位：规划财务科）\n（四）加强政策解读。新出台的政策文件与解读材料同步组织、同步审签、同步部署，解读材料最迟于文件公开后3个工作日内发布。（责任单位：各起草科室）',
      '三、规范依申请公开\n严格按照法定时限答复，需要延期的按规定报批并告知申请人；需要征求第三方意见的，书面征求并记录在案；答复文书统一由法规科进行合法性审查。（责任单位：办公室、法规科）',
      '四、强化保障措施\n（一）落实公文公开属性源头认定，各科室拟文时一并明确“主动公开、删减后公开、依申请公开、不予公开”属性。\n（二）严格保密审查，未经审查的信息一律不得发布。\n（三）按时编制发布2026年度政府信息公开工作年度报告。（责任单位：信息中心）',
      '清源市民政局\n2026年11月16日',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal'],
    redactions: [],
    attributeReason: '年度工作计划，依据《政府信息公开条例》第二十条主动公开。',
    legalGround: null,
    drafter: 'drafter2',
    stage: 'at_leader',
  },
  {
    key: 'final-accounts-2025',
    title: '清源市民政局2025年度部门决算公开',
    docNumber: '',
    categoryCode: 'budget',
    writtenAt: '2026-11-10',
    body: [
      '根据《中华人民共和国预算法》和市财政局关于部门决算公开的统一部署，经市财政局批复，现将清源市民政局2025年度部门决算公开如下。',
      '一、部门基本情况\n清源市民政局主要负责全市社会救助、养老服务、社会事务、社会组织管理和慈善事业促进等工作。纳入2025年度部门决算编制范围的单位共4个，包括局机关和3个所属事业单位。',
      '二、收入支出决算总体情况\n2025年度收入合计38652.41万元，其中：一般公共预算财政拨款收入36918.27万元，政府性基金预算财政拨款收入1210.00万元，其他收入524.14万元。\n2025年度支出合计38105.36万元，其中：基本支出2846.52万元，项目支出35258.84万元。年末结转和结余547.05万元。',
      '三、一般公共预算财政拨款支出情况\n一般公共预算财政拨款支出主要用于城乡最低生活保障、特困人员救助供养、临时救助、养老服务体系建设和机关正常运转，其中社会保障和就业支出占比最高。',
      '四、“三公”经费支出情况\n2025年度“三公”经费支出8.36万元，比上年减少0.94万元，下降10.1%。其中：因公出国（境）费0万元；公务接待费1.12万元；公务用车购置及运行维护费7.24万元，均为公务用车运行维护费。',
      '五、机关运行经费及政府采购情况\n2025年度机关运行经费支出312.48万元。政府采购支出总额1265.30万元，其中：货物186.40万元，工程402.75万元，服务676.15万元；授予中小企业合同金额1012.24万元，占政府采购支出总额的80.0%。',
      '六、名词解释\n“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。\n机关运行经费：指为保障行政单位运行用于购买货物和服务等的各项公用经费。',
    ].join('\n\n'),
    hasStatistics: true,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal'],
    redactions: [],
    attributeReason: '部门决算经批复后20日内主动公开，依据《预算法》第十四条。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'awaiting_publication',
  },
  {
    key: 'staff-rotation-2026',
    title: '关于局机关部分工作人员岗位调整的通知',
    docNumber: '清民人〔2026〕5号',
    categoryCode: 'notice',
    writtenAt: '2026-04-08',
    body: [
      '局机关各科室：',
      '根据工作需要和干部交流轮岗有关规定，经局党组研究，决定对局机关部分工作人员岗位作如下调整：',
      '一、张晓蕾同志由办公室调整至社会救助科工作。\n二、马骏同志由社会事务科调整至养老服务科工作。\n三、何丽同志由养老服务科调整至办公室工作，负责政务公开日常工作。',
      '以上人员请于2026年4月15日前完成工作交接，交接情况报办公室备案。',
      '工作交接要求：\n（一）移交人应当列出在办事项清单，逐项注明办理进度、承办时限和需要跟进的事项，接收人签字确认。\n（二）涉及社会救助对象档案、依申请公开办理台账等含有个人信息的纸质材料和电子文件，应当当面清点移交，不得私自留存、复制。\n（三）移交人掌握的业务系统账号由信息中心统一注销或变更权限，接收人账号按新岗位职责重新授权。\n（四）交接期间原岗位工作不停、责任不减，因交接不清影响工作的，追究相关人员责任。',
      '各科室要关心支持轮岗人员尽快熟悉新岗位业务，轮岗人员要服从组织安排，严守工作纪律，确保各项工作有序衔接。',
      '清源市民政局\n2026年4月8日',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'non_public',
    channels: [],
    redactions: [],
    attributeReason: '机关内部人事管理事项，不对外产生法律效力，依据《政府信息公开条例》第十六条第一款不予公开。',
    legalGround: 'internal_affairs',
    drafter: 'drafter',
    stage: 'concluded',
  },
  {
    key: 'nursing-home-rating-reply',
    title: '清源市民政局关于福寿康养老院等级评定复核申请的复函',
    docNumber: '清民函〔2026〕27号',
    categoryCode: 'notice',
    writtenAt: '2026-08-05',
    body: [
      '清源市福寿康养老院：',
      '你院《关于申请复核养老机构等级评定结果的函》收悉。经研究，现函复如下：',
      '一、我局已组织评定委员会对你院2026年度等级评定结果进行复核。复核组于2026年7月22日对你院开展现场检查，查阅了消防安全、服务记录、人员配备等台账资料。',
      '二、经复核，你院在环境与设施设备、运营管理两个方面得分较初评有所提高，但消防安全管理中“夜间值班人员配备”一项仍不符合《养老机构服务安全基本规范》要求。综合评分维持原评定结果，即二级养老机构。',
      '三、复核中发现你院存在以下问题，请对照整改：\n（一）夜间值班人员与入住老年人配比不足，部分楼层夜间无专人值守；\n（二）护理员岗前培训和消防演练记录不完整，部分记录缺少签名；\n（三）失能老年人照护计划未按规定每半年评估更新一次。',
      '四、请你院于2026年9月30日前将整改情况书面报送我局养老服务科，整改完成后可在下一评定周期重新申请等级评定。如对本复核意见不服，可以自收到本函之日起60日内依法申请行政复议，或者在6个月内依法提起行政诉讼。',
      '特此函复。',
      '清源市民政局\n2026年8月5日',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'on_request',
    channels: [],
    redactions: [],
    attributeReason: '针对特定养老机构的个案答复，不具有普遍公开价值，列入依申请公开，公众可依申请获取。',
    legalGround: null,
    drafter: 'drafter2',
    stage: 'concluded',
  },
  {
    key: 'nursing-home-safety-draft',
    title: '清源市民政局关于开展2026年冬春季养老机构安全隐患排查整治的通知',
    docNumber: '',
    categoryCode: 'notice',
    writtenAt: '2026-11-18',
    body: [
      '各区、县（市）民政局，各养老机构：',
      '冬春季节是火灾、燃气中毒、跌倒坠床等事故的易发期。为切实保障入住老年人生命财产安全，市民政局决定于2026年11月至2027年2月在全市开展养老机构安全隐患排查整治。现将有关事项通知如下：',
      '一、排查范围\n全市已备案的各类养老机构，包括公办、公建民营和民办养老机构，以及农村特困人员供养服务机构。',
      '二、排查重点\n（一）消防安全：消防设施器材是否完好有效，疏散通道是否畅通，夜间值班人员是否按规定配备。\n（二）燃气和用电安全：燃气管道、报警装置是否正常，有无私拉乱接电线、违规使用大功率电器。\n（三）食品安全：食材采购、储存、加工和留样是否符合规定。\n（四）服务安全：防跌倒、防走失、防噎食等风险评估和防范措施是否落实。',
      '三、工作步骤\n（一）自查自纠阶段（11月下旬至12月10日）：各养老机构对照排查重点全面自查，建立问题台账。\n（二）集中检查阶段（12月11日至次年1月20日）：各区、县（市）民政局会同消防救援、市场监管等部门开展联合检查。\n（三）巩固提升阶段（次年1月21日至2月底）：对重大隐患挂牌督办，整改完成一项销号一项。',
      '四、工作要求\n各地要于每月5日前报送上月排查整治进展情况，重大隐患随时报告。',
      '清源市民政局\n2026年11月',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal', 'wechat'],
    redactions: [],
    attributeReason: '面向社会的工作部署，主动公开。',
    legalGround: null,
    drafter: 'drafter2',
    stage: 'draft',
  },
  {
    key: 'winter-assistance-2026',
    title: '清源市民政局关于做好2026—2027年冬春困难群众基本生活保障工作的通知',
    docNumber: '清民〔2026〕47号',
    categoryCode: 'notice',
    writtenAt: '2026-11-05',
    body: [
      '各区、县（市）民政局：',
      '为确保困难群众温暖过冬，现就做好2026—2027年冬春困难群众基本生活保障工作通知如下：',
      '一、开展摸底排查\n各地要组织乡镇（街道）、村（社区）对低保对象、特困人员、低保边缘家庭和刚性支出困难家庭开展一次全面走访，重点关注独居、高龄、重病、重残等特殊群体，做到不漏一户、不落一人。',
      '二、加强临时救助\n对遭遇突发事件、意外伤害导致基本生活陷入困境的家庭，及时给予临时救助；对情况紧急的，实行“先行救助”，事后补充说明情况。',
      '三、规范动态管理\n依照《清源市最低生活保障办法》第二十四条，对经核查家庭收入超过标准的，一律取消低保资格。',
      '四、做好流浪乞讨人员救助\n启动冬季救助专项行动，加强街面巡查，引导流浪乞讨人员进站接受救助，防止发生冻伤冻亡事件。',
      '五、压实工作责任\n各地要将冬春困难群众基本生活保障工作列入重要议事日程，主要负责同志亲自部署、分管负责同志具体负责，畅通社会救助服务热线，及时回应群众诉求。对工作不力、造成严重后果的，依法依规追究责任。各地工作开展情况请于2027年3月10日前报市民政局社会救助科。',
      '清源市民政局\n2026年11月5日',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal', 'wechat'],
    redactions: [],
    attributeReason: '面向社会的民生保障工作部署，主动公开。',
    legalGround: null,
    drafter: 'drafter',
    stage: 'returned',
    returnOpinion:
      '第三部分引用的《清源市最低生活保障办法》已于2026年3月修订，第二十四条条文序号已变化，请按修订后条款引用；“一律取消低保资格”的表述缺乏依据，请依照《社会救助暂行办法》第十三条改为“按规定减发或者停发低保金”。修改后重新提交。',
  },
  {
    key: 'elderly-month-2026',
    title: '清源市民政局关于开展2026年“敬老月”系列活动的通知',
    docNumber: '清民〔2026〕36号',
    categoryCode: 'notice',
    writtenAt: '2026-09-22',
    body: [
      '各区、县（市）民政局，各养老机构：',
      '今年10月是全国第十七个“敬老月”。为弘扬中华民族孝亲敬老传统美德，营造养老孝老敬老的社会氛围，市民政局决定在全市组织开展2026年“敬老月”系列活动。现将有关事项通知如下：',
      '一、活动主题\n孝老爱亲 向上向善。',
      '二、主要活动\n（一）走访慰问。重阳节前后，各地组织走访慰问高龄、失能、独居和特困老年人，送去节日问候。\n（二）政策宣传。利用社区宣传栏、微信公众号等载体，宣传养老服务补贴、高龄津贴等惠老政策，引导老年人防范养老诈骗。\n（三）志愿服务。组织志愿者进养老机构、进社区开展健康义诊、文艺演出、代办服务等活动。\n（四）主题展示。10月28日在市老年活动中心举办“最美养老护理员”事迹展示活动，报名截止时间为10月8日。',
      '三、工作要求\n各地要精心组织，注重实效，杜绝形式主义，活动开展情况于10月31日前报市民政局养老服务科。',
      '清源市民政局\n2026年9月22日',
    ].join('\n\n'),
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal', 'wechat', 'notice_board'],
    redactions: [],
    attributeReason: '面向社会的活动安排，主动公开。',
    legalGround: null,
    drafter: 'drafter2',
    stage: 'withdrawn',
    withdrawReason: '通知中主题展示活动的举办时间和报名截止时间与实际安排不符，经分管领导同意撤稿，更正后另行发布。',
  },
  {
    key: 'longevity-allowance-2026',
    title: '清源市民政局关于发放2026年度高龄津贴的通知',
    docNumber: '清民〔2026〕49号',
    categoryCode: 'notice',
    writtenAt: '2026-11-17',
    body: [
      '各区、县（市）民政局：',
      '为做好2026年度高龄老年人津贴发放工作，根据《清源市高龄津贴发放管理办法》，现将有关事项通知如下：',
      '一、发放对象和标准\n具有本市户籍、年满80周岁的老年人按月享受高龄津贴：80至89周岁每人每月100元；90至99周岁每人每月300元；100周岁及以上每人每月1000元。',
      '二、发放规模\n经各地核定，截至2026年10月底全市符合条件的老年人共55077人，其中80至89周岁48620人，90至99周岁6315人，100周岁及以上142人。全年需发放津贴8278.20万元。',
      '三、发放方式\n高龄津贴通过社会保障卡按月发放，不得以现金形式发放。新增对象自符合条件的次月起发放；对象死亡或者迁出本市的，自次月起停发。',
      '四、工作要求\n各地要在每季度首月10日前完成对象信息比对核查，发现冒领、重复领取的，依法追回。发放名单在村（社区）公示时，不得公开身份证号码、社会保障卡号等个人信息。',
      '清源市民政局\n2026年11月17日',
    ].join('\n\n'),
    hasStatistics: true,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal', 'wechat', 'notice_board'],
    redactions: [],
    attributeReason: '惠老政策的发放标准和办理方式，主动公开。',
    legalGround: null,
    drafter: 'drafter2',
    stage: 'submitted',
  },
];
