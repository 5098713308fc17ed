import { loggablePath } from './logging.module';

describe('loggablePath', () => {
  it.each([
    ['/api/v1/people?email=a@b.nl', '/api/v1/people'],
    ['/api/v1/calendar/lkf_AbC-123_xyz.ics', '/api/v1/calendar/lk*_[redacted].ics'],
    ['/api/v1/auth/verify?token=lkl_secret', '/api/v1/auth/verify'],
    ['/api/v1/rsvp/eyJ0eXAi.signature?answer=accept', '/api/v1/rsvp/[redacted]'],
    ['/api/v1/schools/7d3f9c1e-1111-4222-8333-944455556666', '/api/v1/schools/7d3f9c1e-1111-4222-8333-944455556666'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggablePath(url)).toBe(logged);
  });
});
