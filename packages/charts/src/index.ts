export * from './briefing-trend.option.js';
export * from './briefing-breakdown.option.js';
