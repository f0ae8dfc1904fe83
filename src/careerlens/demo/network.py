"""The demonstration network: for each of the 15 catchments its SSM, a few providers with their sites,
and the social-assistance offices that refer clients. Provider names are invented for the demo; SSM
names are the published ones (reference data, catchments.csv).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoCatchment:
    code: str
    cities: tuple[str, ...]  # the first city hosts the SSM and the offices
    ow_delivery_agent: str  # the municipality or district board that delivers Ontario Works
    francophone_city: str = ""  # a city with a designated French-language provider


CATCHMENTS: tuple[DemoCatchment, ...] = (
    DemoCatchment(
        "hamilton-niagara", ("Hamilton", "St. Catharines", "Brantford"), "City of Hamilton", "Welland"
    ),
    DemoCatchment("muskoka-kawarthas", ("Peterborough", "Lindsay", "Bracebridge"), "City of Peterborough"),
    DemoCatchment("peel", ("Mississauga", "Brampton", "Caledon"), "Region of Peel", "Mississauga"),
    DemoCatchment("halton", ("Oakville", "Burlington", "Milton"), "Region of Halton"),
    DemoCatchment(
        "kingston-pembroke", ("Kingston", "Belleville", "Pembroke"), "City of Kingston", "Kingston"
    ),
    DemoCatchment("stratford-bruce", ("Owen Sound", "Stratford", "Goderich"), "County of Bruce"),
    DemoCatchment("york", ("Newmarket", "Markham", "Vaughan"), "Region of York"),
    DemoCatchment("durham", ("Oshawa", "Ajax", "Whitby"), "Region of Durham"),
    DemoCatchment("kitchener-waterloo-barrie", ("Kitchener", "Barrie", "Guelph"), "Region of Waterloo"),
    DemoCatchment("london", ("London", "St. Thomas", "Woodstock"), "City of London"),
    DemoCatchment("ottawa", ("Ottawa", "Orléans", "Kanata"), "City of Ottawa", "Orléans"),
    DemoCatchment("windsor-sarnia", ("Windsor", "Sarnia", "Chatham"), "City of Windsor", "Windsor"),
    DemoCatchment("toronto", ("Toronto", "Scarborough", "Etobicoke"), "City of Toronto", "Toronto"),
    DemoCatchment("northeast", ("Sudbury", "Timmins", "North Bay"), "City of Greater Sudbury", "Sudbury"),
    DemoCatchment(
        "northwest", ("Thunder Bay", "Kenora", "Dryden"), "District of Thunder Bay Social Services Board"
    ),
)

# Two general providers per catchment (each with a site in two of its cities) and, where the
# catchment has a francophone city, a French-language provider.
PROVIDER_PATTERNS = (
    ("{region} Career Centre", "Centre de carrière {region}"),
    ("{region} Employment Partners", "Partenaires en emploi {region}"),
)
FRANCOPHONE_PROVIDER = ("Centre francophone d'emploi {city}", "Centre francophone d'emploi {city}")
