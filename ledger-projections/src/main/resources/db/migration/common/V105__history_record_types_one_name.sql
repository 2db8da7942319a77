-- The records of an amendment's adoption and of an instrument for it get the names the rest of the
-- API gives them (RecordType): AMENDMENT and AMENDMENT_INSTRUMENT. Only the shown type changes: the
-- stored events, their payload type and chain hashes stay as they are.
UPDATE history_record SET record_type = 'AMENDMENT' WHERE record_type = 'AMENDMENT_ADOPTED';
UPDATE history_record SET record_type = 'AMENDMENT_INSTRUMENT' WHERE record_type = 'AMENDMENT_INSTRUMENT_DEPOSITED';
