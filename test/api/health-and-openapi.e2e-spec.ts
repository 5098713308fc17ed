import { readJson } from '@leerkring/testing/http';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { startApi, type RunningApi } from '@leerkring/testing/api';

describe('health and OpenAPI', () => {
  let sut: RunningApi;

  beforeAll(async () => {
    sut = await startApi();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('is live', async () => {
    const response = await fetch(`${sut.url}/api/health/live`);

    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: 'ok' });
  });

  it('is ready when the database and Redis answer, and shows the worker heartbeats', async () => {
    const response = await fetch(`${sut.url}/api/health/ready`);

    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.redis.status).toBe('up');
    expect(body.details.workers).toMatchObject({ status: 'up', count: expect.any(Number) });
  });

  it('serves a valid OpenAPI 3 document generated from the code', async () => {
    const response = await fetch(`${sut.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await readJson(response)) as OpenAPIV3.Document;

    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health/live', '/api/health/ready']));
  });

  it('serves Swagger UI at /api/docs', async () => {
    const response = await fetch(`${sut.url}/api/docs`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });
});
