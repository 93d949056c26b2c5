-- The resident index of the access history is updated with each insert instead of through GIN's pending list:
-- with the list, whichever append found it full merged it into the index there and then, and that request
-- waited tens of milliseconds (the append p99 of docs/benchmarks.md).
ALTER INDEX audit_entry_by_resident SET (fastupdate = off);
