import 'reflect-metadata';
import { join } from 'node:path';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { AppModule } from '../../api/src/app.module';
import { buildOpenApiDocument } from '../../api/src/openapi';

const HEADER = "// Generated from the API's OpenAPI document by `npm run web:api-types`. Do not edit.\n";

/**
 * The API's OpenAPI document, built from the code without a database or Redis: Nest's preview
 * mode reads the module graph and the controllers' metadata but instantiates no provider.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    preview: true,
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  const document = buildOpenApiDocument(app);
  await app.close();
  return document as unknown as Record<string, unknown>;
}

export const SCHEMA_FILE = join(__dirname, '../src/api/schema.d.ts');

/** apps/web/src/api/schema.d.ts as it should be now (formatted as `npm run lint` wants it). */
export async function apiSchemaSource(): Promise<string> {
  const ast = await openapiTS((await openApiDocument()) as never);
  const options = await resolveConfig(SCHEMA_FILE);
  return format(HEADER + astToString(ast), { ...options, filepath: SCHEMA_FILE });
}
