/**
 * The worker pool's bounds with real workers: a file past the time bound is stopped with TIMEOUT and a message
 * naming the bound; one group (an upload) cannot hold every worker; and the resident-memory watchdog stops the file
 * that needs the memory, while a file parsed beside it is parsed again alone and succeeds.
 */
import { ParserPool, type ParseOutcome } from '../src/pool.js';
import { memoryHungryHtml, slowPdf } from '../src/testing/hostile-files.js';
import { corpusCases } from './support/corpus.js';

const seed = corpusCases().find((c) => c.name === '000_ezhou_xzspj_2020')!;
const MB = 1024 * 1024;

const codeOf = (o: ParseOutcome) => (o.ok ? `ok ${o.report.agency}` : o.error.code);

describe('the time bound', () => {
  const pool = new ParserPool({ size: 1, timeoutMs: 2_000 });
  afterAll(() => pool.close());

  it('stops a file that parses too long with TIMEOUT, names the bound, and the next file is parsed', async () => {
    const slow = await pool.parse(slowPdf(), 'slow.pdf');
    expect(slow).toEqual({ ok: false, error: { code: 'TIMEOUT', message: expect.stringContaining('超过 2 秒，已停止，未导入') } });
    expect(pool.stats()).toMatchObject({ timedOut: 1, busy: 0, queued: 0 });
    expect(codeOf(await pool.parse(seed.bytes, seed.file))).toBe('ok 鄂州市行政审批局');
  }, 60_000);
});

describe('fair shares', () => {
  // Slow files are bounded only by a time far beyond the test: whoever waits for them waits long.
  const pool = new ParserPool({ size: 2, timeoutMs: 600_000, maxWorkersPerGroup: 1 });
  afterAll(() => pool.close());

  it("one upload's slow files leave a worker free: another upload's file is parsed while they all still run", async () => {
    const finished: string[] = [];
    const slow = Array.from({ length: 4 }, (_, i) => pool.parse(slowPdf(), `slow-${i}.pdf`, { group: 'upload-a' }).then(() => finished.push(`slow-${i}`)));
    const quick = await pool.parse(seed.bytes, seed.file, { group: 'upload-b' });
    expect(codeOf(quick)).toBe('ok 鄂州市行政审批局');
    expect(finished).toEqual([]);
    // The slow upload holds one worker, the other three wait for it.
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 3 });
    void Promise.allSettled(slow);
  }, 120_000);
});

describe('the resident-memory watchdog', () => {
  let pool: ParserPool;
  afterEach(() => pool.close());

  it('stops the file that needs the memory with FILE_TOO_LARGE; a file parsed beside it is parsed again alone and read', async () => {
    const hungry = memoryHungryHtml(20);
    // The bound: 150 MB of growth; the hungry file needs about 400 MB more.
    pool = new ParserPool({ size: 2, timeoutMs: 600_000, maxGrowthMb: 150, watchdogIntervalMs: 20 });
    const [big, report] = await Promise.all([pool.parse(hungry, 'hungry.html'), pool.parse(seed.bytes, seed.file)]);
    expect(big).toEqual({ ok: false, error: { code: 'FILE_TOO_LARGE', message: expect.stringContaining(`服务器内存超过上限（150 MB）`) } });
    expect(codeOf(report)).toBe('ok 鄂州市行政审批局');
    expect(pool.stats()).toMatchObject({ stoppedForMemory: 1, busy: 0, queued: 0 });
    // The pool carries on.
    expect(codeOf(await pool.parse(seed.bytes, seed.file))).toBe('ok 鄂州市行政审批局');
  }, 180_000);

  it('reads an ordinary file in a process whose memory is already high for other reasons', async () => {
    // 400 MB held by the process before the file starts (as a large download's garbage would be), written so that
    // it is resident: more than the whole bound, so a bound on the process's total would refuse the file.
    const held = Buffer.alloc(400 * MB, 1);
    pool = new ParserPool({ size: 1, timeoutMs: 600_000, maxGrowthMb: 150, watchdogIntervalMs: 20 });
    expect(codeOf(await pool.parse(seed.bytes, seed.file))).toBe('ok 鄂州市行政审批局');
    expect(pool.stats()).toMatchObject({ stoppedForMemory: 0 });
    expect(held[held.length - 1]).toBe(1);
  }, 180_000);
});
