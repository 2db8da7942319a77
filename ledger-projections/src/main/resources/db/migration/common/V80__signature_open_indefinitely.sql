-- A treaty may be open for signature indefinitely (CEDAW, CRC, CRPD): no closing date.
-- The whole definition, with its clauses of every family, stays in definition_json.
ALTER TABLE status_treaty ALTER COLUMN signature_closes_on DROP NOT NULL;
