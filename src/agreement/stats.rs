//! Agreement coefficients over reliability data: percent agreement, Cohen's kappa, Krippendorff's alpha (nominal),
//! Brennan–Prediger's kappa and Gwet's AC1.

/// Counts accumulated from units of reliability data, each unit one optional category per coder.
///
/// Every coefficient is computed from these counts, so units can be streamed (millions of
/// character units) and tallies can be pooled by adding them up.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    coders: usize,
    categories: usize,
    /// Krippendorff's coincidence matrix `o[c][k]`, row-major.
    coincidence: Vec<f64>,
    /// Cohen's contingency table (first coder's value × second coder's value), two coders only.
    contingency: Vec<u64>,
    units: u64,
    pairable: u64,
    /// Sum over pairable units of (agreeing coder pairs / coder pairs).
    agreement: f64,
    /// Units with at least one value (Gwet's n).
    rated: u64,
    /// Per category: sum over rated units of the share of that unit's values in the category (Gwet's π_k · n).
    shares: Vec<f64>,
    scratch: Vec<u32>,
}

impl Tally {
    pub fn new(coders: usize, categories: usize) -> Self {
        Tally {
            coders,
            categories,
            coincidence: vec![0.0; categories * categories],
            contingency: vec![0; categories * categories],
            units: 0,
            pairable: 0,
            agreement: 0.0,
            rated: 0,
            shares: vec![0.0; categories],
            scratch: vec![0; categories],
        }
    }

    pub fn categories(&self) -> usize {
        self.categories
    }

    /// Adds one unit: `values[i]` is coder i's category (< `categories`), None when missing.
    pub fn add(&mut self, values: &[Option<u32>]) {
        debug_assert_eq!(values.len(), self.coders);
        let k = self.categories;
        self.units += 1;
        self.scratch.iter_mut().for_each(|n| *n = 0);
        let mut m = 0u32;
        for v in values.iter().flatten() {
            if let Some(slot) = self.scratch.get_mut(*v as usize) {
                *slot += 1;
                m += 1;
            }
        }
        if let [Some(a), Some(b)] = values
            && (*a as usize) < k
            && (*b as usize) < k
        {
            self.contingency[*a as usize * k + *b as usize] += 1;
        }
        if m >= 1 {
            self.rated += 1;
            for (share, n) in self.shares.iter_mut().zip(&self.scratch) {
                *share += f64::from(*n) / f64::from(m);
            }
        }
        if m < 2 {
            return;
        }
        self.pairable += 1;
        let w = 1.0 / f64::from(m - 1);
        let mut agreeing = 0.0;
        for c in 0..k {
            let nc = f64::from(self.scratch[c]);
            if nc == 0.0 {
                continue;
            }
            agreeing += nc * (nc - 1.0) / 2.0;
            for j in 0..k {
                let nk = f64::from(self.scratch[j]);
                let pairs = if c == j { nc * (nc - 1.0) } else { nc * nk };
                self.coincidence[c * k + j] += pairs * w;
            }
        }
        let m = f64::from(m);
        self.agreement += agreeing / (m * (m - 1.0) / 2.0);
    }

    /// Adds another tally's counts (same number of coders and categories).
    pub fn absorb(&mut self, other: &Tally) {
        self.absorb_times(other, 1);
    }

    /// Adds another tally's counts `times` times over: the tally of `times` copies of its units (for the bootstrap).
    pub fn absorb_times(&mut self, other: &Tally, times: u64) {
        debug_assert_eq!(
            (self.coders, self.categories),
            (other.coders, other.categories)
        );
        let w = times as f64;
        self.coincidence
            .iter_mut()
            .zip(&other.coincidence)
            .for_each(|(a, b)| *a += b * w);
        self.contingency
            .iter_mut()
            .zip(&other.contingency)
            .for_each(|(a, b)| *a += b * times);
        self.shares
            .iter_mut()
            .zip(&other.shares)
            .for_each(|(a, b)| *a += b * w);
        self.units += other.units * times;
        self.pairable += other.pairable * times;
        self.rated += other.rated * times;
        self.agreement += other.agreement * w;
    }

    /// Units added, whether or not they held values.
    pub fn units(&self) -> u64 {
        self.units
    }

    /// Units with values from at least two coders: the ones every coefficient uses.
    pub fn pairable_units(&self) -> u64 {
        self.pairable
    }

    /// Pairable values `n` (Krippendorff's n..).
    pub fn values(&self) -> f64 {
        self.coincidence.iter().sum()
    }

    /// Mean over pairable units of the share of coder pairs that agree, in percent.
    /// With two coders: the share of units both coded where they gave the same value.
    pub fn percent_agreement(&self) -> Option<f64> {
        (self.pairable > 0).then(|| 100.0 * self.agreement / self.pairable as f64)
    }

    /// Cohen's kappa (p_o − p_e) / (1 − p_e) over units where both coders have a value; None unless two coders
    /// or when p_e = 1 (both coders used one and the same category throughout: kappa is undefined).
    pub fn cohen_kappa(&self) -> Option<f64> {
        if self.coders != 2 {
            return None;
        }
        let k = self.categories;
        let n: u64 = self.contingency.iter().sum();
        if n == 0 {
            return None;
        }
        let n = n as f64;
        let po = (0..k)
            .map(|c| self.contingency[c * k + c] as f64)
            .sum::<f64>()
            / n;
        let pe = (0..k)
            .map(|c| {
                let row: u64 = (0..k).map(|j| self.contingency[c * k + j]).sum();
                let col: u64 = (0..k).map(|j| self.contingency[j * k + c]).sum();
                (row as f64 / n) * (col as f64 / n)
            })
            .sum::<f64>();
        if (1.0 - pe).abs() < 1e-12 {
            return None;
        }
        Some((po - pe) / (1.0 - pe))
    }

    /// Krippendorff's alpha, nominal: 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
    /// None when there is no variation at all (expected disagreement 0) or fewer than two pairable values.
    pub fn krippendorff_alpha(&self) -> Option<f64> {
        let k = self.categories;
        let nc: Vec<f64> = (0..k)
            .map(|c| (0..k).map(|j| self.coincidence[c * k + j]).sum())
            .collect();
        let n: f64 = nc.iter().sum();
        if n < 2.0 - 1e-9 {
            return None;
        }
        let mut observed = 0.0;
        let mut expected = 0.0;
        for c in 0..k {
            for j in (0..k).filter(|&j| j != c) {
                observed += self.coincidence[c * k + j];
                expected += nc[c] * nc[j];
            }
        }
        if expected <= 1e-12 {
            return None;
        }
        Some(1.0 - (n - 1.0) * observed / expected)
    }

    /// Observed agreement as a proportion (Gwet's p_a): the percent agreement / 100.
    fn observed(&self) -> Option<f64> {
        (self.pairable > 0).then(|| self.agreement / self.pairable as f64)
    }

    /// Brennan & Prediger (1981) kappa, the "free-marginal" kappa MAXQDA reports: (p_a − 1/q) / (1 − 1/q) with q the
    /// number of categories (2 for a code present/absent). None without pairable units or with fewer than two categories.
    pub fn brennan_prediger(&self) -> Option<f64> {
        if self.categories < 2 {
            return None;
        }
        let pe = 1.0 / self.categories as f64;
        self.observed().map(|pa| (pa - pe) / (1.0 - pe))
    }

    /// Gwet's (2008) AC1: (p_a − p_e) / (1 − p_e) with p_e = Σ_k π_k (1 − π_k) / (q − 1), π_k the mean over units with
    /// any value of the share of that unit's values in category k (missing values allowed, as in Gwet 2014 and irrCAC).
    pub fn gwet_ac1(&self) -> Option<f64> {
        let pa = self.observed()?;
        if self.categories < 2 || self.rated == 0 {
            return None;
        }
        let n = self.rated as f64;
        let pe = self
            .shares
            .iter()
            .map(|s| (s / n) * (1.0 - s / n))
            .sum::<f64>()
            / (self.categories as f64 - 1.0);
        if (1.0 - pe).abs() < 1e-12 {
            return None;
        }
        Some((pa - pe) / (1.0 - pe))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Reliability data written one coder per row, `.` for missing, values from 1.
    fn tally(rows: &[&str], categories: usize) -> Tally {
        let parsed: Vec<Vec<Option<u32>>> = rows
            .iter()
            .map(|r| {
                r.split_whitespace()
                    .map(|v| v.parse::<u32>().ok().map(|x| x - 1))
                    .collect()
            })
            .collect();
        let mut t = Tally::new(rows.len(), categories);
        for u in 0..parsed[0].len() {
            let unit: Vec<Option<u32>> = parsed.iter().map(|r| r[u]).collect();
            t.add(&unit);
        }
        t
    }

    fn close(a: Option<f64>, b: f64) {
        let a = a.expect("a value");
        assert!((a - b).abs() < 1e-3, "{a} != {b}");
    }

    #[test]
    fn krippendorff_2011_four_coders_twelve_units() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal alpha 0.743.
        let t = tally(
            &[
                "1 2 3 3 2 1 4 1 2 . . .",
                "1 2 3 3 2 2 4 1 2 5 . 3",
                ". 3 3 3 2 3 4 2 2 5 1 .",
                "1 2 3 3 2 4 4 1 2 5 1 .",
            ],
            5,
        );
        close(t.krippendorff_alpha(), 0.743);
        assert_eq!(t.units(), 12);
        assert_eq!(t.pairable_units(), 11);
        assert!((t.values() - 40.0).abs() < 1e-9);
        assert_eq!(t.cohen_kappa(), None);
    }

    #[test]
    fn wikipedia_three_coders_fifteen_units() {
        // en.wikipedia.org/wiki/Krippendorff's_alpha, "A computational example": nominal alpha 0.691.
        let t = tally(
            &[
                ". . . . . 3 4 1 2 1 1 3 3 . 3",
                "1 . 2 1 3 3 4 3 . . . . . . .",
                ". . 2 1 3 4 4 . 2 1 1 3 3 . 4",
            ],
            4,
        );
        close(t.krippendorff_alpha(), 0.691);
        assert_eq!(t.pairable_units(), 12);
    }

    /// Two coders, yes/no, from a 2×2 table (yes-yes, yes-no, no-yes, no-no).
    fn two_by_two(a: u32, b: u32, c: u32, d: u32) -> Tally {
        let mut t = Tally::new(2, 2);
        for (n, pair) in [(a, [0, 0]), (b, [0, 1]), (c, [1, 0]), (d, [1, 1])] {
            for _ in 0..n {
                t.add(&[Some(pair[0]), Some(pair[1])]);
            }
        }
        t
    }

    #[test]
    fn cohen_kappa_worked_examples() {
        // Wikipedia, Cohen's kappa, "Simple example": 20/5/10/15 gives p_o 0.7, p_e 0.5, kappa 0.4.
        let t = two_by_two(20, 5, 10, 15);
        close(t.cohen_kappa(), 0.4);
        close(t.percent_agreement(), 70.0);
        // Same article, "Same percentages but different numbers": 45/15/25/15 → 0.1304, 25/35/5/35 → 0.2593.
        close(two_by_two(45, 15, 25, 15).cohen_kappa(), 0.1304);
        close(two_by_two(25, 35, 5, 35).cohen_kappa(), 0.2593);
        // Two coders without missing values: alpha = 1 - (n-1)/n (1 - kappa-like); for 20/5/10/15 it is 0.3939..
        // (Scott's pi 0.3939 corrected by (2N-1)/(2N)): check against the closed form.
        let pi = (0.7 - 0.505) / (1.0 - 0.505);
        close(t.krippendorff_alpha(), 1.0 - (99.0 / 100.0) * (1.0 - pi));
    }

    #[test]
    fn undefined_without_variation() {
        let t = two_by_two(0, 0, 0, 7);
        assert_eq!(t.cohen_kappa(), None);
        assert_eq!(t.krippendorff_alpha(), None);
        close(t.percent_agreement(), 100.0);
        assert_eq!(Tally::new(2, 2).percent_agreement(), None);
    }

    #[test]
    fn pooling_equals_adding_all_units() {
        let mut a = two_by_two(3, 1, 2, 4);
        let b = two_by_two(5, 0, 1, 9);
        let all = two_by_two(8, 1, 3, 13);
        a.absorb(&b);
        close(
            a.krippendorff_alpha(),
            all.krippendorff_alpha().unwrap_or(f64::NAN),
        );
        close(a.cohen_kappa(), all.cohen_kappa().unwrap_or(f64::NAN));
        close(
            a.percent_agreement(),
            all.percent_agreement().unwrap_or(f64::NAN),
        );
    }

    /// Values computed by irrCAC, krippendorff and scipy: tests/data/reference/make_reference.py.
    pub(crate) fn reference() -> serde_json::Value {
        serde_json::from_str(include_str!("../../tests/data/reference/statistics.json"))
            .expect("reference JSON")
    }

    /// Reference units: one row per unit, one value per coder, None for missing.
    pub(crate) fn units_of(units: &serde_json::Value) -> Vec<Vec<Option<u32>>> {
        let rows = units.as_array().expect("units");
        rows.iter()
            .map(|u| {
                u.as_array()
                    .expect("unit")
                    .iter()
                    .map(|v| v.as_u64().map(|x| x as u32))
                    .collect()
            })
            .collect()
    }

    /// A tally of reference units.
    pub(crate) fn tally_of(units: &serde_json::Value, categories: usize) -> Tally {
        let rows = units_of(units);
        let mut t = Tally::new(rows[0].len(), categories);
        for vals in &rows {
            t.add(vals);
        }
        t
    }

    #[test]
    fn equals_irrcac_and_krippendorff_packages() {
        let r = reference();
        for (name, d) in r["agreement"].as_object().expect("datasets") {
            let t = tally_of(&d["units"], d["categories"].as_u64().expect("q") as usize);
            let check = |got: Option<f64>, key: &str| {
                let want = d[key].as_f64().expect(key);
                let got = got.unwrap_or_else(|| panic!("{name}: no {key}"));
                assert!((got - want).abs() < 1e-9, "{name} {key}: {got} != {want}");
            };
            check(t.gwet_ac1(), "gwet_ac1");
            check(t.brennan_prediger(), "brennan_prediger");
            check(t.percent_agreement(), "percent_agreement");
            check(t.krippendorff_alpha(), "krippendorff_alpha");
            if d.get("cohen_kappa").is_some() {
                check(t.cohen_kappa(), "cohen_kappa");
            }
        }
    }

    #[test]
    fn kappa_paradox_published_example() {
        // Gwet (2008), the 118/5/2/0 table: 94.4% agreement, kappa slightly negative, AC1 0.94.
        let t = two_by_two(118, 5, 2, 0);
        close(t.percent_agreement(), 94.4);
        assert!(t.cohen_kappa().expect("kappa") < 0.0);
        close(t.gwet_ac1(), 0.9408);
        close(t.brennan_prediger(), 0.888);
        // Krippendorff's 2011 data as worked in Gwet's handbook (irrCAC's cac_raters): AC1 0.7754, BP 0.7727.
        let t = tally(
            &[
                "1 2 3 3 2 1 4 1 2 . . .",
                "1 2 3 3 2 2 4 1 2 5 . 3",
                ". 3 3 3 2 3 4 2 2 5 1 .",
                "1 2 3 3 2 4 4 1 2 5 1 .",
            ],
            5,
        );
        close(t.gwet_ac1(), 0.7754);
        close(t.brennan_prediger(), 0.7727);
    }
}
