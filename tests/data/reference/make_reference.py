"""Reference values for kodbok's statistics, from independent implementations.

Run:  pip install scipy irrCAC krippendorff numpy pandas
      python3 tests/data/reference/make_reference.py > tests/data/reference/statistics.json

Packages used when statistics.json was made: scipy 1.12.0, irrCAC 0.4.4, krippendorff 0.9.0, numpy 1.26.4.
The Rust unit tests in src/agreement/stats.rs, src/agreement/bootstrap.rs and src/analysis/fisher.rs read the JSON
and compare their own results with these numbers.
"""
import json
import math

import numpy as np
import pandas as pd
import krippendorff
from irrCAC.raw import CAC
from scipy.stats import fisher_exact

rng = np.random.default_rng(20190501)


def units_from_2x2(a, b, c, d):
    """Two coders, present (1) / absent (0): a both 1, b first 1 second 0, c first 0 second 1, d both 0."""
    return [[1, 1]] * a + [[1, 0]] * b + [[0, 1]] * c + [[0, 0]] * d


KRIPPENDORFF_2011 = [  # Krippendorff (2011) section C, four coders x twelve units, None = missing
    [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, 3, None, None],
]


def generated(n_units, coders, categories, missing):
    out = []
    for _ in range(n_units):
        truth = int(rng.integers(0, categories))
        row = []
        for _ in range(coders):
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < 0.75:
                row.append(truth)
            else:
                row.append(int(rng.integers(0, categories)))
        out.append(row)
    return out


def paradox(n_units):
    """A rare code: the coders agree on almost every unit, but rarely on the code being present."""
    out = []
    for _ in range(n_units):
        r = rng.random()
        out.append([1, 1] if r < 0.02 else [1, 0] if r < 0.04 else [0, 1] if r < 0.06 else [0, 0])
    return out


def coefficients(units, categories):
    df = pd.DataFrame([[np.nan if v is None else v for v in u] for u in units])
    cac = CAC(df, categories=list(range(categories)), digits=12)
    res = {
        "gwet_ac1": cac.gwet()["est"]["coefficient_value"],
        "brennan_prediger": cac.bp()["est"]["coefficient_value"],
        "percent_agreement": 100 * cac.gwet()["est"]["pa"],
    }
    data = np.array([[np.nan if v is None else v for v in u] for u in units], dtype=float).T
    res["krippendorff_alpha"] = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                                         value_domain=list(range(categories))))
    if len(units[0]) == 2 and all(None not in u for u in units):
        res["cohen_kappa"] = cac.conger()["est"]["coefficient_value"]  # Conger = Cohen with two coders
    return res


def bootstrap(units, categories, replicates, seed):
    """Percentile 95% intervals of alpha and Cohen's kappa, resampling units with replacement."""
    r = np.random.default_rng(seed)
    data = np.array([[np.nan if v is None else v for v in u] for u in units], dtype=float)
    alphas, kappas = [], []
    for _ in range(replicates):
        s = data[r.integers(0, len(data), len(data))]
        try:
            alphas.append(krippendorff.alpha(reliability_data=s.T, level_of_measurement="nominal",
                                             value_domain=list(range(categories))))
        except Exception:
            pass
        a, b = s[:, 0], s[:, 1]
        po = np.mean(a == b)
        pe = sum(np.mean(a == k) * np.mean(b == k) for k in range(categories))
        if pe < 1:
            kappas.append((po - pe) / (1 - pe))
    q = lambda xs: [float(np.percentile(xs, 2.5)), float(np.percentile(xs, 97.5))]
    return {"alpha": q(alphas), "kappa": q(kappas), "replicates": replicates}


datasets = {
    "wikipedia_cohen_20_5_10_15": (units_from_2x2(20, 5, 10, 15), 2),
    "gwet_2008_paradox_118_5_2_0": (units_from_2x2(118, 5, 2, 0), 2),
    "rare_code_1_4_5_90": (units_from_2x2(1, 4, 5, 90), 2),
    "krippendorff_2011_four_coders": ([[None if v is None else v - 1 for v in u] for u in KRIPPENDORFF_2011], 5),
    "generated_three_coders_missing": (generated(60, 3, 4, 0.2), 4),
    "generated_two_coders": (generated(80, 2, 3, 0.0), 3),
}
agreement = {name: {"categories": k, "units": u, **coefficients(u, k)} for name, (u, k) in datasets.items()}

boot_units = paradox(300) + generated(200, 2, 2, 0.0)
boot = {"categories": 2, "units": boot_units, **bootstrap(boot_units, 2, 20000, 7)}

tables = [(4, 1, 1, 4), (5, 0, 0, 5), (3, 2, 1, 4), (1, 4, 0, 5), (2, 3, 2, 3), (0, 5, 5, 0), (0, 0, 2, 3),
          (10, 2, 3, 15), (1, 9, 11, 3), (7, 12, 0, 5), (25, 30, 40, 10)]
for _ in range(25):
    tables.append(tuple(int(x) for x in rng.integers(0, 12, 4)))
fisher = []
for a, b, c, d in tables:
    odds, p = fisher_exact([[a, b], [c, d]], alternative="two-sided")
    fisher.append({"table": [a, b, c, d], "p": float(p),
                   "odds_ratio": None if (math.isinf(odds) or math.isnan(odds)) else float(odds),
                   "odds_ratio_kind": "inf" if math.isinf(odds) else "nan" if math.isnan(odds) else "finite"})

print(json.dumps({"agreement": agreement, "bootstrap": boot, "fisher": fisher}, indent=1))
