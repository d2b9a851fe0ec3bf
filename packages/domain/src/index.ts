export * from './report-layout.js';
export * from './parsed-report.js';
export * from './errors.js';
export * from './deadlines.js';
export * from './metrics.js';
export * from './consistency/finding.js';
export * from './consistency/check-report.js';
export * from './roles.js';
