import { randomUUID } from 'node:crypto';
import { tableChecksums } from '@leerkring/testing/table-checksums';
import fc from 'fast-check';
import type { OpenAPIV3 } from 'openapi-types';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';

/**
 * API fuzzing from our own OpenAPI document: for every operation, requests with valid, boundary
 * and malformed path parameters, queries and bodies, as several roles. Whatever comes in, the
 * API never answers 5xx, every error is problem+json, and a refused change leaves the database
 * as it was.
 */
type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 12);
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Strings that have broken parsers elsewhere: empty, huge, control characters, SQL, paths. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  'null',
  '0',
  '-1',
  '1e309',
  "'; DROP TABLE person; --",
  '../../etc/passwd',
  '%00',
  '\u0000',
  '😀'.repeat(50),
  'a'.repeat(5000),
  '2026-02-30',
  '2027-13-01T25:61:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '<script>alert(1)</script>',
);

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: false }),
  nastyString,
  fc.string(),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxKeys: 3 }),
);

function resolve(document: OpenAPIV3.Document, schema: Schema | undefined): OpenAPIV3.SchemaObject | undefined {
  if (!schema) {
    return undefined;
  }
  if ('$ref' in schema) {
    const name = schema.$ref.split('/').pop() as string;
    return resolve(document, document.components?.schemas?.[name]);
  }
  return schema;
}

/** A value that fits the schema most of the time, and sometimes just misses a bound or a type. */
function valueFor(document: OpenAPIV3.Document, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  if (!schema || depth > 4) {
    return anyJson;
  }
  if (schema.allOf?.length) {
    return valueFor(document, schema.allOf[0], depth + 1);
  }
  if (schema.oneOf?.length || schema.anyOf?.length) {
    return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((part) => valueFor(document, part, depth + 1)));
  }
  const fitting = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) {
      return fc.constantFrom(...(schema.enum as unknown[]));
    }
    switch (schema.type) {
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -1000;
        const max = schema.maximum ?? 100_000;
        return fc.oneof(
          fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
          fc.constantFrom(min, max, min - 1, max + 1),
        );
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueFor(document, schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
      case 'object': {
        const properties = Object.entries(schema.properties ?? {});
        if (properties.length === 0) {
          return fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
        }
        const required = new Set(schema.required ?? []);
        return fc.record(
          Object.fromEntries(properties.map(([name, property]) => [name, valueFor(document, property, depth + 1)])),
          { requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)) },
        );
      }
      default: {
        switch (schema.format) {
          case 'uuid':
            return fc.oneof(fc.uuid(), fc.constant(randomUUID()));
          case 'date-time':
            return fc
              .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
              .map((date) => date.toISOString());
          case 'date':
            return fc
              .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
              .map((date) => date.toISOString().slice(0, 10));
          case 'email':
            return fc.emailAddress();
          default:
            return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 200) });
        }
      }
    }
  })();
  return fc.oneof(
    { arbitrary: fitting, weight: 4 },
    { arbitrary: anyJson, weight: 1 },
    { arbitrary: nastyString, weight: 1 },
  );
}

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  parameters: OpenAPIV3.ParameterObject[];
  body?: Schema;
  /** The success answer is HTML (a page for people), not JSON. */
  html: boolean;
}

function operationsOf(document: OpenAPIV3.Document): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) {
        continue;
      }
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].filter(
        (parameter): parameter is OpenAPIV3.ParameterObject => !('$ref' in parameter),
      );
      const body = operation.requestBody && !('$ref' in operation.requestBody) ? operation.requestBody : undefined;
      const html = Object.values(operation.responses ?? {}).some(
        (response) =>
          !('$ref' in response) && Object.keys(response.content ?? {}).some((type) => type.includes('html')),
      );
      operations.push({ method, path, parameters, body: body?.content?.['application/json']?.schema, html });
    }
  }
  return operations;
}

describe('API fuzzing from the OpenAPI document', () => {
  let api: RunningApi;
  let db: DataSource;
  let document: OpenAPIV3.Document;
  const roles: Record<string, Record<string, string>> = { anonymous: {} };
  const knownIds: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    db = await openTestDataSource();
    const make = factory(db);
    const school = await make.school();
    knownIds.push(school.id);
    const people = {
      admin: await make.person({ isAdmin: true }),
      director: await make.person({ memberships: [{ schoolId: school.id, function: 'director' }] }),
      coach: await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] }),
      teacher: await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }),
    };
    for (const [role, person] of Object.entries(people)) {
      roles[role] = await signIn(api, person.id);
      knownIds.push(person.id);
    }
    document = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as OpenAPIV3.Document;
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  /** Everything stored, in one string: a refused change must leave it alone. */
  const fingerprint = async (): Promise<string> =>
    [...(await tableChecksums(db)).entries()].map(([table, sum]) => `${table}=${sum}`).join(';');

  it(
    'never answers 5xx, always problem+json for errors, and changes nothing when it refuses',
    async () => {
      const operations = operationsOf(document);
      expect(operations.length).toBeGreaterThan(40);
      const findings: string[] = [];
      let requests = 0;

      for (const operation of operations) {
        const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
        const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
        const request = fc.record({
          role: fc.constantFrom(...Object.keys(roles)),
          path: fc.record(
            Object.fromEntries(
              pathParameters.map((parameter) => [
                parameter.name,
                fc.oneof(
                  fc.constantFrom(...knownIds),
                  valueFor(document, parameter.schema).map((value) =>
                    typeof value === 'string' ? value : JSON.stringify(value),
                  ),
                ),
              ]),
            ),
          ),
          query: fc.record(
            Object.fromEntries(
              queryParameters.map((parameter) => [parameter.name, valueFor(document, parameter.schema)]),
            ),
            { requiredKeys: [] },
          ),
          body: operation.body ? valueFor(document, operation.body) : fc.constant(undefined),
          malformedBody: fc.boolean(),
        });

        await fc.assert(
          fc.asyncProperty(request, async ({ role, path, query, body, malformedBody }) => {
            const url = new URL(
              api.url +
                operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
                  encodeURIComponent(String(path[name] ?? 'x') || 'x'),
                ),
            );
            for (const [name, value] of Object.entries(query)) {
              if (value !== undefined) {
                url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
              }
            }
            const sendsBody = operation.method !== 'get' && operation.method !== 'delete';
            const before = MUTATING.has(operation.method) ? await fingerprint() : '';
            const response = await fetch(url, {
              method: operation.method.toUpperCase(),
              headers: { ...roles[role], ...(sendsBody ? { 'content-type': 'application/json' } : {}) },
              body: sendsBody ? (malformedBody ? '{"broken": ' : JSON.stringify(body ?? {})) : undefined,
            });
            requests += 1;
            const type = response.headers.get('content-type') ?? '';
            await response.arrayBuffer();
            const where = `${operation.method.toUpperCase()} ${operation.path} as ${role} → ${response.status}`;
            if (response.status >= 500) {
              findings.push(`${where} (${url.pathname}${url.search})`);
            }
            if (
              response.status >= 400 &&
              !type.includes('application/problem+json') &&
              !(operation.html && type.includes('text/html'))
            ) {
              findings.push(`${where}: ${type || 'no content type'}`);
            }
            if (response.status >= 400 && MUTATING.has(operation.method) && (await fingerprint()) !== before) {
              findings.push(`${where}: refused, but the database changed`);
            }
            return true;
          }),
          { numRuns: RUNS_PER_OPERATION, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
        );
      }
      expect({ requests: requests > operations.length, findings: [...new Set(findings)] }).toEqual({
        requests: true,
        findings: [],
      });
    },
    Math.max(60_000, RUNS_PER_OPERATION * 8_000),
  );
});
