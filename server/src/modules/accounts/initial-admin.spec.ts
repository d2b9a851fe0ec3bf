import { loadConfig } from '../../config/app-config.js';
import { initialAdminPlan } from './users.service.js';

describe('the first administrator', () => {
  const password = () => 'generated-once';

  it('is left alone once any administrator exists', () => {
    expect(initialAdminPlan(loadConfig({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'a long secret' }), 1, password)).toEqual({ action: 'exists' });
  });

  it('comes from ADMIN_USERNAME / ADMIN_PASSWORD when they are set', () => {
    expect(initialAdminPlan(loadConfig({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'a long secret' }), 0, password)).toEqual({
      action: 'create',
      admin: { username: 'ops', password: 'a long secret', displayName: '管理员' },
    });
  });

  it('is generated with a random password on the embedded database (a local start), never on an external one', () => {
    expect(initialAdminPlan(loadConfig({}), 0, password)).toEqual({
      action: 'generate',
      admin: { username: 'admin', displayName: '管理员', password: 'generated-once' },
    });
    expect(initialAdminPlan(loadConfig({ DATABASE_URL: 'postgres://u:p@db/ogi' }), 0, password)).toEqual({ action: 'missing' });
  });

  it('gets a password strong enough for the password rules by default', () => {
    const plan = initialAdminPlan(loadConfig({}), 0);
    expect(plan.action === 'generate' && plan.admin.password.length >= 20).toBe(true);
  });
});
