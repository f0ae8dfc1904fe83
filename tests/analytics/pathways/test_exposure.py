from careerlens.analytics.pathways import exposure


def test_every_unit_group_gets_a_score_or_an_explicit_none(engine):
    table = engine.exposures
    for measure, items in table.by_measure.items():
        known = [e for e in items if e.value is not None]
        assert len(items) == 516
        assert len(known) >= (510 if measure == "frey_osborne" else 513)
        assert all(0 <= e.value <= 1 and e.route and e.codes for e in known)
        assert all(e.route == "" and not e.codes for e in items if e.value is None)


def test_64409_takes_the_statistics_canada_route(engine):
    i = engine.index("64409")
    for measure in ("frey_osborne", "ilo_genai", "nesta"):
        e = engine.exposures.by_measure[measure][i]
        assert e.value is not None
        assert e.route.startswith(exposure.ROUTES["statcan"])
    assert engine.exposures.by_measure["frey_osborne"][i].codes == ("43-4051", "43-4151")


def test_most_take_the_onet_route_and_name_it(engine):
    e = engine.exposures.by_measure["ilo_genai"][engine.index("72106")]
    assert e.route == exposure.ROUTES["onet"] + " → ISCO-08 (BLS) → ILO 2023"
    assert e.codes == ("7212",) and e.value == 0.13 and e.label == "Not Exposed"
    fo = engine.exposures.by_measure["frey_osborne"][engine.index("72106")]
    # welders (51-4121) and welding machine operators (51-4122): the mean of the two probabilities
    assert fo.route == exposure.ROUTES["onet"] + " → Frey & Osborne 2013"
    assert fo.codes == ("51-4121", "51-4122") and abs(fo.value - 0.775) < 1e-9


def test_unknown_scores_are_imputed_with_the_mean_for_scoring(engine):
    values = engine.exposures.vector("frey_osborne")
    assert values.shape == (516,) and (values >= 0).all() and (values <= 1).all()
