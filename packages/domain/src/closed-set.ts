/** Whether a string read from outside (a URL, a form, a file) is one of a closed set's values. */
export function isOneOf<V extends string>(values: readonly V[], value: string): value is V {
  return (values as readonly string[]).includes(value);
}
