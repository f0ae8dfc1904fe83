"""Sign-in, sign-out, password change, the organisation directory (inside and outside each scope), admin."""

from tests.access.matrix import STAFF, TO_SIGN_IN, Row, expect, only

# Who may open which organisation of the test world (tests/personas.py): Peel is home, Toronto is not.
SEE_PEEL_PROVIDER = ("client", *STAFF)
SEE_PEEL_SSM = STAFF
SEE_PEEL_OFFICE = ("ssm_manager", "caseworker", "analyst", "administrator")
SEE_EVERYTHING = ("analyst", "administrator")

BAD_LOGIN = {"username": "nobody-at-all", "password": "not the password"}

ROWS = [
    Row("/en/accounts/login/", expect(302, anonymous=200)),  # signed in: on to the start page
    Row("/en/accounts/login/", expect(302, anonymous=200), method="POST", data=BAD_LOGIN),
    Row("/en/accounts/logout/", expect(302), method="POST"),
    Row("/en/accounts/logout/", expect(405)),  # sign-out is a POST, so a link cannot sign anyone out
    Row("/en/accounts/password/", expect(200, anonymous=TO_SIGN_IN)),
    Row("/en/accounts/password/", expect(200, anonymous=TO_SIGN_IN), method="POST", data={}),
    Row("/en/accounts/organisations/", expect(200, anonymous=TO_SIGN_IN)),
    Row("/en/accounts/organisations/?kind=provider&catchment=peel", expect(200, anonymous=TO_SIGN_IN)),
    Row("/en/accounts/organisations/?kind=no-such-kind", expect(200, anonymous=TO_SIGN_IN)),
    Row("/en/accounts/organisations/", expect(405, anonymous=TO_SIGN_IN), method="POST"),
    Row(
        "/en/accounts/organisations/test-provider-peel/",
        only(SEE_PEEL_PROVIDER, 200, otherwise=404, anonymous=TO_SIGN_IN),
    ),
    Row(
        "/en/accounts/organisations/test-site-brampton/",
        only(SEE_PEEL_PROVIDER, 200, otherwise=404, anonymous=TO_SIGN_IN),
    ),
    Row(
        "/en/accounts/organisations/test-ssm-peel/",
        only(SEE_PEEL_SSM, 200, otherwise=404, anonymous=TO_SIGN_IN),
    ),
    Row(
        "/en/accounts/organisations/test-ow-peel/",
        only(SEE_PEEL_OFFICE, 200, otherwise=404, anonymous=TO_SIGN_IN),
    ),
    Row(
        "/en/accounts/organisations/test-provider-toronto/",
        only(SEE_EVERYTHING, 200, otherwise=404, anonymous=TO_SIGN_IN),
    ),
    Row(
        "/en/accounts/organisations/test-ministry/",
        only(SEE_EVERYTHING, 200, otherwise=404, anonymous=TO_SIGN_IN),
    ),
    Row("/en/accounts/organisations/no-such-organisation/", expect(404, anonymous=TO_SIGN_IN)),
    # The admin site: only administrators; everyone else is sent to the admin's sign-in page.
    Row("/en/admin/", only(("administrator",), 200, otherwise=302)),
]
