import numpy as np
import pytest

from careerlens.analytics.synth import simulate, writer


@pytest.mark.parametrize("n", [0, -5, 2.5])
def test_a_province_needs_at_least_one_client(n):
    with pytest.raises(ValueError, match="at least 1"):
        simulate(n, 1)


@pytest.mark.parametrize("n", [1, 2, 17])
def test_tiny_provinces_still_make_every_table(n, tmp_path):
    province = simulate(n, 3)
    rows = writer.write(province, tmp_path)
    assert rows["clients"] == rows["episodes"] == rows["truth_clients"] == n
    assert rows["events"] >= n


def test_the_same_seed_and_size_give_the_same_province(province):
    again = simulate(province.n, province.seed)
    assert np.array_equal(again.job_month, province.job_month)
    assert np.array_equal(again.truth["p_job_12m"], province.truth["p_job_12m"])
