import { describe, expect, it } from 'vitest';
import { wholeScope } from './whole-scope';

const gov = (level: string | null) => ({ kind: 'government', level });

describe('the name of the whole scope', () => {
  it('is the province, the city or the county the registry is the top of', () => {
    expect(wholeScope([gov('province')], null)).toEqual({ key: 'picker.wholeProvince' });
    expect(wholeScope([gov('city'), { kind: 'department', level: 'city' }], null)).toEqual({ key: 'picker.all' });
    expect(wholeScope([gov('city')], null)).toEqual({ key: 'picker.wholeCity' });
    expect(wholeScope([gov('county'), gov('county')], null)).toEqual({ key: 'picker.wholeCounty' });
  });

  it('is “all agencies” for several regions side by side, or none known yet', () => {
    expect(wholeScope([gov('city'), gov('county')], null)).toEqual({ key: 'picker.all' });
    expect(wholeScope([], null)).toEqual({ key: 'picker.all' });
  });

  it('is the department user’s own agency, whatever the registry', () => {
    expect(wholeScope([gov('province')], '鄂州市行政审批局')).toEqual({ name: '鄂州市行政审批局' });
  });
});
