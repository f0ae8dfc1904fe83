"""The reference loaders, in dependency order: (source, load function returning the row count)."""

from careerlens.reference.loaders import cops, geography, noc, oasis

LOADERS = [
    (geography.ECONOMIC_REGIONS, geography.load_economic_regions),
    (geography.CATCHMENTS, geography.load_catchments),
    (noc.NOC_STRUCTURE, noc.load_structure),
    (noc.NOC_UNIT_GROUPS, noc.load_unit_groups),
    (noc.NOC_EXAMPLE_TITLES, noc.load_example_titles),
    (noc.NOC2016_CONCORDANCE, noc.load_noc2016_concordance),
    (oasis.OASIS_GUIDE, oasis.load_guide),
    (oasis.OASIS_LABELS, oasis.load_labels),
    (oasis.OASIS_LEAD_STATEMENTS, oasis.load_lead_statements),
    (oasis.OASIS_INTERESTS, oasis.load_interests),
    *oasis.RATING_LOADERS,
    (cops.COPS_SUMMARY, cops.load_summary),
]
