import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { SCHEMA_FILE, buildSchemaText } from './graphql-schema.js';

describe('server/schema.gql', () => {
  it('is up to date with the resolvers (run `pnpm --filter @ogi/server build` and commit it)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await buildSchemaText());
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = buildSchema(await buildSchemaText());
    const undocumented: string[] = [];
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) {
        if (!type.description) undocumented.push(type.name);
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        continue;
      }
      if (isEnumType(type)) {
        if (!type.description) undocumented.push(type.name);
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
        continue;
      }
      if (!isObjectType(type)) continue;
      if (!type.description && !roots.includes(type)) undocumented.push(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
