//! Progress on a terminal, silence in pipes.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar over `total` sources, drawn on standard error only when standard error is a
/// terminal, there is more than one source, and the user did not turn it off. Otherwise a hidden
/// bar, so callers never branch on it.
pub fn sources_bar(total: usize, enabled: bool) -> ProgressBar {
    if !enabled || total < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files  {msg}  (eta {eta})",
        )
        .expect("progress template is valid"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The bar's message: documents so far, their rate, and skips.
pub fn tally_message(bar: &ProgressBar, documents: usize, skipped: usize) -> String {
    let seconds = bar.elapsed().as_secs_f64().max(1e-3);
    format!(
        "{documents} documents ({:.0}/s), {skipped} skipped",
        documents as f64 / seconds
    )
}

/// A spinner with a message, for work whose total is not known in advance; drawn only on a
/// terminal, hidden otherwise.
pub fn spinner(enabled: bool) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
            .expect("progress template is valid"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
