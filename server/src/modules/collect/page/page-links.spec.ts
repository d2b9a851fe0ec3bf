import { annualReportYear, attachmentKind, linkReportYear, readPageLinks } from './page-links.js';

describe('reading the links of a page', () => {
  const page = `<!doctype html><html><head><meta charset="gbk"><title>年报</title>
    <script>var a = '<a href="/evil">x</a>';</script></head><body>
    <ul class="list">
      <li><a href="./202501/t20250120_1.html" title="淮安市教育局2024年政府信息公开工作年度报告">淮安市教育局2024年政府信息公开工作年...</a><span>2025-01-20</span></li>
      <li><a href="../old/t2.html#top"><span>2023年</span>&nbsp;<b>政府信息公开</b>工作年度报告</a></li>
      <li><a href="javascript:void(0)">打印</a><a href="mailto:x@y.cn">联系我们</a></li>
      <li><a href="./202501/t20250120_1.html">重复的链接</a></li>
      <li><a href="ftp://files.example/x.pdf">ftp</a></li>
    </ul></body></html>`;

  it('resolves links against the page, keeps text and title, drops script text, fragments and non-http links', () => {
    const { links } = readPageLinks(page, 'https://www.example.gov.cn/zwgk/nb/index.html');
    expect(links).toEqual([
      {
        url: 'https://www.example.gov.cn/zwgk/nb/202501/t20250120_1.html',
        text: '淮安市教育局2024年政府信息公开工作年...',
        title: '淮安市教育局2024年政府信息公开工作年度报告',
      },
      { url: 'https://www.example.gov.cn/zwgk/old/t2.html', text: '2023年 政府信息公开工作年度报告', title: null },
    ]);
  });

  it('honours <base href> and reads a meta refresh target', () => {
    const html = `<html><head><base href="https://files.example.gov.cn/a/"><meta http-equiv="Refresh" content="0; URL='next/page.html'"></head>
      <body><a href="r.pdf">附件</a></body></html>`;
    expect(readPageLinks(html, 'https://www.example.gov.cn/x/y.html')).toEqual({
      title: '',
      links: [{ url: 'https://files.example.gov.cn/a/r.pdf', text: '附件', title: null }],
      refreshUrl: 'https://files.example.gov.cn/a/next/page.html',
      nextPageUrl: null,
    });
  });
});

describe('the next page of a paged listing', () => {
  const listing = (pager: string) =>
    `<html><body><ul><li><a href="t1.html">2024年政府信息公开工作年度报告</a></li></ul><div class="page">${pager}</div></body></html>`;
  const at = 'https://www.example.gov.cn/zwgk/nb/index_1.html';

  it('follows a 下一页 link, with or without arrows, and not 上一页, 尾页 or page numbers', () => {
    expect(readPageLinks(listing('<a href="index.html">上一页</a><a href="index_2.html">下一页&gt;</a><a href="index_9.html">尾页</a>'), at).nextPageUrl).toBe(
      'https://www.example.gov.cn/zwgk/nb/index_2.html',
    );
    expect(readPageLinks(listing('<a href="?page=3"> Next » </a>'), at).nextPageUrl).toBe('https://www.example.gov.cn/zwgk/nb/index_1.html?page=3');
    expect(readPageLinks(listing('<a href="index.html">上一页</a><a href="index_2.html">3</a><a href="index_9.html">尾页</a>'), at).nextPageUrl).toBeNull();
  });

  it('reads the pager script of the common content systems as text, up to its last page', () => {
    const script = (count: number, current: number) => `<script>createPageHTML(${count}, ${current}, "index", "html");</script>`;
    expect(readPageLinks(listing(script(4, 1)), at).nextPageUrl).toBe('https://www.example.gov.cn/zwgk/nb/index_2.html');
    expect(readPageLinks(listing(script(4, 0)), 'https://www.example.gov.cn/zwgk/nb/').nextPageUrl).toBe('https://www.example.gov.cn/zwgk/nb/index_1.html');
    expect(readPageLinks(listing(script(4, 3)), at).nextPageUrl).toBeNull();
    expect(readPageLinks(listing(script(1, 0)), at).nextPageUrl).toBeNull();
  });

  it('does not take a link to the page itself for a next page', () => {
    expect(readPageLinks(listing('<a href="index_1.html">下一页</a>'), at).nextPageUrl).toBeNull();
  });
});

describe('which links are annual reports', () => {
  it.each([
    ['淮安市人民政府2024年政府信息公开工作年度报告', 2024],
    ['2023年度政府信息公开工作年度报告', 2023],
    ['沭阳县发改局2022年政府信息公开年报', 2022],
    ['关于公布2021年政府信息公开工作年度报...', 2021],
    ['政府信息公开工作年度报告（2020年）', 2020],
    ['政府信息公开工作年度报告 2019', 2019],
  ])('%s is the report on %i', (title, year) => {
    expect(annualReportYear(title)).toBe(year);
  });

  it('reads the year from the full title when the text is cut short', () => {
    expect(
      linkReportYear({
        url: 'https://x.gov.cn/1.html',
        text: '平潭综合实验区2023年度政府信息公开工作年...',
        title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      }),
    ).toBe(2023);
    expect(linkReportYear({ url: 'https://x.gov.cn/1.html', text: '2022年政府信息公开年报', title: '点击查看' })).toBe(2022);
  });

  it.each(['2024年企业年报公示', '2023年统计年报', '2024年部门决算公开', '政府信息公开工作年度报告', '2024年工作总结', '联系我们'])(
    '%s is not one',
    (title) => {
      expect(annualReportYear(title)).toBeNull();
    },
  );
});

describe('which links are attachments', () => {
  const link = (url: string, text: string) => ({ url, text, title: null });
  it('recognises attachments by extension, by the text, and by 附件/下载', () => {
    expect(attachmentKind(link('https://x.gov.cn/files/2024nb.PDF', '点击查看'))).toBe('pdf');
    expect(attachmentKind(link('https://x.gov.cn/files/%E5%B9%B4%E6%8A%A5.docx', '年报'))).toBe('docx');
    expect(attachmentKind(link('https://x.gov.cn/download?id=12', '附件：2024年报.pdf'))).toBe('pdf');
    expect(attachmentKind(link('https://x.gov.cn/attach/123', '附件下载'))).toBe('download');
    expect(attachmentKind(link('https://x.gov.cn/files/a.wps', 'a'))).toBe('wps');
    expect(attachmentKind(link('https://x.gov.cn/files/2024nb.xlsx', '年报统计表'))).toBe('xlsx');
    expect(attachmentKind(link('https://x.gov.cn/download?id=7', '附件：2024年报.xls'))).toBe('xls');
    expect(attachmentKind(link('https://x.gov.cn/getfile?id=9', '点击下载'))).toBe('download');
  });

  it('does not take pages or other links for attachments', () => {
    expect(attachmentKind(link('https://x.gov.cn/zwgk/t1.html', '下载中心'))).toBeNull();
    expect(attachmentKind(link('https://x.gov.cn/xzzx/', '下载中心'))).toBeNull();
    expect(attachmentKind(link('https://x.gov.cn/app', '客户端下载'))).toBeNull();
    expect(attachmentKind(link('https://x.gov.cn/zwgk/t1.html', '2024年政府信息公开工作年度报告'))).toBeNull();
    expect(attachmentKind(link('https://x.gov.cn/pdfviewer', '首页'))).toBeNull();
  });
});
