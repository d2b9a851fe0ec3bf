/** GraphQL IDs are decimal strings of the database's integer keys; anything else names nothing. */
export const ID_PATTERN = /^[1-9]\d{0,8}$/;

export function parseId(id: string): number | null {
  return ID_PATTERN.test(id) ? Number(id) : null;
}

export const toId = (n: number): string => String(n);
