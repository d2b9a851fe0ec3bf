import { editDistance, parentGovernmentCandidates, placeSegments, proposeAgencyMatch } from '../src/index.js';

const REGISTRY = [
  { id: 1, names: ['淮安市人民政府'] },
  { id: 2, names: ['淮安市洪泽区人民政府'] },
  { id: 3, names: ['沭阳县发展和改革局'] },
  { id: 4, names: ['淮安市洪泽区交通运输局'] },
  { id: 5, names: ['淮安市清江浦区交通运输局'] },
];

describe('place segments of a name', () => {
  it.each([
    ['淮安市洪泽区交通运输局', ['淮安市', '洪泽区']],
    ['江苏省淮安市人民政府', ['江苏省', '淮安市']],
    ['淮安市市场监督管理局', ['淮安市']],
    ['宿迁市沭阳县扎下镇人民政府', ['宿迁市', '沭阳县', '扎下镇']],
    ['国家统计局', []],
  ])('%s → %j', (name, segments) => {
    expect(placeSegments(name)).toEqual(segments);
  });
});

describe('the government an agency belongs to, from its name', () => {
  it('a department belongs to the government of its place, most specific first', () => {
    expect(parentGovernmentCandidates('淮安市洪泽区交通运输局', 'department')).toEqual(['淮安市洪泽区人民政府', '洪泽区人民政府', '淮安市人民政府']);
  });

  it('a government belongs to the government of the enclosing place', () => {
    expect(parentGovernmentCandidates('淮安市洪泽区人民政府', 'government')).toEqual(['淮安市人民政府']);
    expect(parentGovernmentCandidates('淮安市人民政府', 'government')).toEqual([]);
  });

  it('a name without a place has no parent candidate', () => {
    expect(parentGovernmentCandidates('国家统计局', 'department')).toEqual([]);
  });
});

describe('proposing a registered agency for an unknown printed name', () => {
  it('a shortened print of a registered name (place names left off)', () => {
    expect(proposeAgencyMatch('洪泽区人民政府', REGISTRY)).toEqual({ id: 2, name: '淮安市洪泽区人民政府', reason: 'shortened' });
    expect(proposeAgencyMatch('洪泽区交通运输局', REGISTRY)).toEqual({ id: 4, name: '淮安市洪泽区交通运输局', reason: 'shortened' });
  });

  it('a longer print of a registered name (a place name added)', () => {
    expect(proposeAgencyMatch('宿迁市沭阳县发展和改革局', REGISTRY)).toEqual({ id: 3, name: '沭阳县发展和改革局', reason: 'shortened' });
  });

  it('an OCR typo of one character', () => {
    expect(proposeAgencyMatch('沐阳县发展和改革局', REGISTRY)).toEqual({ id: 3, name: '沭阳县发展和改革局', reason: 'typo' });
  });

  it('proposes nothing when several agencies fit equally, or none does', () => {
    // 交通运输局 ends the names of both 洪泽区's and 清江浦区's bureaus: ambiguous.
    expect(proposeAgencyMatch('交通运输局', REGISTRY)).toBeNull();
    expect(proposeAgencyMatch('淮安市教育局', REGISTRY)).toBeNull();
    // A different department of the same place is not a typo of another (two characters differ).
    expect(proposeAgencyMatch('淮安市洪泽区水利局', REGISTRY)).toBeNull();
  });

  it('matches aliases too, and names the agency by its canonical name', () => {
    const registry = [{ id: 9, names: ['淮安市洪泽区人民政府', '洪泽县人民政府'] }];
    expect(proposeAgencyMatch('淮安市洪泽县人民政府', registry)).toEqual({ id: 9, name: '淮安市洪泽区人民政府', reason: 'shortened' });
  });
});

describe('edit distance', () => {
  it('counts single-character edits and gives up past the limit', () => {
    expect(editDistance('沭阳县', '沐阳县')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'ab', 2)).toBe(3);
  });
});
