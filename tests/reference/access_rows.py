"""The reference area's rows for the persona access matrix (``tests/access``).

Occupations, catchments and sources are public pages: every persona, signed in or not, gets them. The API
needs an account (401 for anonymous) and then serves every role the same public data. Unknown codes answer
404, bad input 422: never a 5xx.

Wire it into the matrix with ``tests/access/rows_reference.py``::

    from tests.reference.access_rows import ROWS  # noqa: F401
"""

from tests.access.matrix import Row, expect

UNAUTHORISED = 401

ROWS = [
    # pages
    Row("/en/reference/occupations/", expect(200)),
    Row("/fr/reference/occupations/?q=soudeur", expect(200)),
    Row("/en/reference/occupations/?q=", expect(200)),  # an error message, on the page
    Row(
        "/en/reference/occupations/?q=weldr",
        expect(200),
        headers={"HX-Request": "true"},
        label="live results",
    ),
    Row("/en/reference/occupations/", expect(405), method="POST", data={"q": "welder"}),
    Row("/en/reference/occupations/72106/", expect(200)),
    Row("/fr/reference/occupations/00010/", expect(200)),
    Row("/en/reference/occupations/99999/", expect(404)),
    Row("/en/reference/occupations/welder/", expect(404)),
    Row("/en/reference/catchments/", expect(200)),
    Row("/fr/reference/catchments/peel/", expect(200)),
    Row("/en/reference/catchments/no-such-catchment/", expect(404)),
    Row("/en/reference/sources/", expect(200)),
    # API
    Row("/api/v1/catchments", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/catchments/peel", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/catchments/no-such-catchment", expect(404, anonymous=UNAUTHORISED)),
    Row("/api/v1/occupations?q=weldr&limit=5", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/occupations?q=", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/occupations?q=weld&limit=500", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/occupations", expect(405), method="POST", as_json=True, data={}),
    Row("/api/v1/occupations/72106", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/occupations/99999", expect(404, anonymous=UNAUTHORISED)),
]
