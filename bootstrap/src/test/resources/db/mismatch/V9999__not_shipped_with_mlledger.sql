CREATE TABLE not_shipped_with_mlledger (id integer);
