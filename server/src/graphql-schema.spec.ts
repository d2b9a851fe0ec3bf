import { readFileSync } from 'node:fs';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, METRIC_QUALITY_STATES, REPORT_SCOPES, SEVERITIES } from '@ogi/domain';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isObjectType, type GraphQLEnumType, type GraphQLObjectType } from 'graphql';
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

  it("answers the domain's closed sets as enums with exactly the domain's values", async () => {
    const schema = buildSchema(await buildSchemaText());
    const closedSets: [enumName: string, values: readonly string[], fields: string[]][] = [
      ['Severity', SEVERITIES, ['Finding.severity']],
      ['ReportScope', REPORT_SCOPES, ['Report.scope', 'Agency.usualScope']],
      ['AgencyKind', AGENCY_KIND_VALUES, ['Agency.kind', 'AgencyNode.kind']],
      ['AgencyLevel', AGENCY_LEVEL_VALUES, ['Agency.level', 'AgencyNode.level']],
      ['MetricQuality', METRIC_QUALITY_STATES, []],
    ];
    for (const [enumName, values, fields] of closedSets) {
      const type = schema.getType(enumName) as GraphQLEnumType;
      expect([
        enumName,
        type
          .getValues()
          .map((v) => v.name)
          .sort(),
      ]).toEqual([enumName, [...values].sort()]);
      for (const path of fields) {
        const [typeName, fieldName] = path.split('.') as [string, string];
        const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!;
        expect([path, getNamedType(field.type).name]).toEqual([path, enumName]);
      }
    }
  });
});
