"""One row per referred client with everything the indicators need: who, where, which stream, and each
outcome as a flag or a value (null where the client is not in the indicator's population).

Built once as an Ibis expression over the snapshot tables and materialised by the report, so that every
breakdown reads the same facts. Columns that older snapshots lack (``episodes.site_id`` and ``goal_noc``,
``jobs.contract_type``, ``interventions.credential``) are read only when present: without them the
indicators that need them are empty and each provider is its own site (docs/metrics.md).
"""

from __future__ import annotations

import ibis
from ibis import _

from careerlens.analytics.performance import codes, model
from careerlens.analytics.performance.settings import PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot

CHECKPOINTS = (1, 3, 6, 12)
AGE_BANDS = ((16, "16-24"), (25, "25-34"), (35, "35-44"), (45, "45-54"), (55, "55-64"), (65, "65+"))


def _age_band(age: ibis.Value) -> ibis.Value:
    """Index into AGE_BANDS (a small integer: cheaper to group by than a label)."""
    branches = [(age < upper, i) for i, (upper, _) in enumerate(AGE_BANDS[1:])]
    return ibis.cases(*branches, else_=len(AGE_BANDS) - 1).cast("int8")


def quarter_code(date: ibis.Value) -> ibis.Value:
    """The quarter of a date as year * 10 + quarter (20251 for 2025Q1); quarter_label() names it."""
    return (date.year() * 10 + date.quarter()).cast("int32")


def quarter_label(code: int) -> str:
    return f"{code // 10}Q{code % 10}"


def age_band_label(code: int) -> str:
    return AGE_BANDS[code][1]


def _checkpoints(snapshot: Snapshot, settings: PerformanceSettings) -> ibis.Table:
    """One row per client: bit flags of the checkpoints employed at and met (bit i for CHECKPOINTS[i]),
    weekly earnings at each checkpoint, the wage at the last one and the quarter each checkpoint is due in
    (funding's payment lines; a client has at most one checkpoint of each months, of the first job)."""
    c = snapshot["checkpoints"]
    employed = c.employed.fill_null(False)
    met = (
        employed
        & (c.hours_per_week >= settings.min_hours)
        & (c.hourly_wage >= settings.min_wage)
        & c.evidence.isin(list(settings.accepted_evidence))
    ).fill_null(False)
    bit = ibis.cases(*[(c.months == m, 2**i) for i, m in enumerate(CHECKPOINTS)], else_=0)
    earnings = ibis.ifelse(employed, c.hours_per_week * c.hourly_wage, None)
    last = CHECKPOINTS[-1]
    return c.group_by("client_id").aggregate(
        emp_bits=ibis.ifelse(employed, bit, 0).sum(),
        met_bits=ibis.ifelse(met, bit, 0).sum(),
        **{f"earn_{m}m": earnings.max(where=c.months == m) for m in CHECKPOINTS},
        wage_last=ibis.ifelse(employed, c.hourly_wage, None).max(where=c.months == last),
        **{f"due_quarter_{m}": quarter_code(c.due_date).max(where=c.months == m) for m in CHECKPOINTS},
    )


def _bit(bits: ibis.Value, months: int) -> ibis.Value:
    """Bit ``months`` of a checkpoint bit set (bitwise and: cheaper than arithmetic on every backend)."""
    return (bits.fill_null(0) & 2 ** CHECKPOINTS.index(months)) != 0


def _assessment_gain(snapshot: Snapshot) -> ibis.Table:
    a = snapshot["assessments"]
    competencies = [col for col in a.columns if col.startswith("cm_")]
    personal = [col for col in a.columns if col.startswith("adapt_")] + ["self_efficacy"]

    def mean(cols):
        total = a[cols[0]].cast("float64")
        for col in cols[1:]:
            total = total + a[col].cast("float64")
        return total / len(cols)

    a = a.mutate(
        _learning=mean(competencies) if competencies else a.career_index.cast("float64"),
        _personal=mean(personal),
    )
    sign = ibis.cases((a.occasion == "exit", 1.0), (a.occasion == "intake", -1.0), else_=0.0)
    return a.group_by("client_id").aggregate(
        learning_gain=(sign * a._learning).sum(),
        personal_gain=(sign * a._personal).sum(),
        both_occasions=(a.occasion == "intake").any() & (a.occasion == "exit").any(),
    )


def _none() -> ibis.Value:
    return ibis.null().cast("boolean")


def _plans(snapshot: Snapshot) -> ibis.Table:
    """Per client: any intervention started, skills training completed, and a credential earned by it
    (null when the snapshot has no ``credential`` column)."""
    i = snapshot["interventions"]
    completed = (i.intervention == "skills_training") & (i.status == "completed")
    return i.group_by("client_id").aggregate(
        started=i.start_date.notnull().any(),
        training_completed=completed.any(),
        credential=(completed & i.credential.notnull()).any() if "credential" in i.columns else _none(),
    )


def _jobs(snapshot: Snapshot) -> ibis.Table:
    """The job columns the indicators read; ``contract_type`` and ``noc`` are null when absent."""
    j = snapshot["jobs"]
    return j.select(
        "client_id",
        job_start=_.start_date,
        months_to_job=_.months_after_intake,
        job_teer=_.teer,
        job_hours=_.hours_per_week,
        job_wage=_.hourly_wage,
        job_permanent=(j.contract_type == "permanent") if "contract_type" in j.columns else _none(),
        job_category=j.noc.cast("string").substr(0, 1) if "noc" in j.columns else ibis.null("string"),
    )


def build(snapshot: Snapshot, settings: PerformanceSettings) -> ibis.Table:
    """The client-level facts table (an unexecuted Ibis expression)."""
    s = settings
    labels = codes.read(snapshot)
    codes.keep(snapshot.con, labels)
    clients = snapshot["clients"]
    clients = clients.mutate(**model.packed(clients))  # the model's variables, packed before the joins
    clients = clients.left_join(codes.code_table(labels, "catchment", "catchment"), "catchment")
    clients = clients.left_join(codes.code_table(labels, "program", "program"), "program")
    episodes = snapshot["episodes"]
    providers = codes.provider_table(snapshot, labels)
    practitioners = snapshot["practitioners"].select("practitioner_id", certified=_.ccdp_certified)
    episodes = episodes.mutate(
        site=codes.site_column(episodes),
        goal_category=(
            episodes.goal_noc.cast("string").substr(0, 1)
            if "goal_noc" in episodes.columns
            else ibis.null("string")
        ),
    )
    jobs = _jobs(snapshot)
    ow = snapshot["ow_spells"].select(
        "client_id",
        ow_months_to_return=_.months_to_return,
        left_ow=True,
        return_quarter=quarter_code(_.return_date),
    )
    plans = _plans(snapshot)
    t = (
        episodes.left_join(clients, "client_id")
        .left_join(providers, "provider_id")
        .left_join(codes.code_table(labels, "site", "site"), "site")
        .left_join(practitioners, "practitioner_id")
        .left_join(jobs, "client_id")
        .left_join(_checkpoints(snapshot, s), "client_id")
        .left_join(ow, "client_id")
        .left_join(plans, "client_id")
        .left_join(_assessment_gain(snapshot), "client_id")
    )
    intake = t.intake_completed.fill_null(False)
    has_job = intake & t.months_to_job.notnull() & (t.months_to_job <= s.job_window_months)
    both = t.both_occasions.fill_null(False)
    yes = "yes"
    facts = t.select(  # the unit columns hold codes (codes.py)
        "client_id",
        catchment=t.catchment_code,
        referred=ibis.literal(True),
        ssm=t.ssm_code.fill_null(t.catchment_code),
        provider=t.provider_code,
        site=t.site_code,
        stream=t.stream.fill_null("none"),
        program=t.program_code,
        age_band=_age_band(t.age),
        quarter=quarter_code(t.referral_date),
        youth_high_needs=t.youth_high_needs.fill_null(False),
        women_high_needs=t.women_high_needs.fill_null(False),
        older_worker=t.age >= 55,
        francophone=t.francophone == yes,
        indigenous=t.indigenous == yes,
        newcomer=t.newcomer.fill_null(False),
        disability=t.disability.notnull() & ~t.disability.isin(["none", "prefer_not_to_answer"]),
        racialized=t.racialized.fill_null(False),
        intake=intake,
        served=intake & t.started.fill_null(False),
        job_12m=ibis.ifelse(intake, has_job, None),
        **{f"outcome_{m}m": ibis.ifelse(intake, has_job & _bit(t.met_bits, m), None) for m in CHECKPOINTS},
        **{f"employed_{m}m": ibis.ifelse(intake, has_job & _bit(t.emp_bits, m), None) for m in CHECKPOINTS},
        **{f"earnings_{m}m": ibis.ifelse(has_job, t[f"earn_{m}m"], None) for m in CHECKPOINTS},
        full_time=ibis.ifelse(has_job, t.job_hours >= s.full_time_hours, None),
        wage_at_minimum=ibis.ifelse(has_job, t.job_wage >= s.min_wage, None),
        wage_at_living=ibis.ifelse(has_job, t.job_wage >= s.living_wage, None),
        retained_12m=ibis.ifelse(has_job, _bit(t.emp_bits, 12), None),
        teer_up=ibis.ifelse(has_job & t.prior_teer.notnull(), t.job_teer < t.prior_teer, None),
        wage_growth_12m=ibis.ifelse(has_job & _bit(t.emp_bits, 12), t.wage_last / t.job_wage - 1.0, None),
        wage_at_goal=ibis.ifelse(
            has_job & t.goal_hourly_wage.notnull(), t.job_wage >= t.goal_hourly_wage, None
        ),
        permanent_job=ibis.ifelse(has_job, t.job_permanent, None),
        job_in_goal_field=ibis.ifelse(
            has_job & t.goal_category.notnull() & t.job_category.notnull(),
            t.job_category == t.goal_category,
            None,
        ),
        training_completed=ibis.ifelse(intake, t.training_completed.fill_null(False), None),
        credential_earned=ibis.ifelse(intake & t.training_completed.fill_null(False), t.credential, None),
        learning_gain=ibis.ifelse(both, t.learning_gain, None),
        personal_gain=ibis.ifelse(both, t.personal_gain, None),
        ow_return=ibis.ifelse(
            t.left_ow.fill_null(False), t.ow_months_to_return.fill_null(10_000) <= s.spin_cycle_months, None
        ),
        months_to_job=ibis.ifelse(has_job, t.months_to_job, None),
        certified=ibis.ifelse(intake, t.certified.fill_null(False), None),
        # the quarters of the payment lines (funding.py): intake, each checkpoint due, the return to OW
        intake_quarter=quarter_code(t.intake_date),
        **{f"due_quarter_{m}": t[f"due_quarter_{m}"] for m in CHECKPOINTS},
        return_quarter=t.return_quarter,
        # the client-mix model's variables (model.py), so that the adjustment reads no other table
        **{name: t[name] for name in model.PACKED_COLUMNS},
    )
    return facts
