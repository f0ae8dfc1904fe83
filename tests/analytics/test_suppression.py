import numpy as np
import pytest

from careerlens.analytics.suppression import primary_mask, suppress


def test_small_cells_are_hidden_and_zero_is_not():
    assert primary_mask(np.array([0, 3, 9, 10, 40])).tolist() == [False, True, True, False, False]


def test_a_lone_small_cell_takes_the_next_smallest_with_it():
    # 5 could be recovered from the total if only it were hidden; 12 goes too.
    assert suppress([5, 12, 40, 100]).tolist() == [True, True, False, False]


def test_two_small_cells_need_no_complement():
    assert suppress([5, 6, 40]).tolist() == [True, True, False]


def test_complementary_suppression_works_across_rows_and_columns():
    table = np.array([[4, 20, 30], [25, 35, 45], [50, 60, 70]])
    mask = suppress(table)
    for line in [*mask, *mask.T]:
        assert line.sum() != 1, mask
    assert mask[0, 0]


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="negative"):
        suppress([-1, 20])
    with pytest.raises(ValueError, match="threshold"):
        suppress([1, 2], threshold=0)


def test_a_small_numerator_hides_its_rate_and_a_complement():
    from careerlens.analytics.suppression import suppress_rates

    mask = suppress_rates([3, 40, 50, 60], [100, 120, 130, 140])
    assert mask.tolist() == [True, True, False, False]


def test_rates_with_large_counts_are_all_shown_and_bad_rates_refused():
    from careerlens.analytics.suppression import suppress_rates

    assert not suppress_rates([30, 40], [100, 120]).any()
    with pytest.raises(ValueError, match="exceed"):
        suppress_rates([30, 140], [100, 120])
