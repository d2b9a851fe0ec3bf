import { describe, expect, it } from 'vitest';
import { buildUpdateInput, formFromAgency, isHttpUrl, parseAliases, reportUrlProblem, validateAgencyForm } from './agency-edit.model';

const agency: Parameters<typeof formFromAgency>[0] = {
  id: '7',
  name: '鄂州市行政审批局',
  kind: 'department',
  level: 'city',
  listingUrl: null,
  aliases: ['鄂州市审批局'],
  parent: { id: '1', name: '鄂州市人民政府' },
};

describe('agency edit form', () => {
  it('starts from the agency as registered and changes nothing until edited', () => {
    const form = formFromAgency(agency);
    expect(form).toEqual({ name: '鄂州市行政审批局', kind: 'department', level: 'city', parentId: '1', listingUrl: '', aliasesText: '鄂州市审批局' });
    expect(validateAgencyForm(form, '7')).toEqual([]);
    expect(buildUpdateInput(agency, form)).toBeNull();
  });

  it('sends only what changed: a listing page, an alias added and one removed, level cleared', () => {
    const form = { ...formFromAgency(agency), listingUrl: ' https://www.ezhou.gov.cn/ndbg/ ', aliasesText: '鄂州市行政审批服务局\n', level: '' };
    expect(buildUpdateInput(agency, form)).toEqual({
      id: '7',
      level: null,
      listingUrl: 'https://www.ezhou.gov.cn/ndbg/',
      addAliases: ['鄂州市行政审批服务局'],
      removeAliases: ['鄂州市审批局'],
    });
  });

  it('renames, moves under another government, and clears the listing page', () => {
    const registered = { ...agency, listingUrl: 'https://a.gov.cn/' };
    const form = { ...formFromAgency(registered), name: '鄂州市 政务服务局', parentId: null, listingUrl: '', kind: 'government' };
    expect(buildUpdateInput(registered, form)).toEqual({ id: '7', name: '鄂州市政务服务局', kind: 'government', parentId: null, listingUrl: null });
  });

  it('reads aliases one a line (or separated by commas or 、), without spaces, once each', () => {
    expect(parseAliases('鄂州市审批局\n\n 鄂州 审批局 、鄂州市行政审批服务局，鄂州市审批局')).toEqual(['鄂州市审批局', '鄂州审批局', '鄂州市行政审批服务局']);
  });

  it('tells the clerk what is wrong before sending', () => {
    const form = { ...formFromAgency(agency), name: '局', parentId: '7', listingUrl: 'www.ezhou.gov.cn', aliasesText: '鄂州市行政审批局\n审' };
    expect(validateAgencyForm(form, '7')).toEqual([
      { field: 'name', code: 'nameLength' },
      { field: 'parentId', code: 'parentSelf' },
      { field: 'listingUrl', code: 'urlInvalid' },
      { field: 'aliasesText', code: 'aliasLength', alias: '审' },
    ]);
    const sameAsName = { ...formFromAgency(agency), aliasesText: '鄂州市行政审批局' };
    expect(validateAgencyForm(sameAsName, '7')).toEqual([{ field: 'aliasesText', code: 'aliasIsName', alias: '鄂州市行政审批局' }]);
    expect(validateAgencyForm({ ...formFromAgency(agency), kind: 'ministry', level: 'village' }, '7')).toEqual([
      { field: 'kind', code: 'kindUnknown' },
      { field: 'level', code: 'levelUnknown' },
    ]);
  });

  it('accepts only absolute http(s) addresses', () => {
    expect(isHttpUrl('https://www.ezhou.gov.cn/zfxxgk/ndbg/')).toBe(true);
    expect(isHttpUrl('http://10.1.2.3:8080/ndbg')).toBe(true);
    expect(isHttpUrl('ftp://files.gov.cn/x')).toBe(false);
    expect(isHttpUrl('www.ezhou.gov.cn')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });

  it('checks a year’s report address: a data year and an http(s) address', () => {
    const years = [2022, 2023, 2024];
    expect(reportUrlProblem(2023, ' https://www.ezhou.gov.cn/ndbg/2023.html ', years)).toBeNull();
    expect(reportUrlProblem(null, 'https://www.ezhou.gov.cn/ndbg/2023.html', years)).toBe('yearMissing');
    expect(reportUrlProblem(2030, 'https://www.ezhou.gov.cn/ndbg/2030.html', years)).toBe('yearMissing');
    expect(reportUrlProblem(2023, 'ndbg/2023.html', years)).toBe('urlInvalid');
  });
});
