-- How each signer of a release slip signed (procedure 四 6): on screen (the image in sig_*), on the printed
-- paper (its line was left empty for it), or, for the owner only, not at all (recording_ref stands in).
-- NULL: not recorded — a slip not issued yet, or one issued before the choice was kept without an image.
ALTER TABLE release_slips ADD COLUMN sign_clerk TEXT CHECK (sign_clerk IN ('screen', 'paper'));
ALTER TABLE release_slips ADD COLUMN sign_carrier TEXT CHECK (sign_carrier IN ('screen', 'paper'));
ALTER TABLE release_slips ADD COLUMN sign_owner TEXT CHECK (sign_owner IN ('screen', 'paper', 'recording'));

-- Slips issued before: signed on screen where an image was kept; an owner without one gave the recording
-- when there is a reference. Anything else is left unrecorded rather than guessed.
UPDATE release_slips
   SET sign_clerk = CASE WHEN sig_clerk IS NOT NULL THEN 'screen' END,
       sign_carrier = CASE WHEN sig_carrier IS NOT NULL THEN 'screen' END,
       sign_owner = CASE WHEN sig_owner IS NOT NULL THEN 'screen' WHEN recording_ref IS NOT NULL THEN 'recording' END;
