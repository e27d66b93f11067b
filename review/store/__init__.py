"""Where reviews are kept: a database (an embedded SQLite file by default, PostgreSQL for a team) and the
contract files themselves, stored by content (SHA-256) and never overwritten."""
