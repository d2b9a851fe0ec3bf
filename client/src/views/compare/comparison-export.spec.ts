import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, parseDashboardQuery } from '../../filters/dashboard-filters';
import { comparisonExportUrl } from './comparison-export';

const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('the comparison export link', () => {
  it('asks for everything under an agency, of the chosen levels, as the page shows it', () => {
    // The page at /compare?parent=7&descendants=1&kinds=department&levels=county&years=2023,2024&metrics=…
    const filters = parseDashboardQuery({
      parent: '7',
      descendants: '1',
      kinds: 'department',
      levels: 'county',
      years: '2023,2024',
      metrics: 'applications.handled',
    });
    const url = comparisonExportUrl('csv', filters.selection, filters.years, filters.metrics, 'zh');
    expect(url.startsWith('/api/exports/comparison.csv?')).toBe(true);
    expect(params(url)).toEqual({
      parentId: '7',
      includeDescendants: 'true',
      kinds: 'department',
      levels: 'county',
      years: '2023,2024',
      metrics: 'applications.handled',
      lang: 'zh',
    });
  });

  it('names the chosen agencies only, never a parent as well', () => {
    const url = comparisonExportUrl('xlsx', { ...EMPTY_SELECTION, agencyIds: ['3', '5'], levels: ['city'] }, [2024], ['disclosure.rate'], 'en');
    expect(params(url)).toEqual({ agencyIds: '3,5', levels: 'city', years: '2024', metrics: 'disclosure.rate', lang: 'en' });
  });

  it('covers every agency when nothing is chosen', () => {
    const url = comparisonExportUrl('csv', EMPTY_SELECTION, [2024], ['applications.handled'], 'zh');
    expect(params(url)).toEqual({ years: '2024', metrics: 'applications.handled', lang: 'zh' });
  });
});
