"""Segmentation in the app: the version workflow, a client's proposal and a person's decision, the overrides
report and the outreach list."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from careerlens.segmentation import selectors, services
from careerlens.segmentation.choices import VersionState
from careerlens.segmentation.models import ModelVersion


def test_the_trainer_may_not_approve_and_activation_retires_the_active_one(seg, world):
    analyst, manager = world.users["analyst"], world.users["ssm_manager"]
    with pytest.raises(Http404):
        services.approve(analyst, seg.waiting)  # analysts train; SSM managers approve
    seg.waiting.trained_by = manager
    with pytest.raises(ValidationError, match="someone other"):
        services.approve(manager, seg.waiting)
    seg.waiting.trained_by = analyst
    with pytest.raises(ValidationError, match="approved version"):
        services.activate(manager, seg.waiting)
    services.activate(manager, services.approve(manager, seg.waiting))
    seg.active.refresh_from_db()
    assert seg.active.state == VersionState.RETIRED and seg.active.retired_at
    assert services.active_version() == seg.waiting


def test_only_analysts_and_administrators_train(world):
    for persona in ("practitioner", "ssm_manager", "caseworker"):
        with pytest.raises(Http404):
            services.train_version(world.users[persona])


def test_training_on_the_snapshot(world, settings, tmp_path):
    from careerlens.segmentation import snapshot

    settings.ANALYTICS_SNAPSHOT_DIR = tmp_path / "empty"
    with pytest.raises(ValidationError, match="clients.parquet"):
        services.train_version(world.users["analyst"])
    settings.ANALYTICS_SNAPSHOT_DIR = tmp_path / "snapshot"
    assert snapshot.write_simulated(3000, 2) is True
    assert snapshot.write_simulated(3000, 2) is False  # kept
    version = services.train_version(world.users["analyst"])
    assert version.number == 1 and version.state == VersionState.TRAINED
    assert (
        0.5 < version.evaluation["auc"] < 1
        and version.card["features"]
        and "age_band" in version.audit["characteristics"]
    )
    assert not any(f["name"] == "age" for f in version.card["features"])  # protected: not an input


def test_a_proposal_has_a_stream_and_its_reasons_in_both_languages(seg):
    found = services.proposal(seg.case.people.amira)
    assert found["version"] == seg.active and found["stream"] in "ABC" and 0 < found["risk"] < 1
    assert found["factors"] and {"en", "fr"} <= set(found["factors"][0]["text"])


def test_an_override_needs_a_reason_and_sets_the_episode_stream(seg, world):
    amira = seg.case.people.amira
    proposed = services.proposal(amira)["stream"]
    other = "A" if proposed != "A" else "C"
    with pytest.raises(ValidationError) as raised:
        services.decide(world.users["practitioner"], amira, other, "too short")
    assert "reason" in raised.value.message_dict
    decision = services.decide(
        world.users["practitioner"], amira, other, "Has a confirmed job offer starting Monday."
    )
    assert decision.is_override and decision.proposed_stream == proposed and decision.factors
    seg.case.amira.episode.refresh_from_db()
    assert seg.case.amira.episode.stream == other
    agreed = services.decide(world.users["practitioner"], amira, proposed)
    assert not agreed.is_override and agreed.reason == ""
    with pytest.raises(Http404):
        services.decide(world.users["other_practitioner"], amira, proposed)


def test_without_an_active_version_a_person_decides_alone(seg, world):
    ModelVersion.objects.update(state=VersionState.RETIRED)
    decision = services.decide(world.users["practitioner"], seg.case.people.amira, "C")
    assert decision.proposed_stream == "" and decision.model_version is None


def test_the_overrides_report_hides_small_groups(seg, world):
    report = selectors.overrides_report(world.users["administrator"])
    assert set(report) == set(selectors.REPORT_BY)
    assert all(rows == [] for rows in report.values())  # one decision: under 10 everywhere


def test_the_outreach_list_is_the_catchments_and_needs_consent(seg, world):
    rows = selectors.outreach_list(world.users["ssm_manager"])
    assert [row["enrolment"] for row in rows] == [seg.enrolment]
    assert rows[0]["level"] in ("moderate", "high") and rows[0]["reasons"]
    seg.enrolment.consent_to_contact = False
    seg.enrolment.save()
    assert selectors.outreach_list(world.users["ssm_manager"]) == []
