/** GraphQL IDs are decimal strings of the database's integer keys; anything else names nothing. */
export function parseId(id: string): number | null {
  return /^[1-9]\d{0,8}$/.test(id) ? Number(id) : null;
}

export const toId = (n: number): string => String(n);
