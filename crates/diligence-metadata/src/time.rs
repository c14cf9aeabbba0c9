//! RFC 3339 / ISO 8601 timestamps as the registry writes them (`2021-03-12T20:53:39.118Z`),
//! converted to Unix seconds without a date library.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds per day.
pub const DAY_SECS: f64 = 86_400.0;

/// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` (also a bare `YYYY-MM-DD`) into Unix
/// seconds. Returns `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let t = text.trim();
    let date = t.get(0..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let rest = &t[10..];
    if rest.is_empty() {
        return Some(days * 86_400);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let hms = rest.get(0..8)?;
    let mut hp = hms.split(':');
    let h: i64 = hp.next()?.parse().ok()?;
    let m: i64 = hp.next()?.parse().ok()?;
    let s: i64 = hp.next()?.parse().ok()?;
    let mut tail = &rest[8..];
    if let Some(frac) = tail.strip_prefix('.') {
        let end = frac
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(frac.len());
        tail = &frac[end..];
    }
    let offset = match tail {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match tail.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let oh: i64 = tail.get(1..3)?.parse().ok()?;
            let om: i64 = tail.get(4..6)?.parse().ok()?;
            sign * (oh * 3600 + om * 60)
        }
    };
    Some(days * 86_400 + h * 3600 + m * 60 + s - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Unix seconds of a [`SystemTime`] (negative before 1970).
pub fn unix_secs(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// Days (fractional) from `from` to `to`, both Unix seconds.
pub fn days_between(from: i64, to: i64) -> f64 {
    (to - from) as f64 / DAY_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_registry_times() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00.000Z"), Some(0));
        assert_eq!(
            parse_rfc3339("2021-03-12T20:53:39.118Z"),
            Some(1_615_582_419)
        );
        assert_eq!(
            parse_rfc3339("2021-03-12T21:53:39+01:00"),
            Some(1_615_582_419)
        );
        assert_eq!(parse_rfc3339("2000-02-29"), Some(951_782_400));
        assert_eq!(parse_rfc3339("yesterday"), None);
        assert_eq!(parse_rfc3339("2021-13-01T00:00:00Z"), None);
    }
}
