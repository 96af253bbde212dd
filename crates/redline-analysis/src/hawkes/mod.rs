//! A self-exciting (Hawkes) point process with an exponential kernel.
//!
//! The intensity at time `t` (in days) is
//!
//! ```text
//! λ(t) = μ + Σ_{t_i < t} α β exp(−β (t − t_i))
//! ```
//!
//! `μ` is the background rate (events per day that arrive on their own), `α` the branching ratio
//! (each event triggers `α` further events on average, so `α` is also the long-run share of events
//! that were triggered by earlier ones), and `1/β` the mean delay, in days, between an event and
//! the events it triggers. The process is stationary when `α < 1`; fits are constrained to it.
//!
//! The fit maximises the exact log-likelihood (computed in one pass with the usual recursion for
//! exponential kernels) with Nelder–Mead over unconstrained parameters (`μ = e^a`,
//! `α = 1/(1+e^−b)`, `β = e^c`), from several starting points. Forecasts of the number of events
//! in the next `h` days have a closed-form mean (the kernel is Markov) and an interval from
//! simulated continuations of the observed history. [`backtest`] scores those forecasts on a
//! dyad's own past (rolling origins, against Poisson and persistence baselines).
//!
//! Event dates come at day precision: [`spread_days`] places the `k` events of one day at
//! `(j + 0.5) / k` within it, so that ties do not create infinite intensities.

pub mod backtest;
mod optimize;

use crate::rng::SplitMix64;

/// Parameters of the process.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct HawkesParams {
    /// Background rate, events per day.
    pub mu: f64,
    /// Branching ratio: events triggered per event, in `[0, 1)`.
    pub alpha: f64,
    /// Decay rate per day; `1/beta` is the mean triggering delay.
    pub beta: f64,
}

/// Why a fit was not possible.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    /// Too few events to say anything about self-excitation.
    #[error(
        "{found} {} too few to fit a self-exciting model (at least {needed} are needed)",
        if *found == 1 { "event is" } else { "events are" }
    )]
    TooFewEvents {
        /// Events given.
        found: usize,
        /// Events needed.
        needed: usize,
    },
    /// Times out of order, negative, beyond the window, or not finite.
    #[error("event time {time} at position {index} is not within [0, {horizon}] or not in order")]
    BadTime {
        /// Position in the input.
        index: usize,
        /// The time.
        time: f64,
        /// The end of the observation window.
        horizon: f64,
    },
}

/// A fitted model and how well it fits.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Fit {
    /// The maximum-likelihood parameters.
    pub params: HawkesParams,
    /// The log-likelihood at the maximum.
    pub log_likelihood: f64,
    /// The log-likelihood of the best homogeneous Poisson process (no self-excitation), for a
    /// likelihood-ratio comparison.
    pub poisson_log_likelihood: f64,
    /// Number of events fitted.
    pub events: usize,
    /// Length of the observation window, days.
    pub horizon: f64,
}

impl Fit {
    /// Twice the log-likelihood gain over a Poisson process: large values (above about 6) say the
    /// events really do cluster in time.
    pub fn likelihood_ratio(&self) -> f64 {
        2.0 * (self.log_likelihood - self.poisson_log_likelihood)
    }
}

/// Expected number of events in a coming period, with an interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Forecast {
    /// Days ahead.
    pub days: f64,
    /// Expected count (closed form).
    pub expected: f64,
    /// Lower bound of the interval (the 5% quantile of simulated counts).
    pub low: u64,
    /// Upper bound of the interval (the 95% quantile).
    pub high: u64,
}

/// The fewest events [`fit`] accepts.
pub const MIN_EVENTS: usize = 10;

/// Event times from day numbers (days since any fixed origin, in order): the `k` events of one
/// day are spread evenly inside it.
pub fn spread_days(days: &[i64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(days.len());
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j < days.len() && days[j] == days[i] {
            j += 1;
        }
        let k = (j - i) as f64;
        for n in 0..j - i {
            out.push(days[i] as f64 + (n as f64 + 0.5) / k);
        }
        i = j;
    }
    out
}

fn check_times(times: &[f64], horizon: f64) -> Result<(), FitError> {
    let mut last = 0.0;
    for (index, &time) in times.iter().enumerate() {
        if !time.is_finite() || time < last || time > horizon {
            return Err(FitError::BadTime {
                index,
                time,
                horizon,
            });
        }
        last = time;
    }
    Ok(())
}

/// The log-likelihood of `times` (sorted, within `[0, horizon]`) under `p`.
pub fn log_likelihood(p: &HawkesParams, times: &[f64], horizon: f64) -> f64 {
    let mut sum_log = 0.0;
    // a = Σ_{j<i} exp(−β (t_i − t_j)), updated in one pass.
    let mut a = 0.0;
    let mut prev: Option<f64> = None;
    for &t in times {
        if let Some(s) = prev {
            a = (-(p.beta) * (t - s)).exp() * (1.0 + a);
        }
        sum_log += (p.mu + p.alpha * p.beta * a).ln();
        prev = Some(t);
    }
    let compensator = p.mu * horizon
        + p.alpha
            * times
                .iter()
                .map(|&t| 1.0 - (-(p.beta) * (horizon - t)).exp())
                .sum::<f64>();
    sum_log - compensator
}

fn from_free(x: &[f64; 3]) -> HawkesParams {
    HawkesParams {
        mu: x[0].exp(),
        alpha: 1.0 / (1.0 + (-x[1]).exp()),
        beta: x[2].exp(),
    }
}

/// Fits the process to event times in days (sorted, within `[0, horizon]`).
pub fn fit(times: &[f64], horizon: f64) -> Result<Fit, FitError> {
    if times.len() < MIN_EVENTS {
        return Err(FitError::TooFewEvents {
            found: times.len(),
            needed: MIN_EVENTS,
        });
    }
    check_times(times, horizon)?;
    let n = times.len() as f64;
    let poisson_rate = n / horizon;
    let poisson_log_likelihood = n * poisson_rate.ln() - poisson_rate * horizon;
    let objective = |x: &[f64; 3]| {
        let v = -log_likelihood(&from_free(x), times, horizon);
        if v.is_finite() { v } else { f64::MAX }
    };
    // Starting points: several branching ratios and delays, the background rate set so that
    // the expected count matches.
    let mut best: Option<([f64; 3], f64)> = None;
    for alpha in [0.1, 0.5, 0.8] {
        for beta in [0.1, 1.0, 5.0] {
            let mu: f64 = poisson_rate * (1.0 - alpha);
            let start = [mu.ln(), (alpha / (1.0 - alpha)).ln(), f64::ln(beta)];
            let (x, v) = optimize::nelder_mead(&objective, start, 0.5, 2000, 1e-10);
            if best.as_ref().is_none_or(|(_, b)| v < *b) {
                best = Some((x, v));
            }
        }
    }
    let (x, v) = best.expect("at least one start");
    Ok(Fit {
        params: from_free(&x),
        log_likelihood: -v,
        poisson_log_likelihood,
        events: times.len(),
        horizon,
    })
}

/// Simulates the process on `[0, horizon]` from an empty history (Ogata's thinning).
pub fn simulate(p: &HawkesParams, horizon: f64, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    continue_from(p, 0.0, 0.0, horizon, &mut rng)
}

/// Continues the process from time `start`, where the triggered part of the intensity is
/// `excess`, until `end`; returns the new event times.
fn continue_from(
    p: &HawkesParams,
    start: f64,
    excess: f64,
    end: f64,
    rng: &mut SplitMix64,
) -> Vec<f64> {
    let mut out = Vec::new();
    let mut t = start;
    let mut excess = excess;
    loop {
        // The intensity only decays until the next event, so its current value bounds it.
        let bound = p.mu + excess;
        let wait = rng.exponential(bound);
        let next = t + wait;
        if next > end {
            return out;
        }
        excess *= (-(p.beta) * wait).exp();
        t = next;
        if rng.uniform() * bound <= p.mu + excess {
            out.push(t);
            excess += p.alpha * p.beta;
        }
    }
}

/// The triggered part of the intensity at `at`, given the events before it.
pub fn excess_at(p: &HawkesParams, times: &[f64], at: f64) -> f64 {
    times
        .iter()
        .filter(|&&t| t <= at)
        .map(|&t| p.alpha * p.beta * (-(p.beta) * (at - t)).exp())
        .sum()
}

/// The expected number of events in the next `days` when the triggered part of the intensity is
/// `x0` now.
///
/// The expected excess relaxes to its stationary value `αμ/(1−α)` at rate `k = β(1−α)`, so the
/// mean is `(μ + s) d + (x0 − s)(1 − e^{−kd})/k` with `s = αμ/(1−α)`. Written that way it is
/// 0/0 at `α = 1` (where a fit can land: the logistic map rounds to exactly 1) and loses all
/// precision when `k` is tiny. Rearranged, it is `μd + x0·g + αμβ·q` with `g = (1 − e^{−kd})/k`
/// and `q = (kd − 1 + e^{−kd})/k²`, both finite as `k → 0` (`g → d`, `q → d²/2`): the critical
/// process (`α = 1`), whose rate grows linearly, has a finite mean too.
fn expected_count(p: &HawkesParams, x0: f64, days: f64) -> f64 {
    let x = p.beta * (1.0 - p.alpha) * days;
    let (g, q) = if x < 1e-4 {
        // Series of (1 − e^{−x})/x and (x − 1 + e^{−x})/x², accurate to O(x³) here.
        (
            days * (1.0 - x / 2.0 + x * x / 6.0),
            days * days * (0.5 - x / 6.0 + x * x / 24.0),
        )
    } else {
        (
            days * -(-x).exp_m1() / x,
            days * days * (x + (-x).exp_m1()) / (x * x),
        )
    };
    p.mu * days + x0 * g + p.alpha * p.mu * p.beta * q
}

/// Expected number of events in `(horizon, horizon + days]` given the history, with the 5%-95%
/// interval of `runs` simulated continuations.
pub fn forecast(
    p: &HawkesParams,
    times: &[f64],
    horizon: f64,
    days: f64,
    runs: usize,
    seed: u64,
) -> Forecast {
    let x0 = excess_at(p, times, horizon);
    let expected = expected_count(p, x0, days);
    let mut rng = SplitMix64::new(seed);
    let mut counts: Vec<u64> = (0..runs.max(1))
        .map(|_| continue_from(p, horizon, x0, horizon + days, &mut rng).len() as u64)
        .collect();
    counts.sort_unstable();
    let q = |f: f64| counts[((counts.len() - 1) as f64 * f).round() as usize];
    Forecast {
        days,
        expected,
        low: q(0.05),
        high: q(0.95),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUE: HawkesParams = HawkesParams {
        mu: 0.4,
        alpha: 0.6,
        beta: 1.5,
    };

    #[test]
    fn days_are_spread_inside_the_day() {
        assert_eq!(spread_days(&[3, 3, 5]), vec![3.25, 3.75, 5.5]);
        assert!(spread_days(&[]).is_empty());
    }

    #[test]
    fn a_simulation_has_the_stationary_rate() {
        let horizon = 4000.0;
        let times = simulate(&TRUE, horizon, 1);
        let rate = times.len() as f64 / horizon;
        let expected = TRUE.mu / (1.0 - TRUE.alpha);
        assert!(
            (rate - expected).abs() / expected < 0.1,
            "rate {rate}, expected {expected}"
        );
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_fit_recovers_known_parameters_from_simulated_data() {
        // Stated tolerance: within 25% for μ and β, within 0.1 for α, on 3,000-day histories,
        // for each of three seeds.
        for seed in [11, 12, 13] {
            let horizon = 3000.0;
            let times = simulate(&TRUE, horizon, seed);
            let f = fit(&times, horizon).unwrap();
            let p = f.params;
            assert!((p.alpha - TRUE.alpha).abs() < 0.1, "seed {seed}: {p:?}");
            assert!(
                (p.mu - TRUE.mu).abs() / TRUE.mu < 0.25,
                "seed {seed}: {p:?}"
            );
            assert!(
                (p.beta - TRUE.beta).abs() / TRUE.beta < 0.25,
                "seed {seed}: {p:?}"
            );
            assert!(
                f.likelihood_ratio() > 100.0,
                "seed {seed}: {}",
                f.likelihood_ratio()
            );
        }
    }

    #[test]
    fn a_poisson_stream_has_almost_no_self_excitation() {
        let poisson = HawkesParams {
            mu: 1.0,
            alpha: 0.0,
            beta: 1.0,
        };
        let horizon = 2000.0;
        let times = simulate(&poisson, horizon, 5);
        let f = fit(&times, horizon).unwrap();
        assert!(f.params.alpha < 0.1, "{:?}", f.params);
        assert!(f.likelihood_ratio() < 10.0, "{}", f.likelihood_ratio());
    }

    #[test]
    fn the_forecast_mean_agrees_with_simulation() {
        let horizon = 500.0;
        let times = simulate(&TRUE, horizon, 21);
        for days in [7.0, 30.0] {
            let f = forecast(&TRUE, &times, horizon, days, 4000, 3);
            // The simulated mean, from the same continuations' distribution.
            let mut rng = SplitMix64::new(99);
            let x0 = excess_at(&TRUE, &times, horizon);
            let runs = 4000;
            let mean = (0..runs)
                .map(|_| continue_from(&TRUE, horizon, x0, horizon + days, &mut rng).len() as f64)
                .sum::<f64>()
                / runs as f64;
            assert!(
                (f.expected - mean).abs() / mean < 0.05,
                "{days} days: closed form {} vs simulated {mean}",
                f.expected
            );
            assert!(
                f.low as f64 <= f.expected && f.expected <= f.high as f64,
                "{f:?}"
            );
        }
    }

    #[test]
    fn the_forecast_mean_is_finite_at_the_critical_boundary() {
        // A fit can land on α = 1 (the logistic map rounds to 1.0) with a tiny β; the mean is
        // then μd + x0·d + μβd²/2 (the rate grows linearly), not NaN.
        let critical = HawkesParams {
            mu: 0.75,
            alpha: 1.0,
            beta: 0.0016,
        };
        let times: Vec<f64> = (0..240).map(|i| i as f64 * 1.3 + 0.5).collect();
        let horizon = 320.0;
        let x0 = excess_at(&critical, &times, horizon);
        let f = forecast(&critical, &times, horizon, 7.0, 2000, 5);
        let exact = 0.75 * 7.0 + x0 * 7.0 + 0.75 * 0.0016 * 49.0 / 2.0;
        assert!((f.expected - exact).abs() < 1e-9, "{f:?} vs {exact}");
        assert!(
            f.low as f64 <= f.expected && f.expected <= f.high as f64,
            "{f:?}"
        );
        // Near the boundary the rearranged form agrees with the textbook one where that one is
        // still accurate.
        let near = HawkesParams {
            mu: 0.4,
            alpha: 0.6,
            beta: 1.5,
        };
        for (x0, days) in [(0.0, 7.0), (2.5, 30.0), (0.3, 0.5)] {
            let k = near.beta * (1.0 - near.alpha);
            let s = near.alpha * near.mu / (1.0 - near.alpha);
            let textbook = (near.mu + s) * days + (x0 - s) * (1.0 - (-k * days).exp()) / k;
            let ours = expected_count(&near, x0, days);
            assert!(
                (ours - textbook).abs() < 1e-9 * textbook,
                "{ours} {textbook}"
            );
        }
        let tiny = HawkesParams {
            mu: 0.4,
            alpha: 0.6,
            beta: 1e-9,
        };
        let v = expected_count(&tiny, 0.2, 30.0);
        assert!((v - (0.4 * 30.0 + 0.2 * 30.0)).abs() < 1e-6, "{v}");
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(
            fit(&[1.0, 2.0], 10.0),
            Err(FitError::TooFewEvents {
                found: 2,
                needed: MIN_EVENTS
            })
        );
        let mut times: Vec<f64> = (0..20).map(f64::from).collect();
        times[5] = 100.0;
        assert!(matches!(
            fit(&times, 50.0),
            Err(FitError::BadTime { index: 5, .. })
        ));
    }
}
