/** Most agencies a bar chart draws: the highest; the table (and the chart's data export) has them all. */
export const BAR_LIMIT = 200;
