-- Undoes V4: API tokens and the principals of requests.
DROP INDEX idx_api_requests_principal;
ALTER TABLE api_requests DROP COLUMN role, DROP COLUMN principal;
DROP TABLE api_tokens;
