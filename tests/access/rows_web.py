"""The shell: language redirect, home, start pages, health check, unknown pages."""

from tests.access.matrix import TO_SIGN_IN, Row, expect

ROWS = [
    Row("/", expect(302)),  # LocaleMiddleware sends / to a language prefix
    Row("/en/", expect(302, anonymous=200)),  # signed in: on to the start page
    Row("/fr/", expect(302, anonymous=200)),
    Row("/en/", expect(405), method="POST"),
    Row("/en/start/", expect(200, anonymous=TO_SIGN_IN)),
    Row("/fr/start/", expect(200, anonymous=TO_SIGN_IN)),
    Row("/en/start/", expect(405, anonymous=TO_SIGN_IN), method="POST"),
    Row("/healthz", expect(200)),
    Row("/en/no-such-page/", expect(404)),
    Row("/fr/no-such-page/", expect(404)),
]
