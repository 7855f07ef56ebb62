-- Undoes V5: the idempotency keys.
DROP TABLE idempotency_keys;
