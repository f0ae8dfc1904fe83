import numpy as np

from careerlens.analytics.synth import occupations
from careerlens.analytics.synth.config import OUTLOOKS
from careerlens.analytics.synth.numeric import generator


def test_all_unit_groups_with_teer_and_outlook():
    occ = occupations.load()
    assert len(occ) == 516
    assert all(len(code) == 5 and code.isdigit() for code in occ.codes)
    assert set(np.unique(occ.teer)) == set(range(6))
    assert (occ.employment > 0).all()
    assert set(np.unique(occ.outlook)) <= set(range(len(OUTLOOKS)))
    shortage = np.isin(occ.outlook, (OUTLOOKS.index("moderate_shortage"), OUTLOOKS.index("strong_shortage")))
    assert shortage.sum() > 50


def test_draws_stay_in_the_teer_and_favour_common_occupations():
    occ = occupations.load()
    teer = np.full(200_000, 4, dtype=np.int8)
    drawn = occupations.draw_by_teer(generator(1, "occ"), occ, teer)
    assert (occ.teer[drawn] == 4).all()
    counts = np.bincount(drawn, minlength=len(occ))
    members = np.flatnonzero(occ.teer == 4)
    commonest = members[np.argmax(occ.employment[members])]
    rarest = members[np.argmin(occ.employment[members])]
    assert counts[commonest] > 20 * max(counts[rarest], 1)


def test_a_tilt_shifts_the_draws():
    occ = occupations.load()
    teer = np.full(100_000, 2, dtype=np.int8)
    tilt = np.where(occ.outlook >= OUTLOOKS.index("moderate_shortage"), 5.0, 1.0)
    plain = occupations.draw_by_teer(generator(1, "a"), occ, teer)
    tilted = occupations.draw_by_teer(generator(1, "a"), occ, teer, tilt=tilt)
    assert (occ.outlook[tilted] >= 4).mean() > (occ.outlook[plain] >= 4).mean() + 0.1
