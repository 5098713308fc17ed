import { QueryFailedError } from 'typeorm';
import { isDependencyUnavailable } from './dependency-errors';

describe('isDependencyUnavailable', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('Connection lost: The server closed the connection.'), {
      code: 'PROTOCOL_CONNECTION_LOST',
    }),
    new QueryFailedError('SELECT 1', [], Object.assign(new Error('killed'), { code: 'ER_CONNECTION_KILLED' })),
    Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
    new Error('Connection is closed.'),
  ])('is true for %s', (error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    new QueryFailedError('INSERT', [], Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' })),
    new TypeError('x is undefined'),
    'a string',
    undefined,
  ])('is false for %s', (error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
