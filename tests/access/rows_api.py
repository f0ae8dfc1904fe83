"""The REST API: the schema and docs are public; everything else needs a session or a token (401)."""

from tests.access.matrix import STAFF, Row, expect, only

UNAUTHORISED = 401
SEE_PEEL_PROVIDER = ("client", *STAFF)
SEE_PEEL_SSM = STAFF
SEE_EVERYTHING = ("analyst", "administrator")

ROWS = [
    Row("/api/v1/", expect(404)),  # ninja's root only locates the docs
    Row("/api/v1/openapi.json", expect(200)),
    Row("/api/v1/docs", expect(200)),
    Row("/api/v1/me", expect(200, anonymous=UNAUTHORISED)),
    Row(
        "/api/v1/me",
        expect(200, anonymous=UNAUTHORISED),
        method="PATCH",
        as_json=True,
        data={"preferred_language": "fr"},
    ),
    Row(
        "/api/v1/me",
        expect(422, anonymous=UNAUTHORISED),
        method="PATCH",
        as_json=True,
        data={"preferred_language": "de"},
    ),
    Row("/api/v1/me", expect(405), method="POST", as_json=True, data={}),
    Row("/api/v1/organisations", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/organisations?kind=site&catchment=peel", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/organisations?kind=no-such-kind", expect(422, anonymous=UNAUTHORISED)),
    Row(
        "/api/v1/organisations/test-provider-peel", only(SEE_PEEL_PROVIDER, 200, otherwise=404, anonymous=401)
    ),
    Row("/api/v1/organisations/test-ssm-peel", only(SEE_PEEL_SSM, 200, otherwise=404, anonymous=401)),
    Row(
        "/api/v1/organisations/test-provider-toronto", only(SEE_EVERYTHING, 200, otherwise=404, anonymous=401)
    ),
    Row("/api/v1/organisations/no-such-organisation", expect(404, anonymous=UNAUTHORISED)),
]
