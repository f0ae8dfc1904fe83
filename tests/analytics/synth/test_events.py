import numpy as np

from careerlens.analytics.synth import events

from .conftest import column


def test_the_timeline_is_sorted_by_client_date_and_order(tables):
    e = tables["events"]
    client = column(e, "client_id")
    day = column(e, "event_date").astype("datetime64[D]").astype(np.int64)
    assert (np.diff(client) >= 0).all()
    same = np.diff(client) == 0
    assert (np.diff(day)[same] >= 0).all()
    assert np.array_equal(column(e, "event_id"), np.arange(1, e.num_rows + 1))


def test_each_table_row_has_its_events(tables):
    e = tables["events"]
    kinds = column(e, "event_type")
    counts = dict(zip(*np.unique(kinds, return_counts=True), strict=True))
    episodes = tables["episodes"]
    assert counts["referral"] == episodes.num_rows
    assert counts["intake"] == counts["exit"] == column(episodes, "intake_completed").sum()
    assert counts["job_start"] == tables["jobs"].num_rows
    assert counts["checkpoint"] == tables["checkpoints"].num_rows
    assert counts["assessment"] == tables["assessments"].num_rows
    assert counts["ow_exit"] == tables["ow_spells"].num_rows
    started = column(tables["interventions"], "status") != "not_started"
    assert counts["intervention_start"] == counts["intervention_end"] == started.sum()
    assert set(counts) <= set(events.EVENT_TYPES)


def test_a_client_story_reads_in_order(tables):
    e = tables["events"]
    kinds, client = column(e, "event_type"), column(e, "client_id")
    jobs = column(tables["jobs"], "client_id")
    someone = jobs[0]
    story = list(kinds[client == someone])
    assert story[0] == "referral" and story[1:5] == [
        "intake",
        "assessment",
        "stream_assigned",
        "plan_created",
    ]
    assert story.index("job_start") < story.index("checkpoint")
    refs = column(e, "ref_id")[(client == someone) & (kinds == "checkpoint")]
    assert set(refs) == {column(tables["jobs"], "job_id")[0]}
