from tests.reference.access_rows import ROWS  # noqa: F401
