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

  it("bounds each file's parse by 20 s and the server's memory growth while parsing by 1,024 MB unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ parseTimeoutMs: 20_000, parserMaxGrowthMb: 1024 });
    expect(loadConfig({ PARSE_TIMEOUT_SECONDS: '5', PARSER_MAX_GROWTH_MB: '800' })).toMatchObject({ parseTimeoutMs: 5_000, parserMaxGrowthMb: 800 });
    expect(() => loadConfig({ PARSE_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
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

describe("collecting from agencies' sites", () => {
  it('is safe by default: no polling, public addresses only, bounded size, time and rate', () => {
    expect(loadConfig({}).collect).toEqual({
      pollEnabled: false,
      pollIntervalHours: 24,
      allowPrivateNetworks: false,
      allowedNetworks: [],
      maxBytes: 30 * 1024 * 1024,
      timeoutMs: 60_000,
      idleTimeoutMs: 20_000,
      hostIntervalMs: 1000,
    });
  });

  it('reads its variables, networks as a list', () => {
    const c = loadConfig({
      COLLECT_POLL_ENABLED: 'true',
      COLLECT_POLL_INTERVAL_HOURS: '6',
      COLLECT_ALLOW_PRIVATE_NETWORKS: 'yes',
      COLLECT_ALLOWED_NETWORKS: '10.20.0.0/16, fd00::/8',
      COLLECT_MAX_MB: '5',
      COLLECT_TIMEOUT_SECONDS: '10',
      COLLECT_IDLE_TIMEOUT_SECONDS: '3',
      COLLECT_HOST_INTERVAL_MS: '0',
    }).collect;
    expect(c).toMatchObject({
      pollEnabled: true,
      pollIntervalHours: 6,
      allowPrivateNetworks: true,
      maxBytes: 5 * 1024 * 1024,
      timeoutMs: 10_000,
      idleTimeoutMs: 3000,
      hostIntervalMs: 0,
    });
    expect(c.allowedNetworks.map((n) => n.prefix)).toEqual([16, 8]);
  });

  it('names a malformed network', () => {
    expect(() => loadConfig({ COLLECT_ALLOWED_NETWORKS: '10.0.0.0/8 intranet' })).toThrow(/COLLECT_ALLOWED_NETWORKS.*"intranet"/);
  });
});

describe('loadConfig: security', () => {
  it('defaults to cookies without Secure, 5 failures → 15 minutes locked, no first administrator', () => {
    expect(loadConfig({}).security).toMatchObject({
      cookieSecure: false,
      trustProxy: false,
      loginMaxFailures: 5,
      lockoutMinutes: 15,
      sessionIdleMinutes: 120,
      sessionMaxHours: 12,
      initialAdmin: null,
    });
  });

  it('reads the first administrator, HTTPS cookies and the proxy setting', () => {
    const s = loadConfig({ ADMIN_USERNAME: 'root.admin', ADMIN_PASSWORD: ' a long secret ', COOKIE_SECURE: 'true', TRUST_PROXY: 'loopback' }).security;
    expect(s.initialAdmin).toEqual({ username: 'root.admin', password: ' a long secret ', displayName: '管理员' });
    expect(s.cookieSecure).toBe(true);
    expect(s.trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).security.trustProxy).toBe(1);
  });

  it('refuses half an administrator, or one with a weak password, before anything starts', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problemsOf({ ADMIN_USERNAME: 'root.admin' })).toEqual([expect.stringMatching(/without ADMIN_PASSWORD/)]);
    expect(problemsOf({ ADMIN_PASSWORD: 'a long secret' })).toEqual([expect.stringMatching(/without ADMIN_USERNAME/)]);
    expect(problemsOf({ ADMIN_USERNAME: 'root.admin', ADMIN_PASSWORD: 'short' })).toEqual([expect.stringMatching(/at least 10 characters/)]);
    expect(problemsOf({ ADMIN_USERNAME: 'root admin', ADMIN_PASSWORD: 'a long secret' })).toEqual([expect.stringMatching(/username/i)]);
  });
});

describe('nestLogLevels', () => {
  it('includes the more severe levels', () => {
    expect(nestLogLevels('warn')).toEqual(['error', 'warn']);
  });
});
