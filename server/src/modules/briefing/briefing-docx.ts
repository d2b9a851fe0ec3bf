/**
 * The briefing and the notice as DOCX (what government offices edit and forward), built with the `docx` package
 * from the same objects the API serves. Headings in 黑体, body in 宋体 (fonts every Chinese Word has); each
 * section starts on a new page; tables repeat their header row across pages.
 */
import {
  breakdownBars,
  breakdownChartHeight,
  breakdownCoverage,
  briefingTrendPoints,
  buildBriefingBreakdownOption,
  buildBriefingTrendOption,
  type BreakdownCoverage,
} from '@ogi/charts';
import { formatCount, formatMetricValue, formatPercent, METRIC_BY_CODE, METRIC_QUALITY_LABELS } from '@ogi/domain';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { DOCUMENT_CHART_FONT, renderChartPng } from './chart-render.js';
import type { BriefingModel } from './models/briefing.model.js';
import type { LeagueTableModel } from './models/league-table.model.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const COLOUR_ZH: Record<string, string> = { red: '红', yellow: '黄', green: '绿', small_sample: '样本不足', no_value: '无数据' };
const COLOUR_FILL: Record<string, string> = { red: 'F4C7C3', yellow: 'FCE8B2', green: 'C9E7D0' };
const REASON_ZH: Record<string, string> = { missing: '未报', late: '逾期', contradicted: '数据不一致', flagged: '指标异常' };
export const STATUS_ZH: Record<string, string> = { pending: '待提醒', reminded: '已提醒', resolved: '已整改', exempt: '豁免' };

const heading = (text: string, pageBreakBefore = false) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, pageBreakBefore });
const subheading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });
const note = (text: string) => new Paragraph({ children: [new TextRun({ text, size: 18, color: '555555' })], spacing: { after: 120 } });

function table(header: readonly string[], rows: readonly (readonly string[])[], fills?: readonly (string | undefined)[]): Table {
  const cell = (text: string, bold = false, fill?: string) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 19 })] })],
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true, 'E7ECF3')) }),
      ...rows.map((r, i) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false, fills?.[i])) })),
    ],
  });
}

const STYLES = {
  default: {
    document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' }, size: 22 } },
    heading1: {
      run: { font: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' }, size: 30, bold: true },
      paragraph: { spacing: { before: 240, after: 160 } },
    },
    heading2: {
      run: { font: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' }, size: 25, bold: true },
      paragraph: { spacing: { before: 200, after: 120 } },
    },
    title: { run: { font: { eastAsia: '黑体' }, size: 40, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
  },
};

const dateZh = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const valueOf = (metric: string, v: number | null) => {
  const def = METRIC_BY_CODE.get(metric);
  return v === null || !def ? '—' : formatMetricValue(def, v);
};
const changeOf = (metric: string, change: number | null) => {
  if (change === null) return '无法比较';
  const ratio = METRIC_BY_CODE.get(metric)?.unit === 'ratio';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  return ratio ? `${sign}${formatPercent(Math.abs(change))} 个百分点` : `${sign}${formatPercent(Math.abs(change))}%`;
};

export function briefingTitle(b: Pick<BriefingModel, 'scopeNameZh' | 'year'>): string {
  return `${b.scopeNameZh}${b.year}年度政府信息公开工作观测简报`;
}

function leagueSection(t: LeagueTableModel): (Paragraph | Table)[] {
  const th = t.threshold;
  const def = METRIC_BY_CODE.get(t.metric)!;
  const cmp = th.direction === 'higher' ? '低于' : '高于';
  const shown = t.rows.filter((r) => r.colour !== 'small_sample' && r.colour !== 'no_value');
  const small = t.rows.filter((r) => r.colour === 'small_sample');
  return [
    subheading(`${t.metricNameZh}`),
    para(t.sentenceZh),
    note(
      `阈值（第 ${th.version} 版${th.isDefault ? '，系统默认' : `，${th.setBy ?? ''} 于 ${dateZh(th.setAt)} 设定`}）：${cmp}${formatMetricValue(def, th.red)}为红，${cmp}${formatMetricValue(def, th.yellow)}为黄；样本不足 ${th.minSample} 件的不评色。覆盖：所选 ${t.agenciesSelected} 个机关中 ${t.agenciesWithReport} 个有本机关年报。`,
    ),
    table(
      ['机关', '颜色', '数值', '样本', '数据质量', '理由'],
      shown.map((r) => [
        r.agency.name,
        COLOUR_ZH[r.colour] ?? r.colour,
        valueOf(t.metric, r.value),
        r.sample === null ? '—' : formatCount(r.sample),
        METRIC_QUALITY_LABELS[r.quality].zh,
        r.reasonZh,
      ]),
      shown.map((r) => COLOUR_FILL[r.colour]),
    ),
    ...(small.length
      ? [
          note(
            `样本不足、不评色的机关（${small.length} 个）：${small.map((r) => `${r.agency.name}（${r.sample === null ? '样本未知' : `${formatCount(r.sample)} 件`}）`).join('、')}。`,
          ),
        ]
      : []),
  ];
}

/** The caption under a breakdown chart: what its figures rest on. */
export function breakdownCoverageZh(c: BreakdownCoverage): string {
  const doubt = c.doubtful ? `单项中最多 ${formatCount(c.doubtful)} 份报告的数值存疑（表内矛盾或读数存疑），仍计入合计` : '各项均无表内矛盾或读数存疑的报告';
  return `依据 ${formatCount(c.reports)} 份报告，覆盖 ${formatCount(c.covered)}/${formatCount(c.expected)} 个机关；${doubt}。`;
}

/** The briefing as a DOCX file. */
export async function briefingDocx(b: BriefingModel): Promise<Buffer> {
  const years = [...new Set(b.trend.map((t) => t.year))];
  const points = briefingTrendPoints(b.trend, years);
  const chart = renderChartPng(
    buildBriefingTrendOption(
      points,
      { received: '新收申请', handled: '办结申请', disclosureRate: '公开率', onTimeRate: '按时答复率（自述）', countAxis: '件', yearLabel: (y) => `${y}年` },
      DOCUMENT_CHART_FONT,
    ),
    640,
    320,
  );
  /** A breakdown as a bar chart (when any part has a count) over its table, which keeps every part. */
  const breakdownSection = (title: string, rows: BriefingModel['withholding']): (Paragraph | Table)[] => {
    if (!rows.length) return [subheading(title), note('本年度无相关数据。')];
    const parts = rows.map((r) => ({ label: r.labelZh, value: r.value, share: r.share }));
    const bars = breakdownBars(parts).length;
    const height = breakdownChartHeight(bars);
    const chart = bars
      ? [
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: renderChartPng(
                  buildBriefingBreakdownOption(
                    parts,
                    { countAxis: '件', barLabel: (v, sh) => `${formatCount(v)} 件${sh === null ? '' : `（${formatPercent(sh)}%）`}` },
                    DOCUMENT_CHART_FONT,
                  ),
                  640,
                  height,
                ),
                transformation: { width: 600, height: Math.round((height * 600) / 640) },
                altText: { title, description: `${title}：各类别件数与占比（条形图）`, name: title },
              }),
            ],
          }),
        ]
      : [];
    const coverage = breakdownCoverage(rows);
    return [
      subheading(title),
      ...chart,
      ...(coverage ? [note(breakdownCoverageZh(coverage))] : []),
      table(
        ['类别', '件数', '占比'],
        rows.map((r) => [r.labelZh, r.value === null ? '—' : formatCount(r.value), r.share === null ? '—' : `${formatPercent(r.share)}%`]),
      ),
    ];
  };

  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: briefingTitle(b), heading: HeadingLevel.TITLE }),
    note(
      `范围：${b.scopeNameZh}（${b.agenciesSelected} 个机关）；数据截至 ${dateZh(b.dataDate)}；生成于 ${dateZh(b.generatedAt)}。本简报的文字由规则根据数据生成，每句所述数字均可在下表和附录中查到。`,
    ),

    heading('一、总体情况'),
    ...b.headlines.map((h) => para(h.sentenceZh)),
    table(
      ['指标', `${b.year}年`, '计入报告', '代表机关', '可比机关', '可比机关上年', '可比机关本年', '较上年', '数据矛盾报告'],
      b.headlines.map((h) => [
        h.nameZh,
        valueOf(h.metric, h.value),
        String(h.reportsCounted),
        String(h.agenciesCovered),
        String(h.matchedAgencies),
        valueOf(h.metric, h.matchedPrevious),
        valueOf(h.metric, h.matchedCurrent),
        changeOf(h.metric, h.change),
        String(h.contradictedReports),
      ]),
    ),

    heading('二、近五年趋势', true),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart,
          transformation: { width: 600, height: 300 },
          altText: { title: '近五年趋势', description: '新收申请、办结申请（柱）与公开率、按时答复率（线）', name: 'trend' },
        }),
      ],
    }),
    table(
      ['年度', '新收申请', '办结申请', '公开率', '按时答复率（自述）'],
      points.map((p) => [
        `${p.year}`,
        p.received === null ? '—' : formatCount(p.received),
        p.handled === null ? '—' : formatCount(p.handled),
        p.disclosureRate === null ? '—' : `${formatPercent(p.disclosureRate)}%`,
        p.onTimeRate === null ? '—' : `${formatPercent(p.onTimeRate)}%`,
      ]),
    ),

    heading('三、年报报送与质量', true),
    para(b.submissionSentenceZh),
    b.issues.length
      ? table(
          ['机关', '问题', '详情'],
          b.issues.map((i) => [i.agency.name, REASON_ZH[i.reason] ?? i.reason, i.detailZh]),
        )
      : note('无未报、逾期或数据不一致的年报。'),

    heading('四、红黄绿排名', true),
    ...b.leagues.flatMap(leagueSection),

    heading('五、显著变化', true),
    ...(b.notableChanges.length
      ? b.notableChanges.map((c) =>
          para(
            `${c.agency.name}：${c.messageZh}${c.quality === 'CONTRADICTED' ? '（该报告数据矛盾，请核实）' : c.quality === 'UNCERTAIN' ? '（该数读数存疑，请核实）' : ''}。`,
          ),
        )
      : [note('没有达到显著变化标准的机关。')]),

    heading('六、不予公开原因与复议、诉讼结果', true),
    ...breakdownSection('不予公开的原因', b.withholding),
    ...breakdownSection('行政复议结果', b.reviewOutcomes),
    ...breakdownSection('行政诉讼结果', b.litigationOutcomes),

    heading('附录：方法说明', true),
    ...b.methodologyZh.map(para),
    subheading('指标定义'),
    table(
      ['指标', '公式', '分母', '说明'],
      b.metricNotes.map((n) => [n.nameZh, n.formulaZh, n.denominatorZh ?? '—', n.caveatZh ?? '']),
    ),
    note(`覆盖：范围内共 ${b.agenciesSelected} 个机关；数据截至 ${dateZh(b.dataDate)}。`),
  ];
  return Packer.toBuffer(new Document({ creator: '政府信息公开年报观测台', title: briefingTitle(b), styles: STYLES, sections: [{ children }] }));
}

export interface NoticeAgency {
  name: string;
  problems: { reason: string; detailZh: string; status: string | null }[];
}

export function noticeTitle(year: number, scopeNameZh: string): string {
  return `关于${scopeNameZh}${year}年度政府信息公开工作年度报告质量检查情况的通报`;
}

/** The notice (通报) of a year: each agency's problems in plain words with the evidence. */
export async function noticeDocx(input: {
  year: number;
  scopeNameZh: string;
  summaryZh: string;
  agencies: readonly NoticeAgency[];
  generatedAt: string;
}): Promise<Buffer> {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const ordinal = (i: number) => (i < 10 ? numerals[i]! : String(i + 1));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: noticeTitle(input.year, input.scopeNameZh), heading: HeadingLevel.TITLE }),
    para(`对${input.scopeNameZh}各机关${input.year}年度政府信息公开工作年度报告的发布时间和表格数据进行了检查。${input.summaryZh}现将有关问题通报如下：`),
    ...(input.agencies.length
      ? input.agencies.flatMap((a, i) => [
          subheading(`${ordinal(i)}、${a.name}`),
          ...a.problems.map((p, j) =>
            para(`${j + 1}. ${REASON_ZH[p.reason] ?? p.reason}：${p.detailZh}${p.status ? `（督办状态：${STATUS_ZH[p.status] ?? p.status}）` : ''}`),
          ),
        ])
      : [para('本年度检查未发现问题。')]),
    para('请有关机关对照上述问题逐项核实整改：未发布的尽快发布，数据不一致的更正后重新发布，并在观测台中答复督办事项。'),
    note(`本通报由政府信息公开年报观测台根据各机关已发布的年报生成于 ${input.generatedAt.slice(0, 10)}，所列证据均可在观测台中逐项查看。`),
  ];
  return Packer.toBuffer(
    new Document({ creator: '政府信息公开年报观测台', title: noticeTitle(input.year, input.scopeNameZh), styles: STYLES, sections: [{ children }] }),
  );
}
