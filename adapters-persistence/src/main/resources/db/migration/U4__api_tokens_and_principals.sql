-- Undoes V4: API tokens and the principals of requests and predictions.
DROP INDEX idx_predictions_principal;
ALTER TABLE predictions DROP COLUMN principal;
ALTER TABLE api_requests DROP COLUMN role, DROP COLUMN principal;
DROP TABLE api_tokens;
