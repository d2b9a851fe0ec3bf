import { ConfigError, loadConfig, nestLogLevels } from './app-config.js';

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded database, 30 MB uploads', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
    expect(c.uploadMaxBytes).toBe(30 * 1024 * 1024);
    expect(c.dataDir).toMatch(/\.data$/);
    expect(c.seedWhenEmpty).toBe(true);
  });

  it('reads the variables it documents', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/ogi', PORT: '8080', LOG_LEVEL: 'debug', DATA_DIR: '/tmp/x' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/ogi', port: 8080, logLevel: 'debug', dataDir: '/tmp/x' });
  });

  it('names every invalid variable at once', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    const problems = (() => {
      try {
        attempt();
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    })();
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^DATABASE_URL/), expect.stringMatching(/^LOG_LEVEL/), expect.stringMatching(/^PORT/)]),
    );
    expect(problems).toHaveLength(3);
  });
});

describe('nestLogLevels', () => {
  it('includes the more severe levels', () => {
    expect(nestLogLevels('warn')).toEqual(['error', 'warn']);
  });
});
