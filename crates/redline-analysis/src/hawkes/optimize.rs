//! Nelder–Mead minimisation in three dimensions: no gradients needed, robust on the smooth but
//! badly scaled likelihood surfaces of point processes.

/// Minimises `f` from `start` with an initial simplex of side `step`; stops after `max_iter`
/// iterations or when the simplex's values differ by less than `tolerance`. Returns the best
/// point and its value.
pub fn nelder_mead(
    f: &dyn Fn(&[f64; 3]) -> f64,
    start: [f64; 3],
    step: f64,
    max_iter: usize,
    tolerance: f64,
) -> ([f64; 3], f64) {
    let mut simplex: Vec<([f64; 3], f64)> = (0..4)
        .map(|i| {
            let mut x = start;
            if i > 0 {
                x[i - 1] += step;
            }
            (x, f(&x))
        })
        .collect();
    let lerp = |a: &[f64; 3], b: &[f64; 3], t: f64| -> [f64; 3] {
        [
            a[0] + t * (b[0] - a[0]),
            a[1] + t * (b[1] - a[1]),
            a[2] + t * (b[2] - a[2]),
        ]
    };
    for _ in 0..max_iter {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        if (simplex[3].1 - simplex[0].1).abs() <= tolerance * (1.0 + simplex[0].1.abs()) {
            break;
        }
        let mut centroid = [0.0; 3];
        for (x, _) in &simplex[..3] {
            for d in 0..3 {
                centroid[d] += x[d] / 3.0;
            }
        }
        let worst = simplex[3];
        // Reflection through the centroid of the others.
        let reflected = lerp(&centroid, &worst.0, -1.0);
        let fr = f(&reflected);
        if fr < simplex[0].1 {
            let expanded = lerp(&centroid, &worst.0, -2.0);
            let fe = f(&expanded);
            simplex[3] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < simplex[2].1 {
            simplex[3] = (reflected, fr);
        } else {
            // Contraction towards the better of the worst point and its reflection.
            let (toward, fw) = if fr < worst.1 {
                (reflected, fr)
            } else {
                (worst.0, worst.1)
            };
            let contracted = lerp(&centroid, &toward, 0.5);
            let fc = f(&contracted);
            if fc < fw {
                simplex[3] = (contracted, fc);
            } else {
                // Shrink everything towards the best point.
                let best = simplex[0].0;
                for v in simplex.iter_mut().skip(1) {
                    let x = lerp(&best, &v.0, 0.5);
                    *v = (x, f(&x));
                }
            }
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    simplex[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_finds_the_minimum_of_a_badly_scaled_bowl() {
        let f = |x: &[f64; 3]| {
            (x[0] - 1.0).powi(2) + 100.0 * (x[1] + 2.0).powi(2) + 0.01 * (x[2] - 3.0).powi(2)
        };
        let (x, v) = nelder_mead(&f, [0.0, 0.0, 0.0], 1.0, 5000, 1e-14);
        assert!(v < 1e-6, "{x:?} {v}");
        assert!(
            (x[0] - 1.0).abs() < 1e-3 && (x[1] + 2.0).abs() < 1e-3 && (x[2] - 3.0).abs() < 0.05,
            "{x:?}"
        );
    }
}
