"""The career check-up's rows: the journey, the results and saving are public (an empty session is sent to
the first step it lacks); the saved check-up and its next steps (share, check-ins, delete) belong to a
client account (anonymous: sign in; staff: 404; a client with nothing saved is sent to their page; stopping
the check-ins and taking it again take a POST only)."""

from tests.access.matrix import TO_SIGN_IN, Row, expect, only

NOT_FOUND = 404
TO_FIRST_STEP = 302
SHARE = {"provider": "test-provider-peel", "consent": "on"}
STUDENT = {"situation": "student", "age": "20"}


def client_only(client_status: int):
    return only(("client",), client_status, otherwise=NOT_FOUND, anonymous=TO_SIGN_IN)


ROWS = [
    Row("/en/check-up/", expect(200)),
    Row("/fr/check-up/", expect(200)),
    Row("/en/check-up/step/situation/", expect(200)),
    Row("/fr/check-up/step/place/", expect(200)),
    Row("/en/check-up/step/skills/", expect(TO_FIRST_STEP)),  # needs the occupation first
    Row("/en/check-up/step/no-such-step/", expect(NOT_FOUND)),
    Row("/en/check-up/step/situation/", expect(400), method="POST", data={"situation": "x", "age": "7"}),
    Row("/en/check-up/step/situation/", expect(302), method="POST", data=STUDENT),
    Row("/en/check-up/restart/", expect(302), method="POST"),
    Row("/en/check-up/restart/", expect(405)),
    Row("/en/check-up/results/", expect(TO_FIRST_STEP)),
    Row("/fr/check-up/results/summary/?format=pdf", expect(TO_FIRST_STEP)),
    Row("/en/check-up/save/", expect(TO_FIRST_STEP)),
    Row("/en/check-up/mine/", client_only(200)),
    Row("/en/check-up/mine/share/", client_only(302)),
    Row("/en/check-up/mine/share/", client_only(302), method="POST", data=SHARE),
    Row("/en/check-up/mine/check-ins/", client_only(302)),
    Row("/en/check-up/mine/check-ins/", client_only(302), method="POST", data={"reminder": "182"}),
    Row("/en/check-up/mine/check-ins/stop/", client_only(302), method="POST"),
    Row("/en/check-up/mine/check-ins/stop/", expect(405, anonymous=TO_SIGN_IN)),
    Row("/en/check-up/mine/retake/", client_only(302), method="POST"),
    Row("/en/check-up/mine/retake/", expect(405, anonymous=TO_SIGN_IN)),
    Row("/en/check-up/mine/delete/", client_only(302)),
    Row("/en/check-up/mine/delete/", client_only(302), method="POST", data={"confirm": "on"}),
]
