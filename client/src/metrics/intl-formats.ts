/**
 * Number and date formatters, made once per locale and options. Making an Intl formatter costs far more than
 * formatting with one, and a page at province scale formats tens of thousands of numbers (a table of 3,000
 * agencies, the basis words under each chart): made per call, they took a large share of a page's first drawing.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function made<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) cache.set(key, (format = make()));
  return format;
}

/** The `Intl.NumberFormat` of these locale and options (shared; never change it). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return made(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** The `Intl.DateTimeFormat` of these locale and options (shared; never change it). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return made(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}
