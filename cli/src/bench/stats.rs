//! Statistics for `pyrun bench`: medians with their spread (median absolute deviation), a
//! bootstrap 95 % interval for a median and for the ratio of two medians, and the verdict
//! drawn from it (significant when the interval excludes 1.0, as `pyperf compare_to` reports).
//!
//! The bootstrap is deterministic (a fixed-seed generator): the same samples always give the
//! same interval, so reports and tests are reproducible.

/// Resamples per bootstrap interval.
const RESAMPLES: usize = 2000;
/// Fewer samples than this per side: no interval and no verdict (a bootstrap over one or two
/// values says nothing).
pub const MIN_SAMPLES: usize = 3;
/// A measurement whose MAD exceeds this fraction of its median is reported as noisy.
pub const NOISY: f64 = 0.05;

pub fn median(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let n = s.len();
    Some(if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    })
}

/// Median absolute deviation from the median (unscaled).
pub fn mad(v: &[f64]) -> Option<f64> {
    let m = median(v)?;
    let dev: Vec<f64> = v.iter().map(|x| (x - m).abs()).collect();
    median(&dev)
}

/// MAD / median, the relative spread used for the "noisy" warning.
pub fn relative_spread(v: &[f64]) -> Option<f64> {
    let (m, d) = (median(v)?, mad(v)?);
    (m > 0.0).then(|| d / m)
}

/// splitmix64: small, fast, and good enough to draw resampling indices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // n is small (sample counts): the modulo bias is negligible.
        (self.next() % n as u64) as usize
    }
}

/// The 2.5th and 97.5th percentiles of `v` (sorted in place).
fn interval95(v: &mut [f64]) -> (f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.025), at(0.975))
}

/// Bootstrap 95 % interval of the median of `v`.
pub fn median_interval(v: &[f64]) -> Option<(f64, f64)> {
    if v.len() < MIN_SAMPLES {
        return None;
    }
    let mut rng = Rng(0x5eed);
    let mut buf = vec![0.0; v.len()];
    let mut meds: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            for b in buf.iter_mut() {
                *b = v[rng.below(v.len())];
            }
            median(&buf).unwrap_or(0.0)
        })
        .collect();
    Some(interval95(&mut meds))
}

/// A ratio of medians with its interval and verdict.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratio {
    /// median(a) / median(b): > 1 means `a` took longer.
    pub value: f64,
    /// Bootstrap 95 % interval, when both sides have at least MIN_SAMPLES samples.
    pub interval: Option<(f64, f64)>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// The interval lies below 1.0: `a` is faster.
    Faster,
    /// The interval lies above 1.0: `a` is slower.
    Slower,
    /// The interval contains 1.0.
    NotSignificant,
    /// Too few samples for an interval.
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Faster => "faster",
            Verdict::Slower => "slower",
            Verdict::NotSignificant => "~",
            Verdict::Unknown => "?",
        }
    }

    /// The words used in JSON and the compare report.
    pub fn describe(self) -> &'static str {
        match self {
            Verdict::Faster => "significantly faster",
            Verdict::Slower => "significantly slower",
            Verdict::NotSignificant => "not significant",
            Verdict::Unknown => "too few samples",
        }
    }
}

impl Ratio {
    pub fn verdict(&self) -> Verdict {
        match self.interval {
            None => Verdict::Unknown,
            Some((_, hi)) if hi < 1.0 => Verdict::Faster,
            Some((lo, _)) if lo > 1.0 => Verdict::Slower,
            Some(_) => Verdict::NotSignificant,
        }
    }
}

/// The ratio median(a) / median(b) with a bootstrap 95 % interval.
///
/// `a` and `b` are given per round (`None` where that round has no sample). Rounds in which
/// both have a sample are resampled together (paired: the interpreters of one round ran
/// back to back, so slow drifts of the machine cancel); when fewer than MIN_SAMPLES rounds
/// are shared, each side is resampled on its own.
pub fn ratio(a: &[Option<f64>], b: &[Option<f64>]) -> Option<Ratio> {
    let av: Vec<f64> = a.iter().flatten().copied().collect();
    let bv: Vec<f64> = b.iter().flatten().copied().collect();
    let (ma, mb) = (median(&av)?, median(&bv)?);
    if mb <= 0.0 {
        return None;
    }
    let value = ma / mb;
    if av.len() < MIN_SAMPLES || bv.len() < MIN_SAMPLES {
        return Some(Ratio {
            value,
            interval: None,
        });
    }
    let pairs: Vec<(f64, f64)> = a
        .iter()
        .zip(b)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .collect();
    let mut rng = Rng(0x5eed_4a71);
    let mut ratios = Vec::with_capacity(RESAMPLES);
    let (mut xa, mut xb) = (Vec::new(), Vec::new());
    for _ in 0..RESAMPLES {
        xa.clear();
        xb.clear();
        if pairs.len() >= MIN_SAMPLES {
            for _ in 0..pairs.len() {
                let (x, y) = pairs[rng.below(pairs.len())];
                xa.push(x);
                xb.push(y);
            }
        } else {
            xa.extend((0..av.len()).map(|_| av[rng.below(av.len())]));
            xb.extend((0..bv.len()).map(|_| bv[rng.below(bv.len())]));
        }
        let (ra, rb) = (median(&xa).unwrap_or(0.0), median(&xb).unwrap_or(0.0));
        if rb > 0.0 {
            ratios.push(ra / rb);
        }
    }
    if ratios.is_empty() {
        return Some(Ratio {
            value,
            interval: None,
        });
    }
    Some(Ratio {
        value,
        interval: Some(interval95(&mut ratios)),
    })
}

/// The ratio median(a) / median(b) of two unrelated sample sets (e.g. two stored runs):
/// each side is resampled on its own.
pub fn ratio_unpaired(a: &[f64], b: &[f64]) -> Option<Ratio> {
    // Disjoint rounds: no pairs, so `ratio` resamples independently.
    let mut ra: Vec<Option<f64>> = a.iter().map(|x| Some(*x)).collect();
    ra.extend(b.iter().map(|_| None));
    let mut rb: Vec<Option<f64>> = a.iter().map(|_| None).collect();
    rb.extend(b.iter().map(|x| Some(*x)));
    ratio(&ra, &rb)
}

/// Geometric mean of positive values.
pub fn geomean(v: &[f64]) -> Option<f64> {
    let logs: Vec<f64> = v.iter().filter(|x| **x > 0.0).map(|x| x.ln()).collect();
    if logs.is_empty() {
        return None;
    }
    Some((logs.iter().sum::<f64>() / logs.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    #[test]
    fn median_and_mad() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        // deviations from 3: 2, 1, 0, 1, 97 -> median 1
        assert_eq!(mad(&[1.0, 2.0, 3.0, 4.0, 100.0]), Some(1.0));
        assert_eq!(relative_spread(&[10.0, 10.0, 10.0]), Some(0.0));
    }

    #[test]
    fn clearly_different_samples_are_significant() {
        let fast = some(&[50.0, 51.0, 49.0, 50.5, 50.2, 49.8]);
        let slow = some(&[100.0, 101.0, 99.0, 100.5, 100.2, 99.9]);
        let r = ratio(&fast, &slow).unwrap();
        assert!((r.value - 0.5).abs() < 0.01, "{r:?}");
        let (lo, hi) = r.interval.unwrap();
        assert!(lo <= r.value && r.value <= hi && hi < 1.0, "{r:?}");
        assert_eq!(r.verdict(), Verdict::Faster);
        assert_eq!(ratio(&slow, &fast).unwrap().verdict(), Verdict::Slower);
    }

    #[test]
    fn overlapping_samples_are_not_significant() {
        let a = some(&[100.0, 90.0, 110.0, 95.0, 105.0]);
        let b = some(&[104.0, 96.0, 92.0, 108.0, 100.0]);
        let r = ratio(&a, &b).unwrap();
        assert_eq!(r.verdict(), Verdict::NotSignificant, "{r:?}");
        // Deterministic: the same input gives the same interval.
        assert_eq!(ratio(&a, &b), Some(r));
    }

    #[test]
    fn too_few_samples_give_no_verdict() {
        let r = ratio(&some(&[1.0, 1.1]), &some(&[2.0, 2.1])).unwrap();
        assert_eq!(r.interval, None);
        assert_eq!(r.verdict(), Verdict::Unknown);
        assert!(median_interval(&[1.0, 2.0]).is_none());
        assert!(ratio(&[], &some(&[1.0])).is_none());
        assert!(ratio(&some(&[1.0]), &some(&[0.0])).is_none());
    }

    #[test]
    fn unpaired_rounds_fall_back_to_independent_resampling() {
        let a = vec![Some(1.0), Some(1.0), Some(1.0), None, None, None];
        let b = vec![None, None, None, Some(2.0), Some(2.0), Some(2.0)];
        let r = ratio(&a, &b).unwrap();
        assert_eq!(r.interval, Some((0.5, 0.5)));
        assert_eq!(r.verdict(), Verdict::Faster);
        let (lo, hi) = median_interval(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert!(lo >= 1.0 && hi <= 5.0 && lo < hi);
    }

    #[test]
    fn geomean_of_ratios() {
        assert!((geomean(&[2.0, 0.5]).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(geomean(&[]), None);
    }
}
