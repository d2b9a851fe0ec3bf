import { describe, expect, it } from 'vitest';
import { describeCellPath } from './cell-path';

describe('the name of a cell', () => {
  it('names a field of section 二 in the report’s own format', () => {
    expect(describeCellPath('activeDisclosure.normativeDocuments.issued', '2021')).toEqual({
      label: '行政规范性文件 · 本年制发件数',
      en: 'Normative documents · issued this year',
    });
  });

  it('names a field of the 2019 format where a list across reports assumes the 2021 one', () => {
    expect(describeCellPath('activeDisclosure.normativeDocuments.made', '2021')).toEqual({
      label: '规范性文件 · 本年新制作数量',
      en: 'Normative documents · made this year',
    });
    expect(describeCellPath('activeDisclosure.normativeDocuments.totalPublished', '2021')?.label).toBe('规范性文件 · 对外公开总数量');
  });

  it('knows nothing of a path outside the formats', () => {
    expect(describeCellPath('activeDisclosure.normativeDocuments.invented', '2021')).toBeNull();
  });
});
