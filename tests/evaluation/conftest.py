"""One BLAS thread during each test of the evaluate command (see tests/analytics/evaluation/conftest.py)."""

import pytest
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def one_blas_thread():
    with threadpool_limits(1):
        yield
