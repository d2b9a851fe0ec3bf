/**
 * A closed set of @ogi/domain (an `as const` array) as a GraphQL enum: the values keep the spelling they are stored
 * and computed with, so the API, the database and the domain's types name one set once.
 */
import { registerEnumType } from '@nestjs/graphql';

export type ClosedSetEnum<V extends string> = { [K in V]: K };

export function closedSetEnum<const V extends string>(
  name: string,
  values: readonly V[],
  description: string,
  describeValue?: (value: V) => string,
): ClosedSetEnum<V> {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as ClosedSetEnum<V>;
  const valuesMap = describeValue
    ? (Object.fromEntries(values.map((v) => [v, { description: describeValue(v) }])) as Record<V, { description: string }>)
    : undefined;
  registerEnumType(enumObject, { name, description, valuesMap });
  return enumObject;
}
