import { describe, expect, it } from 'vitest';
import { issueBlockers, SIGN_MODES, SIGNERS, signatureProblems, signModesFor, type IssueFacts, type SignatureFacts, type SignMode, type Signer } from '../../../shared/workflows/slips/rules';

/** Every value a signer's mode can take at the rules, including none chosen. */
const MODES: (SignMode | null)[] = [null, ...SIGN_MODES];

/** Every combination of the three signers' modes, captured images, and whether a recording reference was given. */
function* combinations(): Generator<SignatureFacts> {
  for (const clerk of MODES)
    for (const carrier of MODES)
      for (const owner of MODES)
        for (let images = 0; images < 8; images++)
          for (const recordingRef of [false, true])
            yield { modes: { clerk, carrier, owner }, images: { clerk: !!(images & 1), carrier: !!(images & 2), owner: !!(images & 4) }, recordingRef };
}

const READY: Omit<IssueFacts, 'signatures'> = { state: 'ready_to_issue', nature: 'temporary', tenantMoveOut: false, feesCleared: false, meterReadings: false, ownerConsent: false };
const facts = (modes: Record<Signer, SignMode | null>, images: Partial<Record<Signer, boolean>> = {}, recordingRef = false): SignatureFacts => ({
  modes,
  images: { clerk: false, carrier: false, owner: false, ...images },
  recordingRef,
});

describe('signatures per signer (procedure 四 6)', () => {
  it('offers the clerk and the carrier on screen or on paper, and the owner also not signing', () => {
    expect(signModesFor('clerk')).toEqual(['screen', 'paper']);
    expect(signModesFor('carrier')).toEqual(['screen', 'paper']);
    expect(signModesFor('owner')).toEqual(['screen', 'paper', 'recording']);
  });

  it('the issue’s case: an owner in person who signs on paper needs no recording', () => {
    expect(signatureProblems(facts({ clerk: 'screen', carrier: 'screen', owner: 'paper' }, { clerk: true, carrier: true }))).toEqual([]);
    expect(signatureProblems(facts({ clerk: 'paper', carrier: 'paper', owner: 'paper' }))).toEqual([]);
  });

  it('an owner who does not sign at all needs the phone-recording reference, and with it may go', () => {
    const none = facts({ clerk: 'paper', carrier: 'paper', owner: 'recording' });
    expect(signatureProblems(none)).toEqual([{ field: 'recordingRef', message: 'slip.why.noOwnerSignature' }]);
    expect(signatureProblems({ ...none, recordingRef: true })).toEqual([]);
  });

  it('the clerk and the carrier must sign: not signing is refused, and so is no choice', () => {
    expect(signatureProblems(facts({ clerk: 'recording', carrier: 'paper', owner: 'paper' }, {}, true))).toEqual([{ field: 'signatures.clerk.mode', message: 'slip.why.mustSign.clerk' }]);
    expect(signatureProblems(facts({ clerk: 'paper', carrier: 'recording', owner: 'paper' }, {}, true))).toEqual([{ field: 'signatures.carrier.mode', message: 'slip.why.mustSign.carrier' }]);
    expect(signatureProblems(facts({ clerk: null, carrier: null, owner: null }))).toEqual([
      { field: 'signatures.clerk.mode', message: 'slip.why.mustSign.clerk' },
      { field: 'signatures.carrier.mode', message: 'slip.why.mustSign.carrier' },
      { field: 'signatures.owner.mode', message: 'slip.why.mustSign.owner' },
    ]);
  });

  it('on screen needs the image; an image is kept only for someone on screen', () => {
    expect(signatureProblems(facts({ clerk: 'screen', carrier: 'paper', owner: 'paper' }))).toEqual([{ field: 'signatures.clerk.image', message: 'slip.why.emptySignature.clerk' }]);
    expect(signatureProblems(facts({ clerk: 'paper', carrier: 'paper', owner: 'screen' }))).toEqual([{ field: 'signatures.owner.image', message: 'slip.why.emptySignature.owner' }]);
    expect(signatureProblems(facts({ clerk: 'paper', carrier: 'paper', owner: 'paper' }, { carrier: true }))).toEqual([{ field: 'signatures.carrier.image', message: 'slip.why.imageNotOnScreen' }]);
    expect(signatureProblems(facts({ clerk: 'paper', carrier: 'paper', owner: 'recording' }, { owner: true }, true))).toEqual([{ field: 'signatures.owner.image', message: 'slip.why.imageNotOnScreen' }]);
  });

  it('answers every combination of modes, images and recording as the procedure says', () => {
    let n = 0;
    for (const f of combinations()) {
      n++;
      // Stated again from the procedure, signer by signer: each signs on screen (with the image) or on paper (without);
      // the owner may instead not sign (without an image), and then, only then, the recording is required.
      const expected: string[] = [];
      for (const who of SIGNERS) {
        const m = f.modes[who];
        const allowed = m === 'screen' || m === 'paper' || (who === 'owner' && m === 'recording');
        if (!allowed) expected.push(`slip.why.mustSign.${who}`);
        else if (m === 'screen' && !f.images[who]) expected.push(`slip.why.emptySignature.${who}`);
        else if (m !== 'screen' && f.images[who]) expected.push('slip.why.imageNotOnScreen');
      }
      if (f.modes.owner === 'recording' && !f.recordingRef) expected.push('slip.why.noOwnerSignature');
      const got = signatureProblems(f);
      expect(got.map((p) => p.message), JSON.stringify(f)).toEqual(expected);
      // The gate of issuing says the same, after the procedure's own blockers.
      expect(issueBlockers({ ...READY, signatures: f }), JSON.stringify(f)).toEqual(expected);
      // An owner signing on paper never needs the recording.
      if (f.modes.owner === 'paper') expect(got.some((p) => p.field === 'recordingRef')).toBe(false);
      // Every problem names the field it is about, so the UI can show it at its signer.
      for (const p of got) expect(p.field).toMatch(/^(signatures\.(clerk|carrier|owner)\.(mode|image)|recordingRef)$/);
    }
    expect(n).toBe(4 * 4 * 4 * 8 * 2);
  });

  it('lists the signatures after the procedure’s blockers, and not at all before the clerk has chosen', () => {
    const moving: Omit<IssueFacts, 'signatures'> = { ...READY, nature: 'moving_out', tenantMoveOut: true };
    expect(issueBlockers({ ...moving, signatures: null })).toEqual(['slip.why.feesNotCleared', 'slip.why.noMeterReadings', 'slip.why.noOwnerConsent']);
    expect(issueBlockers({ ...moving, signatures: facts({ clerk: 'paper', carrier: 'paper', owner: 'recording' }) })).toEqual([
      'slip.why.feesNotCleared',
      'slip.why.noMeterReadings',
      'slip.why.noOwnerConsent',
      'slip.why.noOwnerSignature',
    ]);
    expect(issueBlockers({ ...READY, state: 'draft', signatures: facts({ clerk: 'paper', carrier: 'paper', owner: 'paper' }) })).toEqual(['slip.why.not.issue']);
    expect(issueBlockers({ ...READY, signatures: null })).toEqual([]);
  });
});
