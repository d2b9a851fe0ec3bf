import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type { Messages };

/** The UI languages. Chinese first: it is the default and the fallback. */
export const LOCALES = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l.code === value);
}

/** Every dotted path to a string in the catalogue, e.g. `reportList.columns.agency`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type MessageParams = Record<string, string | number>;

/**
 * A message with a singular and a plural form, `{count} report | {count} reports` (English needs them; Chinese
 * does not): the form follows the number of the message's last placeholder, the one next to the counted noun —
 * singular for exactly 1.
 */
function pluralForm(template: string, params?: MessageParams): string {
  const forms = template.split(' | ');
  if (forms.length !== 2) return template;
  const counted = [...forms[1]!.matchAll(/\{(\w+)\}/g)].at(-1)?.[1];
  const n = counted !== undefined ? Number(params?.[counted]) : NaN;
  return n === 1 ? forms[0]! : forms[1]!;
}

/** Looks a key up and fills `{name}` placeholders. An unknown placeholder is left as written. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const template = pluralForm(typeof node === 'string' ? node : key, params);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
