import { readJson } from '@leerkring/testing/http';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { Public } from '@leerkring/people';
import { AppModule } from '../../apps/api/src/app.module';
import { startApi, type RunningApi } from '@leerkring/testing/api';

class AddressDto {
  @IsString()
  @MinLength(6)
  postalCode!: string;
}

class ExampleDto {
  @IsEmail()
  email!: string;

  @IsInt()
  @Min(1)
  @Max(8)
  members!: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

/** A throwaway route, mounted next to the real app, to show how any DTO is validated. */
@Public()
@Controller('conventions-probe')
class ProbeController {
  @Post()
  create(@Body() body: ExampleDto): { ok: true; members: number } {
    return { ok: true, members: body.members };
  }
}

@Module({ imports: [AppModule], controllers: [ProbeController] })
class ProbeAppModule {}

describe('HTTP conventions (problem+json, request ids, limits)', () => {
  let sut: RunningApi;

  beforeAll(async () => {
    sut = await startApi(ProbeAppModule);
  });

  afterAll(async () => {
    await sut.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${sut.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers an unknown route with a 404 problem document', async () => {
    const response = await fetch(`${sut.url}/api/v1/no-such-thing?secret=1`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await readJson(response);
    expect(problem).toMatchObject({
      type: 'urn:leerkring:problem:route_not_found',
      status: 404,
      code: 'route_not_found',
      instance: '/api/v1/no-such-thing',
    });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('lists every offending field of an invalid body, with dotted paths', async () => {
    const response = await post(
      '/api/v1/conventions-probe',
      JSON.stringify({ email: 'not-an-email', members: 12, address: { postalCode: '12' } }),
    );

    expect(response.status).toBe(400);
    const problem = await readJson(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'address.postalCode',
      'email',
      'members',
    ]);
    expect(problem.errors.every((error: { messages: string[] }) => error.messages.length > 0)).toBe(true);
  });

  it('refuses fields the endpoint does not know', async () => {
    const response = await post(
      '/api/v1/conventions-probe',
      JSON.stringify({ email: 'a@b.nl', members: 3, address: { postalCode: '1234 AB' }, isAdmin: true }),
    );

    expect(response.status).toBe(400);
    expect((await readJson(response)).errors).toEqual([
      { field: 'isAdmin', messages: [expect.stringContaining('isAdmin')] },
    ]);
  });

  it('accepts a valid body', async () => {
    const response = await post(
      '/api/v1/conventions-probe',
      JSON.stringify({ email: 'a@b.nl', members: 3, address: { postalCode: '1234 AB' } }),
    );

    expect(response.status).toBe(201);
    expect(await readJson(response)).toEqual({ ok: true, members: 3 });
  });

  it('answers malformed JSON with 400 malformed_body, not 500', async () => {
    const response = await post('/api/v1/conventions-probe', '{"email": ');

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await readJson(response)).code).toBe('malformed_body');
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await post('/api/v1/conventions-probe', JSON.stringify({ email: 'x'.repeat(1_100_000) }));

    expect(response.status).toBe(413);
    expect((await readJson(response)).code).toBe('payload_too_large');
  });

  it('keeps a caller-supplied request id and makes one otherwise', async () => {
    const given = await fetch(`${sut.url}/api/v1/nowhere`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.42');
    expect((await readJson(given)).requestId).toBe('lb-7f3a.42');

    const made = await fetch(`${sut.url}/api/v1/nowhere`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not announce the framework', async () => {
    const response = await fetch(`${sut.url}/api/health/live`);

    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
