import { SECTION_HEADINGS } from '@ogi/domain';

/**
 * The Chinese (default) messages. The shape of this object is the message catalogue: `en.ts` must have the
 * same keys. Labels that the official format prints (row, column and section names) come from @ogi/domain,
 * never from here; this file holds the product's own words and the few printed phrases the domain lacks.
 */
export const zhCN = {
  app: {
    name: '政府信息公开年报观测台',
    skipToContent: '跳到正文',
    mainNav: '主导航',
    nav: { reports: '报告列表' },
    language: '界面语言',
  },
  common: {
    loading: '正在加载…',
    retry: '重试',
    none: '无',
    notStated: '未注明',
    dash: '—',
  },
  errors: {
    title: '加载失败',
    network: '无法连接服务器，请检查网络后重试。',
    http: '服务器返回错误（HTTP {status}）。',
    graphql: '服务器无法完成查询：{message}',
    badResponse: '服务器返回的数据无法识别。',
  },
  severity: { error: '错误', warning: '警告', info: '提示' },
  template: { label: '{template} 版' },
  timeliness: {
    onTime: '按时',
    late: '逾期 {days} 天',
    unknown: '公布日期未知',
  },
  reportList: {
    title: '报告列表',
    filters: '筛选报告',
    agency: '机关',
    agencyPlaceholder: '输入机关名称搜索',
    agencySuggestions: '匹配的机关',
    agencyNoMatch: '没有匹配的机关',
    agencySelected: '已选机关：{name}',
    removeAgency: '移除机关筛选',
    year: '数据年度',
    allYears: '全部年度',
    yearOption: '{year} 年',
    clearFilters: '清除筛选',
    total: '共 {total} 份报告',
    caption: '报告列表，按公布时间从新到旧排列',
    columns: {
      agency: '机关',
      year: '年度',
      template: '格式版本',
      publishedOn: '公布日期',
      timeliness: '时效',
      findings: '检查发现',
    },
    noFindings: '无',
    findingCount: '{severity} {count}',
    empty: '尚未收录任何报告。',
    emptyFiltered: '没有符合筛选条件的报告。',
  },
  pager: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    status: '第 {page} 页，共 {pages} 页',
  },
  report: {
    backToList: '返回报告列表',
    heading: '{agency} {year} 年度报告',
    notFound: '找不到这份报告：它可能已被替换为新版本，或地址有误。',
    meta: {
      title: '报告信息',
      printedAgencyName: '报告所署名称',
      year: '数据年度',
      yearValue: '{year} 年',
      template: '格式版本',
      scope: '统计范围',
      publishedOn: '公布日期',
      deadline: '法定公布期限',
      timeliness: '时效',
      sourceFile: '来源文件',
      format: '文件类型',
      version: '版本',
      versionValue: '第 {version} 版',
      ingestedAt: '入库时间',
      parserVersion: '解析器版本',
    },
    scope: {
      self: '本机关',
      region_aggregate: '本地区汇总',
      system_aggregate: '本系统汇总',
    },
    sections: { ...SECTION_HEADINGS },
    sectionsNav: '报告各部分',
    findingsHeading: '检查发现',
    chartHeading: '本年度办理结果',
  },
  cell: {
    blank: '空白',
    blankHint: '原文此处空白。空白不等于 0，相关校验无法核验。',
    naHint: '原文标为不适用：“{raw}”',
    textHint: '原文此处为文字：“{raw}”',
    uncertainHint: '读数不确定（可信度 {confidence}），原文为“{raw}”',
    legend: '图例',
    legendBlank: '原文空白（不等于 0）',
    legendFinding: '涉及检查发现，悬停或聚焦查看说明',
  },
  applicationsTable: {
    consistencyNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    applicants: '申请人情况',
    legalPersons: '法人或其他组织',
    outcomes: '三、本年度办理结果',
  },
  disclosureTable: {
    article: '第二十条第（{article}）项',
    content: '信息内容',
  },
  reviewTable: {
    litigation: '行政诉讼',
  },
  findings: {
    empty: '这份报告未发现问题。',
    summary: '{count} 项发现',
    columns: {
      severity: '级别',
      rule: '规则',
      message: '说明',
      cells: '单元格',
    },
    status: { failed: '不成立', unverifiable: '无法核验', notice: '提示' },
    locate: '定位单元格',
    noCells: '不涉及表格单元格',
  },
  chart: {
    title: '办理结果（总计列）',
    unit: '件',
    incomplete: '含空白格，无法合计',
    ariaLabel: '本年度各类办理结果件数的柱状图',
  },
  notFound: {
    title: '页面不存在',
    body: '您访问的地址不存在。',
  },
};

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The message catalogue's shape: every locale provides the same keys, all strings. */
export type Messages = Widen<typeof zhCN>;
