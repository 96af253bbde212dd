//! Lines on standard output that end the program quietly when the reader goes away.
//!
//! `println!` panics when standard output is a closed pipe (`redline events | head`). Commands
//! print with [`outln!`] instead: a closed pipe ends the program with status 0, like the Unix
//! tools it is piped into; any other write error is reported and ends it with status 1.

use std::io::Write as _;

/// Writes one line to standard output (see the module documentation).
pub fn line(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| out.write_all(b"\n"));
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("redline: error: writing to standard output: {e}");
        std::process::exit(1);
    }
}

/// A line that follows a table or a series: on standard output, or on standard error when
/// standard output carries JSON Lines (so that it stays parseable).
pub fn note(json: bool, line: &str) {
    if json {
        eprintln!("{line}");
    } else {
        self::line(format_args!("{line}"));
    }
}

/// `s` cut to at most `n` characters, the last one an ellipsis when something was cut.
pub fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// `println!` that ends the program quietly on a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))
    };
}
pub(crate) use outln;
