import fc from 'fast-check';
import { jobId, QUEUE_OF_JOB } from './job-payloads';
import { JobName } from './queue-names';

describe('job ids and queues', () => {
  it('gives every job name a queue', () => {
    for (const name of Object.values(JobName)) {
      expect(QUEUE_OF_JOB[name]).toBeDefined();
    }
  });

  it('makes deterministic mail job ids that BullMQ accepts (no ":" and not an integer)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (id, other) => {
        const sut = jobId.sendMail(id);
        expect(sut).toBe(jobId.sendMail(id));
        expect(sut).not.toContain(':');
        expect(String(parseInt(sut, 10))).not.toBe(sut);
        expect(jobId.sendMail(other) === sut).toBe(other === id);
      }),
    );
  });
});
