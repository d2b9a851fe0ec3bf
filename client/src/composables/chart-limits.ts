/** Most agencies a bar chart draws: the highest. The compare page's table has them all; the outcomes page asks the server for these only. */
export const BAR_LIMIT = 200;
