export * from './briefing-trend.option.js';
