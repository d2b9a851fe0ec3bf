import { describe, expect, it } from 'vitest';
import { highlightParts, matchingSentence } from './search-hit';

describe('a search hit', () => {
  it('shows the sentence that holds the words, not its neighbours', () => {
    const snippet = '…年度报告。本机关推进依申请公开工作规范化建设，办理流程进一步优化。下一年度将继续…';
    expect(matchingSentence(snippet, '规范化')).toBe('本机关推进依申请公开工作规范化建设，办理流程进一步优化。');
  });

  it('keeps a sentence cut by the snippet as far as the snippet goes', () => {
    expect(matchingSentence('…工作规范化建设，办理流程', '规范化')).toBe('工作规范化建设，办理流程');
  });

  it('marks every occurrence, ignoring case, and keeps the text as written', () => {
    expect(highlightParts('The GovInfo platform; govinfo again', 'govinfo')).toEqual([
      { text: 'The ', match: false },
      { text: 'GovInfo', match: true },
      { text: ' platform; ', match: false },
      { text: 'govinfo', match: true },
      { text: ' again', match: false },
    ]);
    expect(highlightParts('<script>公开</script>', '公开')).toEqual([
      { text: '<script>', match: false },
      { text: '公开', match: true },
      { text: '</script>', match: false },
    ]);
  });
});
