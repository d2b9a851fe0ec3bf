import { checkAcrossYears, checkReport, type NarrativeFact } from '../src/index.js';
import { consistentReport } from './report-fixture.js';

const failed = (r = consistentReport(), narrative: NarrativeFact[] = []) => checkReport(r, narrative).filter((f) => f.status === 'failed');

describe('the consistency rules of a single report', () => {
  it('a report whose tables add up has no findings, in both formats', () => {
    expect(checkReport(consistentReport('2021'))).toEqual([]);
    expect(checkReport(consistentReport('2019'))).toEqual([]);
  });

  it('rule 1: when 办理总计 agrees with its outcome rows, the finding names the 新收 + 上年结转 side as faulty', () => {
    const r = consistentReport();
    r.applications['newReceived'] = [41, 6, 0, 0, 2, 2, 51]; // one more natural-person application, row still adds up
    const [f, ...rest] = failed(r).filter((x) => x.rule === 'S3_BALANCE');
    expect(rest.map((x) => x.cells[0])).toEqual(['applications.newReceived[6]']);
    // The handled side of the 自然人 column (outcomes add up to its total) gives 44; 新收 + 上年结转 printed 45.
    expect(f).toMatchObject({ severity: 'error', expected: 44, actual: 45 });
    expect(f!.cells).toEqual(['applications.newReceived[0]', 'applications.carriedOver[0]']);
    expect(f!.message.zh).toContain('“自然人”列 本年新收+上年结转：应为 44，表中为 45');
    expect(f!.message.zh).toContain('差错在本年新收或上年结转一侧');
  });

  it('rule 1: when 办理总计 does not agree with its outcome rows either, both sides are named', () => {
    const r = consistentReport();
    r.applications['total'] = [...r.applications['total']!];
    r.applications['total'][0] = r.applications['total'][0]! + 1;
    r.applications['total'][6] = r.applications['total'][6]! + 1;
    const balance = failed(r).filter((x) => x.rule === 'S3_BALANCE');
    expect(balance[0]!.cells).toEqual([
      'applications.newReceived[0]',
      'applications.carriedOver[0]',
      'applications.total[0]',
      'applications.carriedForward[0]',
    ]);
    expect(balance[0]!.message.zh).toContain('新收+上年结转 与 办理总计+结转下年度');
  });

  it('rule 2: （七）总计 differing from the sum of the outcome rows is an error', () => {
    const r = consistentReport();
    r.applications['granted'] = [21, 3, 0, 0, 1, 1, 26];
    const outcomeSums = failed(r).filter((x) => x.rule === 'S3_OUTCOME_SUM');
    expect(outcomeSums.map((x) => [x.cells[x.cells.length - 1], x.expected, x.actual])).toEqual([
      ['applications.total[0]', 43, 42],
      ['applications.total[6]', 53, 52],
    ]);
  });

  it('rule 2 sums the single （六） row of a 2019 report and the three sub-rows of a 2021 one', () => {
    const r2019 = consistentReport('2019');
    expect(r2019.applications['otherHandling']).toEqual([1, 1, 0, 0, 1, 0, 3]);
    r2019.applications['otherHandling'] = [1, 1, 0, 0, 1, 0, 4];
    expect(failed(r2019).map((f) => f.rule)).toEqual(expect.arrayContaining(['S3_OUTCOME_SUM', 'S3_ROW_SUM']));
  });

  it('rule 3: a row whose six applicant columns do not add up to its 总计', () => {
    const r = consistentReport();
    r.applications['unableToProvide.notHeld'] = [8, 1, 0, 0, 0, 1, 11];
    const rowSums = failed(r).filter((x) => x.rule === 'S3_ROW_SUM');
    expect(rowSums).toHaveLength(1);
    expect(rowSums[0]).toMatchObject({ expected: 10, actual: 11 });
    expect(rowSums[0]!.message.zh).toContain('本机关不掌握相关政府信息');
  });

  it('rule 4: a review or litigation group whose total is not 维持 + 纠正 + 其他 + 尚未审结', () => {
    const r = consistentReport();
    r.reviewLitigation['review'] = [10, 1, 0, 0, 0]; // totals printed 0, as 洪泽区 2023 did
    const groups = failed(r).filter((x) => x.rule === 'S4_GROUP_SUM');
    expect(groups.map((g) => [g.cells[4], g.expected, g.actual])).toEqual([['reviewLitigation.review[4]', 11, 0]]);
  });

  it('blank is not zero: a blank total is missing, and the rules that need it are unverifiable, not failed', () => {
    const r = consistentReport();
    r.applications['carriedForward'] = [2, 1, 0, 0, 0, 0, null];
    const findings = checkReport(r);
    expect(findings.filter((f) => f.status === 'failed')).toEqual([]);
    const missing = findings.find((f) => f.rule === 'CELL_MISSING')!;
    expect(missing.cells).toEqual(['applications.carriedForward[6]']);
    const balance = findings.find((f) => f.rule === 'S3_BALANCE')!;
    expect(balance).toMatchObject({ status: 'unverifiable', severity: 'warning' });
    expect(balance.message.zh).toContain('“总计”列');
    expect(findings.find((f) => f.rule === 'S3_ROW_SUM')?.status).toBe('unverifiable');
  });

  it('whole blank columns are named once, and no rule fails or passes on a guessed 0', () => {
    const r = consistentReport();
    for (const row of Object.values(r.applications)) for (const c of [1, 2, 3, 4, 5]) row[c] = null;
    for (const row of Object.values(r.applications)) row[6] = row[0]!;
    const findings = checkReport(r);
    expect(findings.filter((f) => f.status === 'failed')).toEqual([]);
    const missing = findings.find((f) => f.rule === 'CELL_MISSING')!;
    expect(missing.message.zh).toContain('整列空白：商业企业、科研机构、社会公益组织、法律服务机构、其他');
    expect(missing.cells).toHaveLength(25 * 5);
  });

  it('a negative count is an error', () => {
    const r = consistentReport();
    r.reviewLitigation['litigationDirect'] = [1, 0, -1, 1, 1];
    expect(failed(r).map((f) => f.rule)).toEqual(['NEGATIVE_COUNT']);
  });

  it('rule 6: a number the text restates must agree; 受理 may include the carried-over applications', () => {
    const sentence = (value: number) => ({ kind: 'applicationsReceived' as const, value, sentence: `共受理申请${value}件`, start: 0, end: 9 });
    expect(failed(consistentReport(), [sentence(50)])).toEqual([]);
    expect(failed(consistentReport(), [sentence(55)])).toEqual([]);
    const [mismatch] = failed(consistentReport(), [sentence(17)]);
    expect(mismatch).toMatchObject({ rule: 'NARRATIVE_MISMATCH', severity: 'warning', expected: 50, actual: 17 });
    expect(mismatch!.message.zh).toContain('共受理申请17件');
  });

  it('rule 6 for reviews and lawsuits: lawsuits are the two litigation groups together', () => {
    const facts: NarrativeFact[] = [
      { kind: 'reviews', value: 4, sentence: '行政复议4件', start: 0, end: 6 },
      { kind: 'lawsuits', value: 2, sentence: '行政诉讼2件', start: 7, end: 13 },
    ];
    const found = failed(consistentReport(), facts);
    expect(found.map((f) => [f.rule, f.expected, f.actual])).toEqual([['NARRATIVE_MISMATCH', 3, 2]]);
  });
});

describe('rule 5, across years', () => {
  it("flags each column where this year's 上年结转 differs from last year's 结转下年度", () => {
    const before = consistentReport();
    before.year = 2023;
    const now = consistentReport();
    now.applications['carriedOver'] = [2, 1, 0, 0, 0, 0, 3];
    expect(checkAcrossYears(now, before)).toEqual([]);
    now.applications['carriedOver'] = [4, 1, 0, 0, 0, 0, 5];
    const findings = checkAcrossYears(now, before);
    expect(findings.map((f) => [f.cells[0], f.expected, f.actual])).toEqual([
      ['applications.carriedOver[0]', 2, 4],
      ['applications.carriedOver[6]', 3, 5],
    ]);
    expect(findings[0]!.message.zh).toContain('2023年报告');
  });

  it('skips a column where either year left the cell blank', () => {
    const before = consistentReport();
    before.applications['carriedForward'] = [2, null, 0, 0, 0, 0, 3];
    const now = consistentReport();
    now.applications['carriedOver'] = [2, 9, 0, 0, 0, 0, 3];
    expect(checkAcrossYears(now, before)).toEqual([]);
  });
});

describe('what the printed numbers give when a rule cannot be checked', () => {
  it('says whether the rule would hold were the blanks 0, without passing or failing it', () => {
    const r = consistentReport();
    // 科研机构 left blank where the table has 0, and one real break hidden behind a blank: 其他 of 予以公开 is 1
    // while the row's total stays 25, with 法律服务机构 of that row blank.
    for (const row of Object.values(r.applications)) row[2] = null;
    r.applications['granted'] = [20, 3, null, 0, null, 1, 25];
    const findings = checkReport(r);
    expect(findings.filter((f) => f.status === 'failed')).toEqual([]);
    const rowSum = findings.find((f) => f.rule === 'S3_ROW_SUM')!;
    expect(rowSum.status).toBe('unverifiable');
    // 24 of the 25 rows hold with their blank 0: counted, not listed.
    expect(rowSum.message.zh).toContain('若空白按 0 计，其中 24 项相符');
    expect(rowSum.message.zh).toContain('“（一）予以公开”行即使空白按 0 计也不符：应为 24，表中为 25');
    expect(rowSum.message.en).toContain('Row Disclosed does not hold even with blanks read as 0: expected 24, printed 25');
  });

  it('gives the value a blank total should have: exact when every part is printed', () => {
    const r = consistentReport();
    r.applications['granted']![6] = null;
    r.applications['partiallyGranted'] = [5, null, 0, 0, 0, 0, null];
    const rowSum = checkReport(r).find((f) => f.rule === 'S3_ROW_SUM')!;
    expect(rowSum.message.zh).toContain('“（一）予以公开”行的合计空白，按各项应为 25');
    expect(rowSum.message.zh).toContain('“（二）部分公开”行的合计空白，已填各项之和为 5');
    expect(rowSum.message.en).toContain('Row Disclosed: the total is blank; its parts give 25');
  });

  it('names the units that would hold when they are few', () => {
    const r = consistentReport();
    r.reviewLitigation['review'] = [3, null, 1, 0, 4];
    const group = checkReport(r).find((f) => f.rule === 'S4_GROUP_SUM')!;
    expect(group.message.zh).toContain('若空白按 0 计，行政复议相符');
  });

  it('says nothing more for a unit with nothing printed', () => {
    const r = consistentReport();
    r.reviewLitigation['litigationAfterReview'] = [null, null, null, null, null];
    const group = checkReport(r).find((f) => f.rule === 'S4_GROUP_SUM')!;
    expect(group.message.zh).toMatch(/所需单元格空白。$/);
  });
});
