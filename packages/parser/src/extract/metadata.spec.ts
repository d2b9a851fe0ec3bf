import { readLines } from '../read/read-lines.js';
import { arabicDates, readMetadata } from './metadata.js';

const meta = (text: string) => readMetadata(readLines(text, 'utf-8'));

describe('metadata as printed', () => {
  it.each([
    ['淮安市人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况', '淮安市人民政府', 2024],
    ['2024 年上海市科委政府信息公开工作\n年度报告', '上海市科委', 2024],
    ['沭阳县发展和改革局2023年政府信息公开年度报告', '沭阳县发展和改革局', 2023],
    ['某某市财政局政府信息公开工作2023年度报告', '某某市财政局', 2023],
    ['2022年某某区教育局政府信息公开年报', '某某区教育局', 2022],
    ['当前位置：首页 政务公开 年报 平潭综合实验区2021年度政府信息公开工作年度报告 来源：平潭县人民政府', '平潭综合实验区', 2021],
    ['某某县人民政府\n二〇二三年政府信息公开工作年度报告', '某某县人民政府', 2023],
  ])('title %j', (text, agency, year) => {
    expect(meta(text)).toMatchObject({ agency, year });
  });

  it('takes the agency from the signature when the page prints no title, and never the site chrome', () => {
    const m = meta(
      '来源: | 某某市行政审批局 | 发布日期: | 2021年01月24日 |\n一、总体情况\n本报告统计期限自2020年1月1日起。\n某某市行政审批局\n2021年1月24日\n主办单位：某某市数据局',
    );
    expect(m).toEqual(expect.objectContaining({ agency: '某某市行政审批局', year: 2020, publishedOn: '2021-01-24' }));
  });

  it('reads a signature date written in Chinese numerals', () => {
    const m = meta('某某市统计局2024年政府信息公开工作年度报告\n一、总体情况\n……\n某某市统计局\n二〇二五年一月二十一日');
    expect(m.publishedOn).toBe('2025-01-21');
  });

  it('ignores crawl and page-generation times, and dates before the data year', () => {
    const m = meta('采集时间：2025-12-30\n页面生成时间 2024-05-28\n某某县民政局2023年政府信息公开工作年度报告\n2023年1月5日召开会议。');
    expect(m.publishedOn).toBeNull();
  });

  it('takes a page’s bare 日期 label, but never a statistics or deadline date', () => {
    expect(meta('日期：2024年01月20日\n某某市司法局2023年政府信息公开工作年度报告\n一、总体情况').publishedOn).toBe('2024-01-20');
    expect(meta('统计日期：2024年01月05日\n截止日期：2024-01-31\n某某市司法局2023年政府信息公开工作年度报告').publishedOn).toBeNull();
  });

  it('converts Chinese-numeral years, months and days', () => {
    expect(arabicDates('二〇二四年十二月三十一日')).toBe('2024年12月31日');
    expect(arabicDates('二零二五年一月十日')).toBe('2025年1月10日');
    expect(arabicDates('全年召开三次会议')).toBe('全年召开三次会议');
  });
});
