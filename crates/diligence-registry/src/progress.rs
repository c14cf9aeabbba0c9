//! Progress of long fetches on stderr.
//!
//! - On a terminal: a bar per stage, `packuments [=====>    ] 140/406 12/s 20s`, with rates
//!   written for people ([`human_rate`]: `9.6/s`, `146/s`, `3.1k/s`).
//! - Not on a terminal (CI logs): one plain line every few seconds
//!   ([`DEFAULT_LINE_INTERVAL`], or `$DILIGENCE_PROGRESS_INTERVAL` seconds) naming every stage
//!   still running: `packuments 140/406 (12/s), tarballs 96/406 (8.5/s)`. Nothing is printed
//!   for a run shorter than the interval.
//!
//! Callers get an [`indicatif::ProgressBar`] either way and only `inc` and
//! `finish_and_clear` it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle, WeakProgressBar};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the plain progress line is written when stderr is not a terminal.
pub const DEFAULT_LINE_INTERVAL: Duration = Duration::from_secs(5);

/// Environment variable overriding [`DEFAULT_LINE_INTERVAL`], in seconds (decimals allowed).
pub const LINE_INTERVAL_ENV: &str = "DILIGENCE_PROGRESS_INTERVAL";

/// A progress indicator of `len` steps labelled `label` (e.g. `packuments`). Hidden unless
/// `show`; a bar on a terminal, else a stage of the periodic plain line. Updating a hidden
/// bar costs nothing.
pub fn bar(len: u64, label: &'static str, show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    if !std::io::stderr().is_terminal() {
        let bar = ProgressBar::hidden();
        bar.set_length(len);
        lines::register(label, &bar);
        return bar;
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{prefix:>12} [{bar:30}] {pos}/{len} {rate} {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = w.write_str(&human_rate(s.per_sec()));
        })
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(label);
    bar
}

/// A rate for people: one decimal under 10 (`9.6/s`), whole numbers under 1,000 (`146/s`),
/// thousands with one decimal above (`3.1k/s`); `0/s` for nothing or nonsense.
pub fn human_rate(per_sec: f64) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        "0/s".to_string()
    } else if per_sec < 9.95 {
        format!("{per_sec:.1}/s")
    } else if per_sec < 999.5 {
        format!("{per_sec:.0}/s")
    } else if per_sec < 999_950.0 {
        format!("{:.1}k/s", per_sec / 1000.0)
    } else {
        format!("{:.1}M/s", per_sec / 1_000_000.0)
    }
}

/// One stage of the plain line: `packuments 140/406 (12/s)`.
pub fn stage_line(label: &str, position: u64, length: Option<u64>, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        position as f64 / secs
    } else {
        0.0
    };
    match length {
        Some(len) => format!("{label} {position}/{len} ({})", human_rate(rate)),
        None => format!("{label} {position} ({})", human_rate(rate)),
    }
}

/// The periodic plain line for stderr that is not a terminal.
mod lines {
    use super::*;

    struct Stage {
        label: &'static str,
        bar: WeakProgressBar,
        started: Instant,
    }

    struct Registry {
        stages: Vec<Stage>,
        ticking: bool,
    }

    static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
        stages: Vec::new(),
        ticking: false,
    });

    fn interval() -> Duration {
        std::env::var(LINE_INTERVAL_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(Duration::from_secs_f64)
            .unwrap_or(DEFAULT_LINE_INTERVAL)
    }

    pub(super) fn register(label: &'static str, bar: &ProgressBar) {
        let mut registry = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
        registry.stages.push(Stage {
            label,
            bar: bar.downgrade(),
            started: Instant::now(),
        });
        if !registry.ticking {
            registry.ticking = true;
            let every = interval();
            let spawned = std::thread::Builder::new()
                .name("diligence-progress".into())
                .spawn(move || tick(every));
            if spawned.is_err() {
                registry.ticking = false;
            }
        }
    }

    /// Writes the line every `every` while a stage is running; stops when none is.
    fn tick(every: Duration) {
        loop {
            std::thread::sleep(every);
            let line = {
                let mut registry = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
                registry
                    .stages
                    .retain(|s| s.bar.upgrade().is_some_and(|b| !b.is_finished()));
                if registry.stages.is_empty() {
                    registry.ticking = false;
                    return;
                }
                let parts: Vec<String> = registry
                    .stages
                    .iter()
                    .filter_map(|s| {
                        let bar = s.bar.upgrade()?;
                        Some(stage_line(
                            s.label,
                            bar.position(),
                            bar.length(),
                            s.started.elapsed(),
                        ))
                    })
                    .collect();
                parts.join(", ")
            };
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_for_people() {
        assert_eq!(human_rate(3145.9107), "3.1k/s");
        assert_eq!(human_rate(146.4), "146/s");
        assert_eq!(human_rate(9.63), "9.6/s");
        assert_eq!(human_rate(9.97), "10/s");
        assert_eq!(human_rate(0.0), "0/s");
        assert_eq!(human_rate(f64::NAN), "0/s");
        assert_eq!(
            stage_line("packuments", 140, Some(406), Duration::from_secs(10)),
            "packuments 140/406 (14/s)"
        );
    }
}
