"""Why careerlens recommends a method (or none), in plain words for a non-statistician."""

from django.utils.translation import gettext_lazy as _

REASONS = {
    "weighting_balances": _(
        "After weighting, the people who received the service and those who did not look alike on every "
        "recorded characteristic, so the doubly robust estimate (weighting and a model of the outcome "
        "together) is the most trustworthy here."
    ),
    "matching_balances": _(
        "Matching each person who received the service with similar people who did not made the two groups "
        "alike on every recorded characteristic, so the matching estimate is recommended."
    ),
    "groups_close": _(
        "The two groups were already close on what was recorded, so a regression adjustment is enough."
    ),
    "too_few": _("Too few people received (or did not receive) the service to estimate an effect."),
    "no_overlap": _(
        "The people who received the service are too unlike those who did not: no fair comparison is "
        "possible."
    ),
    "imbalance": _(
        "No method made the two groups alike on what was recorded: careerlens does not recommend an estimate."
    ),
}
