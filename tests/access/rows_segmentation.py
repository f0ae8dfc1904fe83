"""Segmentation pages (tests/segmentation/world.py holds the records). Model cards are open to every staff
role; analysts train; SSM managers approve and activate (not their own training); the provider's staff
decide a client's stream; the client sees their own; the outreach list is the SSM manager's."""

from __future__ import annotations

from tests.access.matrix import TO_SIGN_IN, Row, expect, only
from tests.segmentation.world import build_segmentation

STAFF = ("practitioner", "provider_manager", "ssm_manager", "caseworker", "analyst", "administrator")
PROVIDER_SIDE = ("practitioner", "provider_manager", "administrator")
NOT_FOUND = 404


def at(template: str, **names: str):
    def path(world):
        seg = build_segmentation(world)
        values = {}
        for key, attribute in names.items():
            value = seg
            for part in attribute.split("."):
                value = getattr(value, part)
            values[key] = value
        return template.format(**values)

    return path


def who(personas, status=200, **exceptions):
    return only(personas, status, otherwise=NOT_FOUND, **{"anonymous": TO_SIGN_IN, **exceptions})


AMIRA = "case.people.amira.pk"
ROWS = [
    Row("/en/segmentation/", who(STAFF)),
    Row("/fr/segmentation/", who(STAFF)),
    Row(
        "/en/segmentation/train/",
        who(("analyst", "administrator"), 302),
        method="POST",
        data={"kind": "long_term_unemployed"},
    ),
    Row(
        "/en/segmentation/train/",
        who(("analyst", "administrator"), 302),
        method="POST",
        data={"kind": "x"},
        label="train an unknown model",
    ),
    Row(at("/en/segmentation/versions/{pk}/", pk="active.pk"), who(STAFF), label="active model card"),
    Row(
        at("/fr/segmentation/versions/{pk}/", pk="waiting.pk"),
        who(STAFF),
        label="waiting model card in French",
    ),
    Row(
        at("/en/segmentation/versions/{pk}/?format=pdf", pk="active.pk"),
        who(STAFF),
        label="model card as PDF",
    ),
    Row(
        at("/en/segmentation/versions/{pk}/approve/", pk="waiting.pk"),
        who(("ssm_manager", "administrator"), 302),
        method="POST",
        label="approve a version",
    ),
    Row(
        at("/en/segmentation/versions/{pk}/activate/", pk="waiting.pk"),
        who(("ssm_manager", "administrator"), 302),
        method="POST",
        label="activate a version not yet approved",
    ),
    Row(at("/en/segmentation/clients/{pk}/", pk=AMIRA), who(PROVIDER_SIDE), label="a client's stream"),
    Row(
        at("/fr/segmentation/clients/{pk}/", pk="case.people.own.pk"),
        who(PROVIDER_SIDE, client=200),
        label="one's own stream",
    ),
    Row(
        at("/en/segmentation/clients/{pk}/", pk=AMIRA),
        who(PROVIDER_SIDE, 302),
        method="POST",
        data={"final_stream": "C", "reason": "Already has a job offer in hand."},
        label="override a stream",
    ),
    Row(
        at("/en/segmentation/clients/{pk}/", pk=AMIRA),
        who(PROVIDER_SIDE, 400),
        method="POST",
        data={"final_stream": "C", "reason": ""},
        label="override a stream without a reason",
    ),
    Row(
        at("/en/segmentation/clients/{pk}/", pk="case.people.jean.pk"),
        who(("administrator",)),
        label="a Toronto client's stream",
    ),
    Row(
        at("/en/segmentation/clients/{pk}/early-warning/", pk=AMIRA),
        who(PROVIDER_SIDE),
        label="a client's early warning",
    ),
    Row(
        at("/en/segmentation/clients/{pk}/early-warning/new/", pk=AMIRA),
        who(PROVIDER_SIDE),
        label="early-warning enrolment form",
    ),
    Row(
        at("/en/segmentation/clients/{pk}/early-warning/new/", pk=AMIRA),
        who(PROVIDER_SIDE, 302),
        method="POST",
        data={
            "occupation": "72106",
            "tenure_years": "2",
            "years_since_training": "6",
            "consent_to_contact": "on",
        },
        label="enrol in early warning",
    ),
    Row("/en/segmentation/overrides/", who(("provider_manager", "ssm_manager", "analyst", "administrator"))),
    Row("/en/segmentation/outreach/", who(("ssm_manager", "administrator"))),
    Row("/en/segmentation/versions/999999/", who(STAFF, 404)),
    Row("/en/segmentation/", expect(405, anonymous=TO_SIGN_IN), method="POST", label="versions by POST"),
]

UNAUTHORISED = 401


def api(personas, status=200, **exceptions):
    return only(personas, status, otherwise=NOT_FOUND, **{"anonymous": UNAUTHORISED, **exceptions})


class UploadRow(Row):
    """A multipart POST of a small CSV to the generic trainer."""

    def send(self, client, world):
        import io

        lines = ["outcome,months,program"] + [
            f"{int(i % 3 == 0 or i % 7 == 0)},{i % 24},{'ow' if i % 2 else 'none'}" for i in range(400)
        ]
        upload = io.BytesIO("\n".join(lines).encode())
        upload.name = "table.csv"
        return client.post(self.url(world), data={"data": upload, **(self.data or {})})


ROWS += [
    Row("/api/v1/segmentation/versions", api(STAFF)),
    Row(at("/api/v1/segmentation/versions/{pk}", pk="active.pk"), api(STAFF), label="API model card"),
    Row("/api/v1/segmentation/versions/999999", api(STAFF, 404)),
    Row(
        at("/api/v1/segmentation/clients/{pk}", pk=AMIRA), api(PROVIDER_SIDE), label="API a client's proposal"
    ),
    Row(
        at("/api/v1/segmentation/clients/{pk}/decisions", pk=AMIRA),
        api(PROVIDER_SIDE, 201),
        method="POST",
        as_json=True,
        data={"final_stream": "C", "reason": "Job offer confirmed for next week."},
        label="API override a stream",
    ),
    Row(
        at("/api/v1/segmentation/clients/{pk}/decisions", pk=AMIRA),
        api(PROVIDER_SIDE, 422),
        method="POST",
        as_json=True,
        data={"final_stream": "C"},
        label="API override a stream without a reason",
    ),
    UploadRow(
        "/api/v1/segmentation/evaluate",
        api(("analyst", "administrator")),
        method="POST",
        data={"outcome": "outcome"},
        label="API evaluate an uploaded table",
    ),
    UploadRow(
        "/api/v1/segmentation/evaluate",
        api(("analyst", "administrator"), 422),
        method="POST",
        data={"outcome": "nonsense"},
        label="API evaluate with a missing outcome column",
    ),
]
