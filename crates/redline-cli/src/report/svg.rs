//! Chart primitives for the report, written by hand as inline SVG: a linear scale, "nice" value
//! ticks, calendar-aligned date ticks, and one chart type (lines and step lines over periods,
//! with shaded episodes, a legend and a hover title on every point).
//!
//! Why by hand: the report must be one self-contained file that loads nothing, and the charts
//! it needs are few and simple, so a charting crate (or a JavaScript library inlined) would be
//! more code to trust than this.

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};

use super::html::escape;

/// A linear map from a domain of values to a range of pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    /// Domain start and end.
    pub(crate) domain: (f64, f64),
    /// Range start and end (pixels; the end may be below the start, as on a y axis).
    pub(crate) range: (f64, f64),
}

impl Scale {
    /// The pixel of value `v`; a zero-width domain maps everything to the range's middle.
    pub(crate) fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Value ticks: evenly spaced round numbers that cover the data.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    /// Distance between ticks: 1, 2 or 5 times a power of ten.
    pub(crate) step: f64,
    /// The ticks, increasing; the first is at or below the data's minimum, the last at or
    /// above its maximum, so they double as the axis domain.
    pub(crate) values: Vec<f64>,
}

impl Ticks {
    /// The axis domain: first to last tick.
    pub(crate) fn domain(&self) -> (f64, f64) {
        (
            self.values[0],
            *self.values.last().expect("at least two ticks"),
        )
    }

    /// A tick's label with as many decimals as the step needs ("0.5", "10", "-2").
    pub(crate) fn label(&self, v: f64) -> String {
        let decimals = if self.step >= 1.0 {
            0
        } else {
            (-self.step.log10()).ceil() as usize
        };
        format!("{v:.decimals$}")
    }
}

/// The smallest of 1, 2, 5 times a power of ten that is at least `raw` (positive).
pub(crate) fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        // A little slack, so that 0.30000000000000004 does not jump to 0.5.
        if m * power >= raw * (1.0 - 1e-9) {
            return m * power;
        }
    }
    10.0 * power
}

/// At most `max` (at least 3: a range across zero needs −s, 0 and s) round ticks covering
/// `[lo, hi]`. A flat or empty range is widened
/// first so that an axis always has a length; non-finite bounds give 0 to 1.
pub(crate) fn nice_ticks(lo: f64, hi: f64, max: usize) -> Ticks {
    let max = max.max(3);
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    if hi - lo < 1e-12 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() / 2.0 };
        if lo >= 0.0 && lo - pad < 0.0 {
            // Counts and rates stay non-negative: widen upwards.
            hi = lo + pad;
        } else {
            lo -= pad;
            hi += pad;
        }
    }
    let mut step = nice_step((hi - lo) / (max - 1) as f64);
    // Each round multiplies the step by at least 1.5; once it exceeds the range, three ticks
    // (two when the range does not cross zero) are enough, so this ends within a few rounds.
    loop {
        let first = (lo / step + 1e-9).floor();
        let last = (hi / step - 1e-9).ceil();
        let n = (last - first) as usize + 1;
        if n <= max {
            let values = (0..n)
                .map(|i| multiple_of_step(first + i as f64, step))
                .collect();
            return Ticks { step, values };
        }
        step = nice_step(step * 1.5);
    }
}

/// `k` times a nice `step`, computed as an integer over an exact power of ten so that it is the
/// double nearest the decimal (3 × 0.2 is 0.6, not 0.6000000000000001), and never -0.
fn multiple_of_step(k: f64, step: f64) -> f64 {
    let e = step.log10().floor() as i32;
    let m = (step / 10f64.powi(e)).round();
    let v = if e >= 0 {
        k * m * 10f64.powi(e)
    } else {
        k * m / 10f64.powi(-e)
    };
    if v == 0.0 { 0.0 } else { v }
}

/// How far apart date ticks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStep {
    Days(i64),
    Weeks(i64),
    Months(u32),
    Years(i32),
}

impl DateStep {
    const ALL: [DateStep; 15] = [
        DateStep::Days(1),
        DateStep::Days(2),
        DateStep::Weeks(1),
        DateStep::Weeks(2),
        DateStep::Months(1),
        DateStep::Months(2),
        DateStep::Months(3),
        DateStep::Months(6),
        DateStep::Years(1),
        DateStep::Years(2),
        DateStep::Years(5),
        DateStep::Years(10),
        DateStep::Years(20),
        DateStep::Years(50),
        DateStep::Years(100),
    ];

    /// Whether `d` is a tick: aligned to the calendar (Mondays, the first of a month, the first
    /// of January), and to multiples of the step counted from a fixed day, so that ticks do not
    /// move when the range does.
    fn is_tick(self, d: NaiveDate) -> bool {
        let days = i64::from(d.num_days_from_ce());
        match self {
            DateStep::Days(n) => days.rem_euclid(n) == 0,
            // Day 1 of the common era was a Monday.
            DateStep::Weeks(n) => (days - 1).rem_euclid(7) == 0 && (days - 1) / 7 % n == 0,
            DateStep::Months(n) => d.day() == 1 && d.month0().is_multiple_of(n),
            DateStep::Years(n) => d.ordinal() == 1 && d.year().rem_euclid(n) == 0,
        }
    }

    /// The first tick at or after `d`.
    fn first(self, d: NaiveDate) -> NaiveDate {
        let mut t = match self {
            DateStep::Days(_) | DateStep::Weeks(_) => d,
            DateStep::Months(_) | DateStep::Years(_) => {
                if d.day() == 1 {
                    d
                } else {
                    next_month(d)
                }
            }
        };
        // At most 100 years of months, or a few hundred days, to walk.
        while !self.is_tick(t) {
            t = match self {
                DateStep::Days(_) | DateStep::Weeks(_) => t + Duration::days(1),
                DateStep::Months(_) | DateStep::Years(_) => next_month(t),
            };
        }
        t
    }

    fn next(self, t: NaiveDate) -> NaiveDate {
        match self {
            DateStep::Days(n) => t + Duration::days(n),
            DateStep::Weeks(n) => t + Duration::days(7 * n),
            DateStep::Months(n) => (0..n).fold(t, |d, _| next_month(d)),
            DateStep::Years(n) => (0..n * 12).fold(t, |d, _| next_month(d)),
        }
    }

    fn label(self, d: NaiveDate) -> String {
        match self {
            DateStep::Days(_) | DateStep::Weeks(_) => d.format("%Y-%m-%d").to_string(),
            DateStep::Months(_) => d.format("%Y-%m").to_string(),
            DateStep::Years(_) => d.format("%Y").to_string(),
        }
    }
}

/// The first of the month after `d`'s.
fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("the first of a month exists")
}

/// At most `max` date ticks within `[from, to]`, with their labels: the finest calendar step
/// (days, weeks, months, years) that fits.
pub(crate) fn date_ticks(from: NaiveDate, to: NaiveDate, max: usize) -> Vec<(NaiveDate, String)> {
    let max = max.max(1);
    for step in DateStep::ALL {
        let mut out = Vec::new();
        let mut t = step.first(from);
        while t <= to && out.len() <= max {
            out.push((t, step.label(t)));
            t = step.next(t);
        }
        if out.len() <= max {
            return out;
        }
    }
    vec![(from, from.format("%Y").to_string())]
}

/// How the y axis is chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum YAxis {
    /// From zero to the data's maximum (counts and rates).
    FromZero,
    /// A fixed range (Goldstein's -10 to 10, the ladder's rungs).
    Fixed(f64, f64),
}

/// One line of a chart: a value (or a gap) per period.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    /// Legend text.
    pub(crate) name: String,
    /// Stroke colour.
    pub(crate) color: &'static str,
    /// Dashed stroke (the third-party component, which is never added to the direct one).
    pub(crate) dashed: bool,
    /// Drawn as steps held over each period (a level), rather than points joined by lines (a
    /// rate).
    pub(crate) step: bool,
    /// One per period; `None` is a gap.
    pub(crate) values: Vec<Option<f64>>,
    /// Hover text per period.
    pub(crate) tips: Vec<String>,
}

/// A shaded stretch of time with a label (a change-point episode).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Band {
    /// First day.
    pub(crate) start: NaiveDate,
    /// Day after the last.
    pub(crate) end: NaiveDate,
    /// Label written at its top.
    pub(crate) label: String,
    /// Fill colour.
    pub(crate) color: &'static str,
    /// Hover text.
    pub(crate) tip: String,
    /// Label row (0 or 1), so that overlapping episodes of both kinds stay readable.
    pub(crate) row: u8,
}

/// A chart over consecutive periods.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chart {
    /// Title, above the plot.
    pub(crate) title: String,
    /// What the y axis measures.
    pub(crate) y_label: String,
    /// `[start, end)` of each period, in order.
    pub(crate) periods: Vec<(NaiveDate, NaiveDate)>,
    /// The y axis.
    pub(crate) y: YAxis,
    /// A reference line at zero.
    pub(crate) zero_line: bool,
    /// The lines.
    pub(crate) series: Vec<Series>,
    /// Shaded stretches, drawn under the lines.
    pub(crate) bands: Vec<Band>,
    /// Legend entries for the bands: label and colour.
    pub(crate) band_legend: Vec<(String, &'static str)>,
}

/// Drawing area, in viewBox units: a laptop screen shows the 960 units at about their size.
const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 264.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 58.0;
const BOTTOM: f64 = 36.0;
/// Space between the plot's edges and the lowest and highest ticks, so that a point at the end
/// of a fixed axis (a Goldstein of -10) is not hidden by the axis line.
const PAD: f64 = 8.0;
/// Space above the highest tick when episodes are shaded: their labels (two rows) go there,
/// clear of the grid lines and the data.
const LABEL_PAD: f64 = 30.0;

/// Days since the common era, as a coordinate.
fn day(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

impl Chart {
    /// The chart as an `<svg>` element; an empty string when there are no periods.
    pub(crate) fn render(&self) -> String {
        let (Some(first), Some(last)) = (self.periods.first(), self.periods.last()) else {
            return String::new();
        };
        let x = Scale {
            domain: (day(first.0), day(last.1)),
            range: (LEFT, WIDTH - RIGHT),
        };
        let ticks = self.y_ticks();
        let top_pad = if self.bands.is_empty() {
            PAD
        } else {
            LABEL_PAD
        };
        let y = Scale {
            domain: ticks.domain(),
            range: (HEIGHT - BOTTOM - PAD, TOP + top_pad),
        };
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}"><title>{}</title>"#,
            escape(&self.title),
            escape(&self.title)
        );
        let _ = write!(
            s,
            r##"<rect x="{LEFT}" y="{TOP}" width="{}" height="{}" fill="#fff" stroke="none"/>"##,
            WIDTH - LEFT - RIGHT,
            HEIGHT - TOP - BOTTOM
        );
        self.bands_svg(&mut s, &x);
        axes_svg(&mut s, &x, &y, &ticks, (first.0, last.1));
        if self.zero_line && ticks.domain().0 < 0.0 && ticks.domain().1 > 0.0 {
            let y0 = y.at(0.0);
            let _ = write!(
                s,
                r##"<line x1="{LEFT}" x2="{:.1}" y1="{y0:.1}" y2="{y0:.1}" stroke="#666" stroke-width="1"/>"##,
                WIDTH - RIGHT
            );
        }
        for series in &self.series {
            self.series_svg(&mut s, series, &x, &y);
        }
        self.titles_svg(&mut s);
        s.push_str("</svg>");
        s
    }

    /// Ticks of the y axis, from the data or fixed.
    fn y_ticks(&self) -> Ticks {
        match self.y {
            YAxis::Fixed(lo, hi) => nice_ticks(lo, hi, 7),
            YAxis::FromZero => {
                let max = self
                    .series
                    .iter()
                    .flat_map(|s| s.values.iter().flatten())
                    .copied()
                    .fold(0.0, f64::max);
                nice_ticks(0.0, max, 6)
            }
        }
    }

    fn bands_svg(&self, s: &mut String, x: &Scale) {
        for b in &self.bands {
            let (x0, x1) = (x.at(day(b.start)), x.at(day(b.end)));
            let _ = write!(
                s,
                r#"<rect class="band" x="{x0:.1}" y="{TOP}" width="{:.1}" height="{}" fill="{}" fill-opacity="0.16"><title>{}</title></rect>"#,
                (x1 - x0).max(1.0),
                HEIGHT - TOP - BOTTOM,
                b.color,
                escape(&b.tip)
            );
            // Written from the band's start, or back from its end when it would leave the plot.
            let (at, anchor) = if x0 + text_width(&b.label) + 6.0 > WIDTH - RIGHT {
                (x1.min(WIDTH - RIGHT) - 3.0, "end")
            } else {
                (x0 + 3.0, "start")
            };
            let _ = write!(
                s,
                r#"<text x="{at:.1}" y="{:.1}" text-anchor="{anchor}" class="band-label" fill="{}">{}</text>"#,
                TOP + 12.0 + 12.0 * f64::from(b.row),
                b.color,
                escape(&b.label)
            );
        }
    }

    fn series_svg(&self, s: &mut String, series: &Series, x: &Scale, y: &Scale) {
        let dash = if series.dashed {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let path = if series.step {
            step_path(&self.periods, &series.values, x, y)
        } else {
            line_path(&self.periods, &series.values, x, y)
        };
        if !path.is_empty() {
            let _ = write!(
                s,
                r#"<path d="{path}" fill="none" stroke="{}" stroke-width="2"{dash}/>"#,
                series.color
            );
        }
        // Smaller markers when there are many, so that they do not hide the lines.
        let r = if self.periods.len() > 60 { 2.0 } else { 3.0 };
        for (i, (p, v)) in self.periods.iter().zip(&series.values).enumerate() {
            let Some(v) = v else { continue };
            let tip = series.tips.get(i).map_or("", String::as_str);
            let _ = write!(
                s,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{r}" fill="{}"><title>{}</title></circle>"#,
                x.at(mid(*p)),
                y.at(*v),
                series.color,
                escape(tip)
            );
        }
    }

    /// The title, the y label and the legend.
    fn titles_svg(&self, s: &mut String) {
        let _ = write!(
            s,
            r#"<text x="{LEFT}" y="18" class="chart-title">{}</text>"#,
            escape(&self.title)
        );
        let _ = write!(
            s,
            r#"<text transform="translate(14 {:.1}) rotate(-90)" text-anchor="middle" class="axis-label">{}</text>"#,
            TOP + (HEIGHT - TOP - BOTTOM) / 2.0,
            escape(&self.y_label)
        );
        let mut at = LEFT;
        let row = 40.0;
        for series in &self.series {
            let dash = if series.dashed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let _ = write!(
                s,
                r#"<line x1="{at:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="{}" stroke-width="2"{dash}/><text x="{:.1}" y="{row}">{}</text>"#,
                at + 26.0,
                row - 4.0,
                row - 4.0,
                series.color,
                at + 32.0,
                escape(&series.name)
            );
            at += 32.0 + text_width(&series.name) + 18.0;
        }
        for (label, color) in &self.band_legend {
            let _ = write!(
                s,
                r#"<rect x="{at:.1}" y="{:.1}" width="20" height="10" fill="{color}" fill-opacity="0.3"/><text x="{:.1}" y="{row}">{}</text>"#,
                row - 9.0,
                at + 26.0,
                escape(label)
            );
            at += 26.0 + text_width(label) + 18.0;
        }
    }
}

/// Grid lines and labels of both axes.
fn axes_svg(
    s: &mut String,
    x: &Scale,
    y: &Scale,
    ticks: &Ticks,
    (from, to): (NaiveDate, NaiveDate),
) {
    for &v in &ticks.values {
        let py = y.at(v);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" x2="{:.1}" y1="{py:.1}" y2="{py:.1}" stroke="#e3e3e3"/><text x="{:.1}" y="{:.1}" text-anchor="end" class="tick">{}</text>"##,
            WIDTH - RIGHT,
            LEFT - 6.0,
            py + 4.0,
            ticks.label(v)
        );
    }
    // The last day shown is the day before the domain's end.
    let last_day = to - Duration::days(1);
    let max = ((WIDTH - LEFT - RIGHT) / 110.0) as usize;
    for (d, label) in date_ticks(from, last_day.max(from), max) {
        let px = x.at(day(d));
        let _ = write!(
            s,
            r##"<line x1="{px:.1}" x2="{px:.1}" y1="{:.1}" y2="{:.1}" stroke="#999"/><text x="{px:.1}" y="{:.1}" text-anchor="middle" class="tick">{label}</text>"##,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 5.0,
            HEIGHT - BOTTOM + 18.0
        );
    }
    let _ = write!(
        s,
        r##"<path d="M{LEFT} {TOP} V{:.1} H{:.1}" fill="none" stroke="#999"/>"##,
        HEIGHT - BOTTOM,
        WIDTH - RIGHT
    );
}

/// The middle of a period, where its point is drawn.
fn mid((start, end): (NaiveDate, NaiveDate)) -> f64 {
    (day(start) + day(end)) / 2.0
}

/// Points joined by straight lines; a gap breaks the line.
fn line_path(
    periods: &[(NaiveDate, NaiveDate)],
    values: &[Option<f64>],
    x: &Scale,
    y: &Scale,
) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (p, v) in periods.iter().zip(values) {
        match v {
            Some(v) => {
                let _ = write!(
                    d,
                    "{}{:.1} {:.1} ",
                    if pen_down { "L" } else { "M" },
                    x.at(mid(*p)),
                    y.at(*v)
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d.trim_end().to_string()
}

/// A level held over each period, with vertical joins; a gap breaks the line.
fn step_path(
    periods: &[(NaiveDate, NaiveDate)],
    values: &[Option<f64>],
    x: &Scale,
    y: &Scale,
) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (p, v) in periods.iter().zip(values) {
        match v {
            Some(v) => {
                let (x0, x1, py) = (x.at(day(p.0)), x.at(day(p.1)), y.at(*v));
                if pen_down {
                    let _ = write!(d, "V{py:.1} H{x1:.1} ");
                } else {
                    let _ = write!(d, "M{x0:.1} {py:.1} H{x1:.1} ");
                }
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d.trim_end().to_string()
}

/// Rough width of `text` at the chart's 12-unit font, for laying out the legend.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 6.6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A step is 1, 2 or 5 times a power of ten.
    fn is_nice(step: f64) -> bool {
        let m = step / 10f64.powf(step.log10().floor());
        [1.0, 2.0, 5.0, 10.0].iter().any(|n| (m - n).abs() < 1e-9)
    }

    #[test]
    fn the_scale_maps_the_domain_onto_the_range() {
        let s = Scale {
            domain: (0.0, 10.0),
            range: (200.0, 0.0),
        };
        assert_eq!(s.at(0.0), 200.0);
        assert_eq!(s.at(10.0), 0.0);
        assert_eq!(s.at(2.5), 150.0);
        let flat = Scale {
            domain: (3.0, 3.0),
            range: (0.0, 100.0),
        };
        assert_eq!(flat.at(3.0), 50.0);
    }

    #[test]
    fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.0), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(0.03), 0.05);
        assert_eq!(nice_step(0.1 + 0.2), 0.5);
        assert_eq!(nice_step(2400.0), 5000.0);
    }

    #[test]
    fn ticks_are_increasing_round_cover_the_data_and_are_few() {
        let cases = [
            (0.0, 1.0),
            (0.0, 37.5),
            (0.0, 0.23),
            (-10.0, 10.0),
            (-3.2, 7.9),
            (0.0, 12.0),
            (12.3, 12.3),
            (0.0, 0.0),
            (-4.0, -4.0),
            (1e-3, 2e-3),
            (0.0, 123_456.0),
            (f64::NAN, 3.0),
        ];
        for (lo, hi) in cases {
            for max in [3, 5, 6, 8] {
                let t = nice_ticks(lo, hi, max);
                let v = &t.values;
                assert!(v.len() >= 2 && v.len() <= max, "{lo} {hi} {max}: {t:?}");
                assert!(v.windows(2).all(|w| w[0] < w[1]), "{lo} {hi}: {t:?}");
                assert!(is_nice(t.step), "{lo} {hi}: {t:?}");
                for x in v {
                    let k = x / t.step;
                    assert!((k - k.round()).abs() < 1e-6, "{x} is not a multiple: {t:?}");
                }
                if lo.is_finite() && hi.is_finite() {
                    assert!(v[0] <= lo && *v.last().unwrap() >= hi, "{lo} {hi}: {t:?}");
                }
                // Consecutive ticks are one step apart.
                assert!(v.windows(2).all(|w| (w[1] - w[0] - t.step).abs() < 1e-9));
            }
        }
        assert_eq!(
            nice_ticks(-10.0, 10.0, 6).values,
            [-10.0, -5.0, 0.0, 5.0, 10.0]
        );
        assert_eq!(
            nice_ticks(0.0, 12.0, 7).values,
            [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]
        );
        // Exact decimals, no binary dust.
        assert_eq!(
            nice_ticks(0.0, 1.0, 6).values,
            [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
        assert_eq!(nice_ticks(0.0, 0.3, 4).values, [0.0, 0.1, 0.2, 0.3]);
        // Counts never get a negative axis.
        assert_eq!(nice_ticks(0.0, 0.0, 3).values, [0.0, 0.5, 1.0]);
        assert!(nice_ticks(0.0, 0.0, 6).values.iter().all(|v| *v >= 0.0));
    }

    #[test]
    fn labels_have_the_decimals_the_step_needs() {
        let t = nice_ticks(0.0, 0.23, 6);
        assert_eq!(t.step, 0.05);
        assert_eq!(t.label(0.15), "0.15");
        let t = nice_ticks(-10.0, 10.0, 6);
        assert_eq!(t.label(-5.0), "-5");
        assert_eq!(nice_ticks(0.0, 1.0, 3).label(0.5), "0.5");
    }

    #[test]
    fn date_ticks_are_increasing_inside_the_range_calendar_aligned_and_few() {
        let cases = [
            ("2025-03-03", "2025-03-05"),
            ("2025-03-03", "2025-05-11"),
            ("2025-03-03", "2025-03-30"),
            ("2024-01-17", "2025-06-30"),
            ("2014-02-20", "2025-06-30"),
            ("1979-01-01", "2025-12-31"),
            ("2025-03-03", "2025-03-03"),
        ];
        for (from, to) in cases {
            let (from, to) = (date(from), date(to));
            for max in [3, 6, 8] {
                let t = date_ticks(from, to, max);
                assert!(!t.is_empty() && t.len() <= max, "{from} {to}: {t:?}");
                assert!(t.windows(2).all(|w| w[0].0 < w[1].0), "{t:?}");
                assert!(t.iter().all(|(d, _)| *d >= from && *d <= to), "{t:?}");
            }
        }
        // Ten weeks: Mondays. Eighteen months: quarter starts. Eleven years: every other year.
        let weeks = date_ticks(date("2025-03-03"), date("2025-05-11"), 10);
        assert_eq!(weeks.len(), 10);
        assert!(
            weeks
                .iter()
                .all(|(d, _)| d.weekday() == chrono::Weekday::Mon)
        );
        assert_eq!(weeks[0].1, "2025-03-03");
        let quarters = date_ticks(date("2024-01-17"), date("2025-06-30"), 6);
        assert_eq!(
            quarters.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
            ["2024-04", "2024-07", "2024-10", "2025-01", "2025-04"]
        );
        let years = date_ticks(date("2014-02-20"), date("2025-06-30"), 8);
        assert_eq!(
            years.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
            ["2016", "2018", "2020", "2022", "2024"]
        );
    }

    #[test]
    fn a_chart_has_axes_a_legend_hover_titles_and_escaped_text() {
        let periods: Vec<(NaiveDate, NaiveDate)> = (0..4)
            .map(|i| {
                let s = date("2025-03-03") + Duration::days(7 * i);
                (s, s + Duration::days(7))
            })
            .collect();
        let chart = Chart {
            title: "Conflict <per> 100 documents".into(),
            y_label: "events".into(),
            periods: periods.clone(),
            y: YAxis::FromZero,
            zero_line: false,
            series: vec![Series {
                name: "conflict & more".into(),
                color: "#c0392b",
                dashed: true,
                step: false,
                values: vec![Some(1.0), None, Some(3.0), Some(2.0)],
                tips: (0..4).map(|i| format!("week {i}")).collect(),
            }],
            bands: vec![Band {
                start: periods[1].0,
                end: periods[2].1,
                label: "escalation".into(),
                color: "#c0392b",
                tip: "escalation from 2025-03-10".into(),
                row: 0,
            }],
            band_legend: vec![("escalation episode".into(), "#c0392b")],
        };
        let svg = chart.render();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("Conflict &lt;per&gt; 100 documents"));
        assert!(svg.contains("conflict &amp; more"));
        assert!(svg.contains("stroke-dasharray"));
        // Three points with a value, each with its hover title; the gap breaks the line.
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("<title>week 2</title>"));
        let path = svg.split(r#"<path d=""#).nth(2).unwrap();
        assert_eq!(path.split('"').next().unwrap().matches('M').count(), 2);
        assert!(svg.contains(">2025-03-03</text>"));
        assert!(svg.contains("escalation from 2025-03-10"));
        assert!(!svg.contains("http"));
        assert_eq!(
            Chart {
                periods: vec![],
                ..chart
            }
            .render(),
            ""
        );
    }
}
