"""The reference loaders, in dependency order: (source, load function returning the row count)."""

from careerlens.reference.loaders import geography

LOADERS = [
    (geography.ECONOMIC_REGIONS, geography.load_economic_regions),
    (geography.CATCHMENTS, geography.load_catchments),
]
