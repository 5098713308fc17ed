import { signEvaluationToken, signOfferToken, verifyEvaluationToken, verifyOfferToken } from './offer-token';

describe('offer tokens', () => {
  const secret = 'a-test-secret-of-enough-length-0123456789';
  const claim = { registrationId: '3f1c2a4e-1b2c-4d5e-8f90-112233445566', round: 2 };

  it('verify what they sign', () => {
    expect(verifyOfferToken(secret, signOfferToken(secret, claim))).toEqual(claim);
  });

  it('refuse a changed round, another secret or garbage', () => {
    const sut = signOfferToken(secret, claim);
    expect(verifyOfferToken(secret, sut.replace('.2.', '.3.'))).toBeNull();
    expect(verifyOfferToken(`${secret}x`, sut)).toBeNull();
    expect(verifyOfferToken(secret, 'not-a-token')).toBeNull();
  });

  it('keep offer and evaluation links apart: neither token answers for the other', () => {
    const evaluation = signEvaluationToken(secret, claim.registrationId);
    expect(verifyEvaluationToken(secret, evaluation)).toBe(claim.registrationId);
    expect(verifyOfferToken(secret, evaluation)).toBeNull();
    expect(verifyEvaluationToken(secret, signOfferToken(secret, { ...claim, round: 1 }))).toBeNull();
    expect(verifyEvaluationToken(`${secret}x`, evaluation)).toBeNull();
  });
});
