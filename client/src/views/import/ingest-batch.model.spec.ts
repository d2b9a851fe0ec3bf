import { describe, expect, it } from 'vitest';
import { BATCH_POLL_MS, canResumeHere, filesNotShown, itemErrorText, nextPollDelay, rerunsFromAddresses, resumesFromCommandLine } from './ingest-batch.model';

describe('import batch rules', () => {
  it('asks again only while the batch runs', () => {
    expect(nextPollDelay({ status: 'running' })).toBe(BATCH_POLL_MS);
    expect(nextPollDelay({ status: 'done' })).toBeNull();
    expect(nextPollDelay({ status: 'interrupted' })).toBeNull();
    expect(nextPollDelay(null)).toBeNull();
  });

  it('offers "resume" for interrupted uploads and sample imports; command-line batches resume from the command line', () => {
    expect(canResumeHere({ status: 'interrupted', origin: 'upload' })).toBe(true);
    expect(canResumeHere({ status: 'interrupted', origin: 'seed' })).toBe(true);
    expect(canResumeHere({ status: 'interrupted', origin: 'cli' })).toBe(false);
    expect(canResumeHere({ status: 'running', origin: 'upload' })).toBe(false);
    expect(canResumeHere({ status: 'done', origin: 'upload' })).toBe(false);
    expect(resumesFromCommandLine({ status: 'interrupted', origin: 'cli' })).toBe(true);
    expect(resumesFromCommandLine({ status: 'interrupted', origin: 'upload' })).toBe(false);
    // An import from web addresses keeps no files: neither here nor on the command line, but by importing again.
    expect(canResumeHere({ status: 'interrupted', origin: 'url' })).toBe(false);
    expect(resumesFromCommandLine({ status: 'interrupted', origin: 'url' })).toBe(false);
    expect(rerunsFromAddresses({ status: 'interrupted', origin: 'url' })).toBe(true);
    expect(rerunsFromAddresses({ status: 'done', origin: 'url' })).toBe(false);
  });

  it('gives a failed file’s reason with its code', () => {
    expect(itemErrorText({ errorCode: 'NOT_AN_ANNUAL_REPORT', errorMessage: '该文件不是政府信息公开工作年度报告' })).toBe(
      '该文件不是政府信息公开工作年度报告 (NOT_AN_ANNUAL_REPORT)',
    );
    expect(itemErrorText({ errorCode: 'NO_TEXT_LAYER', errorMessage: null })).toBe('NO_TEXT_LAYER');
    expect(itemErrorText({ errorCode: null, errorMessage: null })).toBe('');
  });

  it('counts the files beyond the page', () => {
    expect(filesNotShown({ fileCount: 130 }, 100)).toBe(30);
    expect(filesNotShown({ fileCount: 3 }, 3)).toBe(0);
  });
});
