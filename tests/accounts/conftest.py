from tests.audit.conftest import entries_for, new_entries  # noqa: F401  (shared audit-trail fixtures)
