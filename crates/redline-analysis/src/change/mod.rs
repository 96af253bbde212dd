//! Change detection on an escalation index: a two-sided CUSUM on robustly standardised values.
//!
//! Each value is standardised against the series' own median and MAD (so one extreme week does
//! not set the baseline), then two cumulative sums run: one upward (escalation) and one downward
//! (de-escalation). A sum above `threshold` flags an episode; the episode starts where that sum
//! last left zero, and the sum restarts after the flag. `slack` is the drift ignored per period,
//! in standard units. With the defaults (slack 0.5, threshold 5) a stable normal series raises a
//! false alarm about once in 900 periods per direction, and a shift of two standard deviations
//! is flagged after about four periods.

/// Which way the index moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Up: more conflict.
    Escalation,
    /// Down: less conflict.
    DeEscalation,
}

/// A flagged change.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Episode {
    /// Which way.
    pub direction: Direction,
    /// Index of the first period of the episode.
    pub start: usize,
    /// Index of the period where the sum crossed the threshold.
    pub flagged: usize,
    /// The cumulative sum when flagged, in standard units.
    pub score: f64,
}

/// CUSUM settings.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Cusum {
    /// Drift ignored per period, standard units.
    pub slack: f64,
    /// Cumulative sum that flags a change, standard units.
    pub threshold: f64,
    /// The smallest scale, in the index's own units: a series that is almost always zero has a
    /// tiny spread, and without a floor any small event would look like a change.
    pub min_scale: f64,
}

impl Default for Cusum {
    fn default() -> Self {
        Cusum {
            slack: 0.5,
            threshold: 5.0,
            min_scale: 1.0,
        }
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Robust centre and scale: the median, and the MAD scaled to a normal standard deviation
/// (falling back to the mean absolute deviation, then to 1, for flat series).
pub fn baseline(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 1.0);
    }
    let mut v = values.to_vec();
    let m = median(&mut v);
    let mut dev: Vec<f64> = values.iter().map(|x| (x - m).abs()).collect();
    let mad = 1.4826 * median(&mut dev);
    let scale = if mad > 1e-9 {
        mad
    } else {
        let mean_abs = dev.iter().sum::<f64>() / dev.len() as f64;
        if mean_abs > 1e-9 {
            1.2533 * mean_abs
        } else {
            1.0
        }
    };
    (m, scale)
}

impl Cusum {
    /// The episodes of `values` (one value per period, in order).
    pub fn detect(&self, values: &[f64]) -> Vec<Episode> {
        let (centre, scale) = baseline(values);
        let scale = scale.max(self.min_scale);
        let mut out = Vec::new();
        let (mut up, mut down) = (0.0f64, 0.0f64);
        let (mut up_start, mut down_start) = (0usize, 0usize);
        for (i, &x) in values.iter().enumerate() {
            let z = (x - centre) / scale;
            if up == 0.0 {
                up_start = i;
            }
            if down == 0.0 {
                down_start = i;
            }
            up = (up + z - self.slack).max(0.0);
            down = (down - z - self.slack).max(0.0);
            if up > self.threshold {
                out.push(Episode {
                    direction: Direction::Escalation,
                    start: up_start,
                    flagged: i,
                    score: up,
                });
                up = 0.0;
            }
            if down > self.threshold {
                out.push(Episode {
                    direction: Direction::DeEscalation,
                    start: down_start,
                    flagged: i,
                    score: down,
                });
                down = 0.0;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    /// Roughly normal noise: the sum of four uniforms, centred and scaled.
    fn noise(rng: &mut SplitMix64) -> f64 {
        ((0..4).map(|_| rng.uniform()).sum::<f64>() - 2.0) * 1.7320508
    }

    #[test]
    fn a_shift_up_is_flagged_soon_after_it_starts() {
        let mut rng = SplitMix64::new(4);
        let values: Vec<f64> = (0..80)
            .map(|i| noise(&mut rng) + if (50..70).contains(&i) { 3.0 } else { 0.0 })
            .collect();
        let episodes = Cusum::default().detect(&values);
        let ups: Vec<&Episode> = episodes
            .iter()
            .filter(|e| e.direction == Direction::Escalation)
            .collect();
        assert!(!ups.is_empty(), "{episodes:?}");
        assert!(
            (50..=54).contains(&ups[0].flagged) && ups[0].start >= 47,
            "{episodes:?}"
        );
        assert!(
            episodes.iter().all(|e| e.flagged >= 47),
            "no false alarm before the shift: {episodes:?}"
        );
    }

    #[test]
    fn a_drop_is_a_de_escalation() {
        let values: Vec<f64> = (0..40)
            .map(|i| if i < 25 { 10.0 + (i % 3) as f64 } else { 2.0 })
            .collect();
        let episodes = Cusum::default().detect(&values);
        assert!(
            episodes
                .iter()
                .any(|e| e.direction == Direction::DeEscalation && (25..=28).contains(&e.flagged)),
            "{episodes:?}"
        );
    }

    #[test]
    fn noise_alone_rarely_raises_an_alarm() {
        // 20 stable series of 100 periods: about 4 false alarms are expected in all; more than
        // 10 would mean the baseline or the threshold is wrong.
        let alarms: usize = (0..20)
            .map(|seed| {
                let mut rng = SplitMix64::new(seed);
                let values: Vec<f64> = (0..100).map(|_| noise(&mut rng)).collect();
                Cusum::default().detect(&values).len()
            })
            .sum();
        assert!(alarms <= 10, "{alarms} false alarms");
    }

    #[test]
    fn a_small_blip_in_an_empty_series_is_not_a_change_but_a_war_is() {
        let mut values = vec![0.0; 30];
        values[20] = 0.3;
        assert_eq!(Cusum::default().detect(&values), vec![]);
        values[20] = 10.0;
        let e = Cusum::default().detect(&values);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].direction, e[0].flagged), (Direction::Escalation, 20));
    }

    #[test]
    fn a_flat_series_has_a_finite_baseline() {
        assert_eq!(baseline(&[2.0, 2.0, 2.0]), (2.0, 1.0));
        assert_eq!(Cusum::default().detect(&[0.0; 10]), vec![]);
    }
}
