"""The model card as plain data, in English and French."""

import json

from careerlens.analytics.segmentation import province
from careerlens.analytics.segmentation.audit import audit_held_out
from careerlens.analytics.segmentation.card import model_card


def test_card_of_the_province_model(long_term, default_model):
    found = audit_held_out(long_term, default_model)
    card = model_card(default_model.model, found, version="2026-1")
    json.dumps(card)  # plain data
    assert card["outcome"] == province.LONG_TERM and card["version"] == "2026-1"
    assert card["purpose"]["en"] and card["purpose"]["fr"] and card["model"]["fr"]
    excluded = {item["name"] for item in card["protected_excluded"]}
    assert {"age", "gender", "indigenous", "francophone", "disability", "race", "newcomer"} <= excluded
    assert all(item["label"]["fr"] for item in card["features"] + card["protected_excluded"])
    assert card["evaluation"]["auc"] > 0.6 and card["flags"] == found["flags"]
    assert all(text["en"] and text["fr"] for text in card["limitations"])
