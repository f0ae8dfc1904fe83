"""The pathways area's rows: the explorer page is public (like occupation search); the API needs an
account (401 for anonymous) and serves every role the same public data; unknown codes 404, bad input 422,
never a 5xx."""

from tests.access.matrix import Row, expect

UNAUTHORISED = 401

ROWS = [
    # the explorer page
    Row("/en/pathways/", expect(200)),
    Row("/fr/pathways/?origin=soudeur", expect(200)),
    Row("/en/pathways/?origin=72106&goal=72310&max_teer_step=1", expect(200)),
    Row("/en/pathways/?origin=72106&feasibility_only=on&target=72104", expect(200)),
    Row("/en/pathways/?origin=99999", expect(200)),  # an error message, on the page
    Row("/en/pathways/?origin=72106&interests=sec", expect(200)),
    Row("/en/pathways/?origin=72106&interests=XYZ", expect(200)),  # an error message, on the page
    Row("/en/pathways/?origin=65229", expect(200)),  # no viable target: the nearest, marked
    Row("/en/pathways/?origin=65100&max_training_weeks=26", expect(200)),
    Row("/en/pathways/?origin=65100&max_training_weeks=7", expect(200)),  # an error message, on the page
    Row("/en/pathways/", expect(405), method="POST", data={"origin": "72106"}),
    # API
    Row("/api/v1/pathways?from=72106&top=5", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=72106&goal=72310&lang=fr", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=99999", expect(404, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=72106&top=0", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=72106&interests=SEC&top=3", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=72106&interests=SSE", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=72106&interests=XQ", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=72106&goal=72106", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=65229&top=3", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=65100&max_training_weeks=26&top=3", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=65100&max_training_weeks=-1", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=65100&ratings=F01b01=4,F01c02=3&top=3", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=65100&ratings=F01b01=9", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways?from=65100&ratings=X99=1", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/pathways", expect(405), method="POST", as_json=True, data={}),
]
