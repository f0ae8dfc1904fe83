"""Occupation codes of a job row: a NOC 2021 unit group, or a NOC 2016 unit group converted with Statistics
Canada's concordance (``Noc2016Concordance``). A NOC 2016 code that maps to several NOC 2021 unit groups
needs the NOC 2021 code too, which must be one of them."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from careerlens.casework.imports.fields import RowCheck, digits
from careerlens.reference.occupations import Noc2016Concordance, Occupation


class NocIndex:
    """The NOC 2021 unit groups and the concordance, read once for a whole file."""

    def __init__(self):
        self.occupations = {occupation.code: occupation for occupation in Occupation.objects.all()}
        self.targets: dict[str, list[str]] = defaultdict(list)
        for old, new in Noc2016Concordance.objects.values_list("noc2016_code", "occupation_id"):
            self.targets[old].append(new)

    def resolve(self, check: RowCheck) -> Occupation | None:
        noc2021 = check.read("noc2021", digits(5))
        noc2016 = check.read("noc2016", digits(4))
        if noc2021 is None and noc2016 is None:
            if not check.bad & {"noc2021", "noc2016"}:
                check.problem("noc2021", _("Give a NOC 2021 code (noc2021) or a NOC 2016 code (noc2016)."))
            return None
        if noc2021 is not None and noc2021 not in self.occupations:
            check.problem("noc2021", _("No NOC 2021 unit group has this code."))
            return None
        if noc2016 is None:
            return self.occupations.get(noc2021) if noc2021 else None
        targets = sorted(self.targets.get(noc2016, ()))
        if not targets:
            check.problem("noc2016", _("This code is not a NOC 2016 unit group of the concordance."))
            return None
        if noc2021 is None:
            if len(targets) > 1:
                check.problem(
                    "noc2016",
                    _(
                        "This NOC 2016 code maps to several NOC 2021 unit groups (%(codes)s): "
                        "give the noc2021 code too."
                    ),
                    codes=", ".join(targets),
                )
                return None
            return self.occupations[targets[0]]
        if noc2021 not in targets:
            check.problem(
                "noc2021",
                _("This is not one of the NOC 2021 unit groups of NOC 2016 %(code)s (%(codes)s)."),
                code=noc2016,
                codes=", ".join(targets),
            )
            return None
        return self.occupations[noc2021]
