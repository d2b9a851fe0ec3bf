/**
 * A realistic, deterministic province of annual reports for benchmarks and performance checks (never for
 * correctness tests): a tree of ~3 000 agencies (the province government and its departments, cities, counties
 * and districts with theirs, townships), seven data years 2019–2025 in both formats (the 2019 template for 2019
 * and 2020), and distributions like the real corpus: most departments handle 0–30 applications a year, some
 * governments thousands; a few blank cells, a few tables that do not add up, some late, undated and missing
 * reports; city governments and half the county governments publish region aggregates (本地区汇总) whose
 * numbers are their own plus every member's below them.
 *
 * Every table is consistent column by column (新收 + 上年结转 = 办结 + 结转下年, 办结 = Σ outcomes) before the
 * deliberate breaks, and each agency's carry-over matches its previous year's carry-forward.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  OTHER_HANDLING_SUBROWS,
  publicationDeadline,
  type ActiveDisclosure,
  type AgencyKind,
  type AgencyLevel,
  type CellValue,
  type NarrativeFact,
  type ParsedReportCore,
  type ReportScope,
  type Template,
} from '@ogi/domain';

export interface DatasetAgency {
  /** 1-based, parents before children. */
  id: number;
  name: string;
  kind: AgencyKind;
  level: AgencyLevel;
  parentId: number | null;
}

export interface DatasetReport {
  agencyId: number;
  core: ParsedReportCore;
  scope: ReportScope;
  text: string;
  narrative: NarrativeFact[];
}

export interface Dataset {
  agencies: DatasetAgency[];
  reports: DatasetReport[];
  years: number[];
}

export interface ProvinceOptions {
  /** Same seed, same province. */
  seed?: number;
  /** About this many agencies (the tree's shape scales with it). */
  agencies?: number;
  years?: readonly number[];
}

export const DEFAULT_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

// ---- a small seeded PRNG (mulberry32) and draws from it ----

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    /** Log-normal with the given median. */
    logNormal: (median: number, sigma: number) => median * Math.exp(sigma * normal()),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Random = ReturnType<typeof prng>;

/** Splits `total` into parts proportional to `weights` (each jittered), summing exactly to `total`. */
function split(total: number, weights: readonly number[], r: Random): number[] {
  if (total <= 0) return weights.map(() => 0);
  const w = weights.map((x) => x * (0.4 + 1.2 * r.next()));
  const sum = w.reduce((s, x) => s + x, 0) || 1;
  const raw = w.map((x) => (x / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]!.i]! += 1;
  return out;
}

// ---- names ----

const PLACE_CHARS = '安宁平清河阳泉山江城东西南北新兴华丰和永长庆嘉兴台武昌临川云溪松柏桃源湖滨海丘岭桥林泽源水石龙凤'.split('');
const DEPARTMENTS = [
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '发展和改革委员会',
  '工业和信息化局',
  '科学技术局',
  '林业局',
  '体育局',
  '信访局',
  '行政审批局',
  '数据资源管理局',
  '地方金融监督管理局',
  '国有资产监督管理委员会',
  '民族宗教事务局',
  '机关事务管理局',
  '人民防空办公室',
  '粮食和物资储备局',
  '档案局',
  '外事办公室',
  '乡村振兴局',
  '税务局',
];

/**
 * Unique place names: two characters while such names are easy to find, then three. The two-character names run
 * out near 2 000 (a 10 000-agency province needs more), and drawing until a free one turns up would never end.
 */
function placeNames(r: Random): () => string {
  const used = new Set<string>();
  const draw = (length: number) => Array.from({ length }, () => r.pick(PLACE_CHARS)).join('');
  return () => {
    for (let attempt = 0; ; attempt++) {
      const name = draw(attempt < 50 ? 2 : 3);
      if (name[0] !== name[1] && !used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

// ---- the tree ----

interface Shape {
  cities: number;
  provinceDepartments: number;
  cityDepartments: number;
  countiesPerCity: number;
  countyDepartments: number;
}

function shapeFor(target: number): Shape {
  // 3 000 agencies ≈ 41 (province) + 12 × 36 (cities) + 100 × 21 (counties) + ~430 townships.
  const scale = target / 3000;
  return {
    cities: Math.max(1, Math.round(12 * scale)),
    provinceDepartments: 40,
    cityDepartments: 35,
    countiesPerCity: Math.max(1, Math.round(100 / 12)),
    countyDepartments: 20,
  };
}

function buildTree(target: number, r: Random): DatasetAgency[] {
  const s = shapeFor(target);
  const place = placeNames(r);
  const agencies: DatasetAgency[] = [];
  const add = (name: string, kind: AgencyKind, level: AgencyLevel, parentId: number | null) => {
    const a = { id: agencies.length + 1, name, kind, level, parentId };
    agencies.push(a);
    return a;
  };
  const province = add('江淮省人民政府', 'government', 'province', null);
  for (const d of DEPARTMENTS.slice(0, s.provinceDepartments)) add(`江淮省${d}`, 'department', 'province', province.id);
  const counties: DatasetAgency[] = [];
  for (let c = 0; c < s.cities; c++) {
    const cityName = `${place()}市`;
    const city = add(`${cityName}人民政府`, 'government', 'city', province.id);
    for (const d of DEPARTMENTS.slice(0, s.cityDepartments)) add(`${cityName}${d}`, 'department', 'city', city.id);
    for (let k = 0; k < s.countiesPerCity; k++) {
      const countyName = `${cityName}${place()}${r.chance(0.6) ? '县' : '区'}`;
      const county = add(`${countyName}人民政府`, 'government', 'county', city.id);
      counties.push(county);
      const departments = [...DEPARTMENTS].sort(() => r.next() - 0.5).slice(0, s.countyDepartments);
      for (const d of departments) add(`${countyName}${d}`, 'department', 'county', county.id);
    }
  }
  // Townships fill the rest, spread over the counties.
  for (let i = 0; agencies.length < target && counties.length; i++) {
    const county = counties[i % counties.length]!;
    const countyPlace = county.name.replace(/人民政府$/, '');
    add(`${countyPlace}${place()}${r.pick(['镇', '镇', '乡', '街道'])}人民政府`, 'government', 'township', county.id);
  }
  return agencies;
}

// ---- one agency's own activity for one year ----

/** Section 三 by applicant column: rows → 7 values (the last is the row total). */
type Tables = {
  applications: Record<string, number[]>;
  review: number[][];
  disclosure2021: Record<string, Record<string, number>>;
  disclosure2019: Record<string, Record<string, number>>;
};

const APPLICANT_WEIGHTS = [85, 8, 0.6, 0.6, 2, 4];
const OUTCOME_WEIGHTS: [string, number][] = [
  ['granted', 45],
  ['partiallyGranted', 8],
  ['withheld.stateSecret', 0.3],
  ['withheld.lawProhibited', 0.8],
  ['withheld.securityStability', 0.4],
  ['withheld.thirdPartyRights', 2.5],
  ['withheld.internalAffairs', 0.8],
  ['withheld.processInformation', 1.5],
  ['withheld.enforcementFiles', 0.6],
  ['withheld.administrativeQuery', 0.6],
  ['unableToProvide.notHeld', 22],
  ['unableToProvide.needsCreation', 2],
  ['unableToProvide.stillUnclear', 2],
  ['notProcessed.complaint', 3],
  ['notProcessed.repeated', 2.5],
  ['notProcessed.publication', 0.5],
  ['notProcessed.massRepeated', 1],
  ['notProcessed.confirmation', 1],
  ['otherHandling.overdueCorrection', 4],
  ['otherHandling.overdueFee', 0.3],
  ['otherHandling.other', 2],
];

function baseVolume(a: DatasetAgency, r: Random): number {
  if (a.kind === 'government') {
    if (a.level === 'province') return r.logNormal(2500, 0.3);
    if (a.level === 'city') return r.logNormal(600, 0.7);
    if (a.level === 'county') return r.logNormal(90, 0.9);
    return r.logNormal(3, 1);
  }
  // Departments: most handle a handful; land, housing and police departments many more.
  const busy = /自然资源|住房|公安|市场监督|人力资源/.test(a.name) ? 4 : 1;
  const median = a.level === 'province' ? 40 : a.level === 'city' ? 12 : 4;
  return r.logNormal(median * busy, 1.1);
}

function ownTables(volume: number, carriedOver: number[], year: number, r: Random): Tables {
  const growth = Math.pow(1.06, year - 2019);
  const n = Math.max(0, Math.round(volume * growth * (0.7 + 0.6 * r.next())));
  const newBy = split(n, APPLICANT_WEIGHTS, r);
  const applications: Record<string, number[]> = {};
  const rowsOf = (key: string) => (applications[key] ??= [0, 0, 0, 0, 0, 0, 0]);
  const forwardRate = r.chance(0.4) ? 0.02 + 0.08 * r.next() : 0;
  for (let c = 0; c < 6; c++) {
    const received = newBy[c]! + (carriedOver[c] ?? 0);
    const forward = Math.min(received, Math.round(received * forwardRate));
    const handled = received - forward;
    rowsOf('newReceived')[c] = newBy[c]!;
    rowsOf('carriedOver')[c] = carriedOver[c] ?? 0;
    rowsOf('carriedForward')[c] = forward;
    rowsOf('total')[c] = handled;
    const parts = split(
      handled,
      OUTCOME_WEIGHTS.map(([, w]) => w),
      r,
    );
    OUTCOME_WEIGHTS.forEach(([key], i) => (rowsOf(key)[c] = parts[i]!));
  }
  for (const row of Object.values(applications)) row[6] = row.slice(0, 6).reduce((s, x) => s + x, 0);

  const disputes = (rate: number) => {
    const total = Math.round(n * rate * (0.5 + r.next()));
    const [upheld, corrected, other, pending] = split(total, [60, 12, 10, 18], r) as [number, number, number, number];
    return [upheld, corrected, other, pending, total];
  };
  const review = [disputes(0.015), disputes(0.006), disputes(0.004)];
  const decisions = (median: number) => Math.round(r.logNormal(median, 1.2));
  return {
    applications,
    review,
    disclosure2021: {
      regulations: { issued: r.chance(0.1) ? r.int(1, 3) : 0, repealed: r.chance(0.05) ? 1 : 0, inForce: r.int(0, 30) },
      normativeDocuments: { issued: r.int(0, 12), repealed: r.int(0, 3), inForce: r.int(5, 120) },
      licensing: { decisions: decisions(150) },
      penalty: { decisions: decisions(40) },
      coercion: { decisions: decisions(3) },
      fees: { amountWan: Math.round(r.logNormal(20, 1.5) * 100) / 100 },
    },
    disclosure2019: {
      regulations: { made: r.chance(0.1) ? r.int(1, 3) : 0, published: 0, totalPublished: r.int(0, 40) },
      normativeDocuments: { made: r.int(0, 12), published: r.int(0, 12), totalPublished: r.int(5, 200) },
      licensing: { previousItems: r.int(0, 300), change: r.int(-10, 20), decisions: decisions(150) },
      otherServices: { previousItems: r.int(0, 100), change: r.int(-5, 5), decisions: decisions(20) },
      penalty: { previousItems: r.int(0, 500), change: r.int(-10, 10), decisions: decisions(40) },
      coercion: { previousItems: r.int(0, 50), change: r.int(-3, 3), decisions: decisions(3) },
      fees: { previousItems: r.int(0, 20), change: r.int(-2, 2) },
      procurement: { projects: r.int(0, 40), amountWan: Math.round(r.logNormal(300, 1.2) * 100) / 100 },
    },
  };
}

function emptyTables(): Tables {
  return {
    applications: {},
    review: [
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ],
    disclosure2021: {},
    disclosure2019: {},
  };
}

function addTables(into: Tables, from: Tables): void {
  for (const key in from.applications) {
    const row = from.applications[key]!;
    const target = (into.applications[key] ??= [0, 0, 0, 0, 0, 0, 0]);
    for (let c = 0; c < 7; c++) target[c]! += row[c]!;
  }
  for (let i = 0; i < 3; i++) for (let c = 0; c < 5; c++) into.review[i]![c]! += from.review[i]![c]!;
  for (const d of ['disclosure2021', 'disclosure2019'] as const) {
    for (const row in from[d]) {
      const fields = from[d][row]!;
      const target = (into[d][row] ??= {});
      for (const f in fields) target[f] = Math.round(((target[f] ?? 0) + fields[f]!) * 100) / 100;
    }
  }
}

// ---- the printed report ----

function printed(t: Tables, template: Template, r: Random): Pick<ParsedReportCore, 'applications' | 'reviewLitigation' | 'activeDisclosure'> {
  const applications: Record<string, CellValue[]> = {};
  for (const row of APPLICATION_ROWS) {
    if (!row.templates.includes(template)) continue;
    if (row.key === 'otherHandling') {
      if (template === '2019') {
        applications[row.key] = APPLICANT_COLUMNS.map((_, c) => OTHER_HANDLING_SUBROWS.reduce((s, k) => s + t.applications[k]![c]!, 0));
      }
      continue;
    }
    if (template === '2019' && row.key.startsWith('otherHandling.')) continue;
    applications[row.key] = [...t.applications[row.key]!];
  }
  // Some reports leave zeros blank (as printed in the wild): blank is not zero, and the checks say so.
  if (r.chance(0.04)) {
    for (const row of Object.values(applications)) row.forEach((v, c) => (v === 0 ? (row[c] = null) : undefined));
  }
  // A few tables do not add up: one total printed off by a little.
  if (r.chance(0.03)) {
    const keys = Object.keys(applications).filter((k) => k !== 'total');
    const row = applications[r.pick(keys)]!;
    row[6] = (row[6] ?? 0) + r.pick([-2, -1, 1, 3]);
  }
  const reviewLitigation = { review: [...t.review[0]!], litigationDirect: [...t.review[1]!], litigationAfterReview: [...t.review[2]!] };
  const disclosure = template === '2021' ? t.disclosure2021 : t.disclosure2019;
  const activeDisclosure: ActiveDisclosure = {};
  for (const row in disclosure) activeDisclosure[row] = { ...disclosure[row] };
  return { applications, reviewLitigation, activeDisclosure };
}

function dateMinusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const PHRASES = [
  '本机关坚持以公开为常态、不公开为例外，持续深化政务公开。',
  '进一步规范依申请公开办理流程，严格落实登记、审核、答复各环节要求。',
  '依托政府门户网站政府信息公开专栏，及时发布各类政府信息。',
  '加强政策解读，通过图解、视频等形式提高政策知晓度。',
  '组织开展政府信息公开业务培训，提升工作人员业务能力。',
  '推进基层政务公开标准化规范化建设，编制公开事项清单。',
  '完善政府信息管理制度，动态调整主动公开基本目录。',
  '建设政务公开专区，方便群众现场查阅政府信息。',
];

function reportText(name: string, year: number, scope: ReportScope, handled: number, r: Random): { text: string; narrative: NarrativeFact[] } {
  const title = `${name}${year}年政府信息公开工作年度报告\n`;
  const intro = scope === 'region_aggregate' ? '本报告数据为本行政区域各级行政机关汇总。\n' : '';
  let text = `${title}${intro}一、总体情况\n`;
  for (let i = 0; i < 4; i++) text += r.pick(PHRASES);
  text += '\n';
  const narrative: NarrativeFact[] = [];
  if (r.chance(0.35)) {
    const sentence = `全年共办结政府信息公开申请${handled}件，均在法定期限内予以答复。`;
    narrative.push({ kind: 'allOnTime', value: 1, sentence, start: text.length, end: text.length + sentence.length });
    text += `${sentence}\n`;
  }
  text += '二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n';
  text += `${r.pick(PHRASES)}${r.pick(PHRASES)}\n六、其他需要报告的事项\n本年度未收取信息处理费。\n`;
  return { text, narrative };
}

/** Generates the province. About 0.5 s for 3 000 agencies × 7 years. */
export function generateProvince(options: ProvinceOptions = {}): Dataset {
  const r = prng(options.seed ?? 20_260_101);
  const years = [...(options.years ?? DEFAULT_YEARS)].sort((a, b) => a - b);
  const agencies = buildTree(options.agencies ?? 3000, r);
  const children = new Map<number, DatasetAgency[]>();
  for (const a of agencies) if (a.parentId !== null) (children.get(a.parentId) ?? children.set(a.parentId, []).get(a.parentId)!).push(a);

  // Who publishes a region aggregate: every city government, and about half the county governments (fixed).
  const aggregates = new Set(
    agencies
      .filter((a) => a.level === 'city' || (a.level === 'county' && a.kind === 'government' && r.chance(0.5)))
      .filter((a) => a.kind === 'government')
      .map((a) => a.id),
  );
  const volume = new Map(agencies.map((a) => [a.id, baseVolume(a, r)]));
  const forwardOf = new Map<number, number[]>();
  const reports: DatasetReport[] = [];

  for (const year of years) {
    const template: Template = year <= 2020 ? '2019' : '2021';
    const own = new Map<number, Tables>();
    for (const a of agencies) {
      const t = ownTables(volume.get(a.id)!, forwardOf.get(a.id) ?? [0, 0, 0, 0, 0, 0], year, r);
      own.set(a.id, t);
      forwardOf.set(a.id, t.applications['carriedForward']!.slice(0, 6));
    }
    // An aggregate's numbers: its own plus every agency's below it.
    const subtreeOf = (id: number): Tables => {
      const sum = emptyTables();
      const stack = [id];
      while (stack.length) {
        const next = stack.pop()!;
        addTables(sum, own.get(next)!);
        for (const c of children.get(next) ?? []) stack.push(c.id);
      }
      return sum;
    };
    for (const a of agencies) {
      if (r.chance(0.03)) continue; // missing: never published
      const scope: ReportScope = aggregates.has(a.id) && (a.level === 'city' ? year >= 2020 : true) ? 'region_aggregate' : 'self';
      const tables = scope === 'region_aggregate' ? subtreeOf(a.id) : own.get(a.id)!;
      const deadline = publicationDeadline(year, a.kind);
      const roll = r.next();
      const publishedOn = roll < 0.02 ? null : roll < 0.12 ? dateMinusDays(deadline, -r.int(1, 60)) : dateMinusDays(deadline, r.int(0, 40));
      const handled = tables.applications['total']![6]!;
      const { text, narrative } = reportText(a.name, year, scope, handled, r);
      reports.push({
        agencyId: a.id,
        scope,
        text,
        narrative,
        core: { schemaVersion: 1, agency: a.name, year, template, publishedOn, ...printed(tables, template, r) },
      });
    }
  }
  return { agencies, reports, years };
}
