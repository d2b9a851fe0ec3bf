/**
 * The bulk download over real HTTP on the hand-built province of helpers/analytics-fixture.ts: the ZIP of CSVs and
 * the ZIP of Parquet files read back (Parquet with hyparquet, an independent reader), with the same numbers as the
 * `compare` query and as the fixture's table; a department user's download holds its agency only; the data
 * dictionary names every column of every file; bad parameters are refused with a clear message.
 */
import { parquetReadObjects } from 'hyparquet';
import { unzipSync } from 'fflate';
import { CITY_EDU, CITY_POLICE, DISTRICT_EDU, REPORTS, loadFixture } from './helpers/analytics-fixture.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let id: Record<string, string>;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  id = await loadFixture(t.dataSource);
  const created = await t.gql<{ createAccessToken: { token: string } }>('mutation { createAccessToken(input: { name: "bulk" }) { token } }');
  token = created.data!.createAccessToken.token;
});

afterAll(async () => {
  await t?.close();
});

/** RFC 4180 as the download writes it: the header, then rows of strings ('' for a missing value). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

async function download(path: string, auth = token): Promise<{ status: number; files: Record<string, Uint8Array>; headers: Headers; body?: unknown }> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${auth}` } });
  if (res.status !== 200) return { status: res.status, files: {}, headers: res.headers, body: await res.json() };
  return { status: 200, files: unzipSync(new Uint8Array(await res.arrayBuffer())), headers: res.headers };
}

const csvOf = (files: Record<string, Uint8Array>, name: string) => parseCsv(new TextDecoder().decode(files[`${name}.csv`]));
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

describe('GET /api/exports/dataset.zip', () => {
  it('holds every table as UTF-8 CSV, with the numbers of the fixture and of compare', async () => {
    const { status, files, headers } = await download('/api/exports/dataset.zip');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/zip');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="ogi-dataset-csv-\d{4}-\d{2}-\d{2}\.zip"/);
    expect(Object.keys(files).sort()).toEqual(
      ['agencies', 'cells', 'data_dictionary', 'findings', 'metric_definitions', 'metric_values', 'narrative_facts', 'reports'].map((n) => `${n}.csv`),
    );

    // One current report per fixture row (甲市公安局 2022 is missing), with its agency.
    const reports = csvOf(files, 'reports');
    expect(reports.length).toBe(REPORTS.length);
    const police2023 = reports.find((r) => r['agency_id'] === id[CITY_POLICE] && r['year'] === '2023')!;
    expect(police2023).toMatchObject({ agency_name: CITY_POLICE, published_on: '', scope: 'self' });
    // Its printed 予以公开 total (6) is not 5 = the sum of its parts: a failed check.
    expect(Number(police2023['failed_checks'])).toBeGreaterThan(0);
    expect(reports.find((r) => r['agency_id'] === id['甲市乙区人民政府'] && r['year'] === '2023')!['scope']).toBe('region_aggregate');

    const agencies = csvOf(files, 'agencies');
    expect(agencies.find((a) => a['agency_id'] === id[DISTRICT_EDU])).toMatchObject({
      name: DISTRICT_EDU,
      kind: 'department',
      parent_id: id['甲市乙区人民政府'],
      parent_name: '甲市乙区人民政府',
      depth: '2',
      path: `甲市人民政府 / 甲市乙区人民政府 / ${DISTRICT_EDU}`,
    });

    // 新收 of 甲市教育局 2023 is 40 in the fixture: as a metric and as the 总计 cell of its row.
    const values = csvOf(files, 'metric_values');
    const cityEdu2023 = reports.find((r) => r['agency_id'] === id[CITY_EDU] && r['year'] === '2023')!['report_id'];
    expect(values.find((v) => v['report_id'] === cityEdu2023 && v['metric'] === 'applications.new')).toMatchObject({
      value: '40',
      quality: 'VERIFIED',
      printed_value: '40',
      parts_value: '40',
      template: '2021',
      report_checks: 'ok',
      report_scope: 'self',
    });
    expect(values.find((v) => v['report_id'] === police2023['report_id'] && v['metric'] === 'applications.new')!['report_checks']).toBe('checks_failed');
    // Its 予以公开 total is printed 6 while its parts give 5: the disclosure rate rests on a contradicted total.
    expect(values.find((v) => v['report_id'] === police2023['report_id'] && v['metric'] === 'outcomes.disclosureRate')).toMatchObject({
      quality: 'CONTRADICTED',
      report_checks: 'checks_failed',
    });
    const cells = csvOf(files, 'cells').filter((c) => c['report_id'] === cityEdu2023 && c['section'] === 'applications' && c['row_key'] === 'newReceived');
    expect(cells.map((c) => num(c['value'])).sort((a, b) => b! - a!)[0]).toBe(40);
    expect(cells.every((c) => ['NUMERIC', 'ZERO', 'EMPTY', 'NA', 'TEXT'].includes(c['state']!))).toBe(true);

    // Every value compare answers for these metrics is in the download, the same.
    const metrics = ['applications.new', 'outcomes.disclosureRate', 'applicants.legalPersonShare'];
    const compared = await t.gql<{
      compare: {
        values: {
          year: number;
          metric: string;
          value: number | null;
          numerator: number | null;
          denominator: number | null;
          quality: string;
          reportId: string | null;
        }[];
      };
    }>(
      'query($m: [String!]!) { compare(selection: {}, years: [2022, 2023], metrics: $m) { values { year metric value numerator denominator quality reportId } } }',
      {
        m: metrics,
      },
    );
    const fromCompare = compared.data!.compare.values.filter((v) => v.reportId !== null);
    expect(fromCompare.length).toBe(REPORTS.length * metrics.length);
    for (const v of fromCompare) {
      const row = values.find((r) => r['report_id'] === v.reportId && r['metric'] === v.metric);
      expect({
        report: v.reportId,
        metric: v.metric,
        value: num(row?.['value']),
        numerator: num(row?.['numerator']),
        denominator: num(row?.['denominator']),
        quality: row?.['quality'],
      }).toEqual({
        report: v.reportId,
        metric: v.metric,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        quality: v.quality,
      });
    }

    // The narrative fact of 甲市乙区教育局 2023 comes with its sentence.
    expect(csvOf(files, 'narrative_facts').every((f) => f['sentence'] !== '')).toBe(true);
  });

  it('has a data dictionary naming every column of every file, in Chinese and English', async () => {
    const { files } = await download('/api/exports/dataset.zip');
    const dictionary = csvOf(files, 'data_dictionary');
    for (const [file, bytes] of Object.entries(files)) {
      const table = file.replace(/\.csv$/, '');
      const header = new TextDecoder().decode(bytes).split('\r\n')[0]!.split(',');
      const described = dictionary.filter((d) => d['table_name'] === table && d['column_name'] !== '');
      expect({ table, columns: described.map((d) => d['column_name']) }).toEqual({ table, columns: header });
      expect(described.every((d) => d['description_zh'] !== '' && d['description_en'] !== '')).toBe(true);
    }
    expect(csvOf(files, 'metric_definitions').find((m) => m['metric'] === 'applications.new')?.['name_zh']).toBeTruthy();
  });

  it('holds the same data as typed Parquet files', async () => {
    const [csv, parquet] = await Promise.all([download('/api/exports/dataset.zip?format=csv'), download('/api/exports/dataset.zip?format=parquet')]);
    expect(Object.keys(parquet.files).sort()).toEqual(
      Object.keys(csv.files)
        .map((f) => f.replace(/\.csv$/, '.parquet'))
        .sort(),
    );
    const read = async (name: string) => {
      const bytes = parquet.files[`${name}.parquet`]!;
      return parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    };
    for (const name of ['agencies', 'reports', 'cells', 'metric_values', 'findings', 'narrative_facts']) {
      expect({ name, rows: (await read(name)).length }).toEqual({ name, rows: csvOf(csv.files, name).length });
    }
    const values = await read('metric_values');
    const csvValues = csvOf(csv.files, 'metric_values');
    for (const row of values) {
      expect(typeof row['report_id']).toBe('number');
      expect(typeof row['year']).toBe('number');
      const same = csvValues.find((c) => Number(c['report_id']) === row['report_id'] && c['metric'] === row['metric'])!;
      expect([row['value'], row['numerator'], row['denominator']]).toEqual([num(same['value']), num(same['numerator']), num(same['denominator'])]);
    }
    const agencies = await read('agencies');
    expect(agencies.find((a) => String(a['agency_id']) === id[DISTRICT_EDU])).toMatchObject({ name: DISTRICT_EDU, depth: 2 });
    const cells = await read('cells');
    expect(cells.some((c) => typeof c['uncertain'] === 'boolean' && typeof c['confidence'] === 'number')).toBe(true);
  });

  it('narrows to a selection and years', async () => {
    const { files, headers } = await download(`/api/exports/dataset.zip?agencyIds=${id[CITY_EDU]},${id[DISTRICT_EDU]}&years=2023`);
    expect(headers.get('x-dataset-reports')).toBe('2');
    expect(
      csvOf(files, 'reports')
        .map((r) => `${r['agency_name']} ${r['year']}`)
        .sort(),
    ).toEqual([`${CITY_EDU} 2023`, `${DISTRICT_EDU} 2023`].sort());
    expect(new Set(csvOf(files, 'cells').map((c) => c['agency_id']))).toEqual(new Set([id[CITY_EDU], id[DISTRICT_EDU]]));
  });

  it("gives a department user its own agency's data only", async () => {
    const clerk = await t.signInAs('department', { agencyId: Number(id[CITY_EDU]) });
    const clerkToken = (await clerk.gql<{ createAccessToken: { token: string } }>('mutation { createAccessToken(input: { name: "dept bulk" }) { token } }'))
      .data!.createAccessToken.token;
    const { files } = await download('/api/exports/dataset.zip', clerkToken);
    expect(csvOf(files, 'agencies').map((a) => a['name'])).toEqual([CITY_EDU]);
    expect(new Set(csvOf(files, 'metric_values').map((v) => v['agency_id']))).toEqual(new Set([id[CITY_EDU]]));
    // Naming another agency is refused as unknown, not answered.
    const other = await download(`/api/exports/dataset.zip?agencyIds=${id[CITY_POLICE]}`, clerkToken);
    expect(other.status).toBe(404);
  });

  it('refuses an unknown format or a bad year with a clear message, and strangers', async () => {
    const format = await download('/api/exports/dataset.zip?format=xlsx');
    expect(format.status).toBe(400);
    expect(JSON.stringify(format.body)).toContain('只能是 csv 或 parquet');
    expect((await download('/api/exports/dataset.zip?years=1900')).status).toBe(400);
    expect((await t.anonymous.fetch('/api/exports/dataset.zip')).status).toBe(401);
  });
});
