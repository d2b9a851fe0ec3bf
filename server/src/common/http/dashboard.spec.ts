import { isApiPath } from './dashboard.js';

describe('isApiPath', () => {
  it('keeps the API paths away from the dashboard fallback', () => {
    expect(isApiPath('/graphql')).toBe(true);
    expect(isApiPath('/api/uploads')).toBe(true);
    expect(isApiPath('/api')).toBe(true);
  });

  it('sends dashboard routes to the dashboard', () => {
    expect(isApiPath('/')).toBe(false);
    expect(isApiPath('/agencies/3')).toBe(false);
    expect(isApiPath('/reports/12/cells')).toBe(false);
    expect(isApiPath('/graphqlish')).toBe(false);
  });
});
