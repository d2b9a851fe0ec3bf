import { parsePostmasterPid } from './embedded-postgres.js';

describe('parsePostmasterPid', () => {
  it('reads the pid and the port of a postmaster.pid', () => {
    const text = '8436\n/work/main/.data/postgres\n1795900000\n38549\n\n127.0.0.1\n  5432001  1\nready   \n';
    expect(parsePostmasterPid(text)).toEqual({ pid: 8436, port: 38549 });
  });

  it('rejects a file that holds no pid', () => {
    expect(parsePostmasterPid('')).toBeNull();
    expect(parsePostmasterPid('garbage\n')).toBeNull();
  });
});
