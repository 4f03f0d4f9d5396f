//! Fisher's exact test on a 2×2 table: the two-sided p-value and the sample odds ratio, as scipy.stats.fisher_exact.

use serde::Serialize;

/// The test of one table `[[a, b], [c, d]]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fisher {
    /// Two-sided p: the probability, with all margins fixed, of a table at most as likely as the one observed.
    pub p: f64,
    /// The sample odds ratio (a·d)/(b·c); None when b·c = 0 (infinite or undefined).
    pub odds_ratio: Option<f64>,
}

/// ln(n!) for 0..=n.
fn log_factorials(n: u64) -> Vec<f64> {
    let mut out = Vec::with_capacity(n as usize + 1);
    let mut acc = 0.0;
    out.push(0.0);
    for i in 1..=n {
        acc += (i as f64).ln();
        out.push(acc);
    }
    out
}

/// Fisher's exact test, two-sided, of `[[a, b], [c, d]]` (rows: coded / not coded; columns: the two groups, or the
/// transpose: the test is symmetric).
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> Fisher {
    let n = a + b + c + d;
    let lf = log_factorials(n);
    let (r1, r2, c1) = (a + b, c + d, a + c);
    let c2 = b + d;
    // The hypergeometric probability of the table with x in the top-left cell.
    let prob = |x: u64| -> f64 {
        let (xb, xc) = (r1 - x, c1 - x);
        let xd = r2 - xc;
        (lf[r1 as usize] + lf[r2 as usize] + lf[c1 as usize] + lf[c2 as usize]
            - lf[n as usize]
            - lf[x as usize]
            - lf[xb as usize]
            - lf[xc as usize]
            - lf[xd as usize])
            .exp()
    };
    let lo = c1.saturating_sub(r2);
    let hi = r1.min(c1);
    let observed = prob(a);
    // Relative tolerance for tables as likely as the observed one (scipy and R use 1 + 1e-7).
    let p: f64 = (lo..=hi)
        .map(prob)
        .filter(|&q| q <= observed * (1.0 + 1e-7))
        .sum();
    let odds_ratio = (b * c != 0).then(|| (a * d) as f64 / (b * c) as f64);
    Fisher {
        p: p.min(1.0),
        odds_ratio,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_scipy_on_reference_tables() {
        let r = crate::agreement::stats::tests::reference();
        for t in r["fisher"].as_array().expect("tables") {
            let v: Vec<u64> = t["table"]
                .as_array()
                .expect("table")
                .iter()
                .map(|x| x.as_u64().expect("count"))
                .collect();
            let f = fisher_exact(v[0], v[1], v[2], v[3]);
            let p = t["p"].as_f64().expect("p");
            assert!(
                (f.p - p).abs() < 1e-9 * p.max(1e-3),
                "{v:?}: p {} != {p}",
                f.p
            );
            match t["odds_ratio"].as_f64() {
                Some(o) => assert!((f.odds_ratio.expect("odds") - o).abs() < 1e-9, "{v:?}"),
                None => assert_eq!(f.odds_ratio, None, "{v:?}"),
            }
        }
    }

    #[test]
    fn five_against_five() {
        // 4 of 5 against 1 of 5: p = 0.206, far from any conventional threshold.
        let f = fisher_exact(4, 1, 1, 4);
        assert!((f.p - 0.2063492).abs() < 1e-6);
        assert_eq!(f.odds_ratio, Some(16.0));
        // Even 5 of 5 against 0 of 5 only reaches p = 0.008.
        assert!((fisher_exact(5, 0, 0, 5).p - 0.0079365).abs() < 1e-6);
        assert_eq!(fisher_exact(0, 0, 0, 0).p, 1.0);
    }
}
