"""Export for analysts: every record (without candidates' personal data) and every SLA clock
as SQLite tables, for SQL queries and any SQLite browser."""
