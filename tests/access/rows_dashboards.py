"""Dashboards (the analytics snapshot of tests/conftest.py): SSM managers see their catchment's, analysts
and administrators any catchment's and the province's; no one else sees them."""

from __future__ import annotations

from tests.access.matrix import TO_SIGN_IN, Row, only

SSM_READERS = ("ssm_manager", "analyst", "administrator")
PROVINCE_READERS = ("analyst", "administrator")


def who(personas, status=200):
    return only(personas, status, otherwise=404, anonymous=TO_SIGN_IN)


ROWS = [
    Row("/en/dashboards/ssm/", who(SSM_READERS)),
    Row("/fr/dashboards/ssm/?catchment=toronto", who(SSM_READERS)),
    Row("/en/dashboards/ssm/?catchment=nowhere", who(SSM_READERS)),  # the first catchment instead
    Row("/en/dashboards/ssm/?format=csv", who(SSM_READERS)),
    Row("/en/dashboards/ssm/?format=xlsx", who(SSM_READERS)),
    Row("/fr/dashboards/ssm/?format=pdf", who(SSM_READERS)),
    Row("/en/dashboards/province/", who(PROVINCE_READERS)),
    Row("/fr/dashboards/province/", who(PROVINCE_READERS)),
    Row("/en/dashboards/province/?format=xlsx", who(PROVINCE_READERS)),
    Row("/en/dashboards/province/?format=weird", who(PROVINCE_READERS)),  # the page
]
