//! Timestamps on the wire, as `#[serde(serialize_with = …)]` of the models' `DateTime<Utc>`
//! fields: the same text chrono writes (RFC 3339 in UTC, `2026-12-05T01:52:02.123456Z`, the
//! fraction in 0, 3, 6 or 9 digits), put together in a buffer on the stack and written at once.
//! chrono's own `Serialize` goes through `Display` piece by piece, each piece escaped by the JSON
//! writer: half the JSON time of a page of tickets (six timestamps a ticket).

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use serde::Serializer;

/// A timestamp.
pub fn utc<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 30];
    match written(at, &mut buf).and_then(|n| std::str::from_utf8(&buf[..n]).ok()) {
        Some(text) => serializer.serialize_str(text),
        // Years before 0 or after 9999 carry a sign: chrono writes those.
        None => serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
    }
}

/// A timestamp or `null`.
pub fn utc_or_null<S: Serializer>(at: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => utc(at, serializer),
        None => serializer.serialize_none(),
    }
}

/// Writes `at` into `buf`; the length, or `None` for a year outside 0–9999.
fn written(at: &DateTime<Utc>, buf: &mut [u8; 30]) -> Option<usize> {
    let year = u32::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
    let (mut second, mut nano) = (at.second(), at.nanosecond());
    // A leap second is second 60, as chrono writes it.
    if nano >= 1_000_000_000 {
        second += 1;
        nano -= 1_000_000_000;
    }
    let mut n = 0;
    let mut put = |digits: usize, value: u32, after: u8| {
        let mut v = value;
        for i in (0..digits).rev() {
            buf[n + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        buf[n + digits] = after;
        n += digits + 1;
    };
    put(4, year, b'-');
    put(2, at.month(), b'-');
    put(2, at.day(), b'T');
    put(2, at.hour(), b':');
    put(2, at.minute(), b':');
    match nano {
        0 => put(2, second, b'Z'),
        _ => {
            put(2, second, b'.');
            if nano % 1_000_000 == 0 {
                put(3, nano / 1_000_000, b'Z');
            } else if nano % 1_000 == 0 {
                put(6, nano / 1_000, b'Z');
            } else {
                put(9, nano, b'Z');
            }
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;

    fn json(at: DateTime<Utc>) -> String {
        let mut out = Vec::new();
        let _ = utc(&at, &mut serde_json::Serializer::new(&mut out));
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn writes_what_chrono_writes() {
        let times = [(3, 4, 5), (23, 59, 59), (0, 0, 0)];
        let nanos = [0, 7, 120_000_000, 123_000, 123_456_789, 999_999_999, 1_000_000_000, 1_500_000_000];
        let mut checked = 0;
        for year in [2026, 0, 1, 999, 9999, -1, 10_000] {
            for (h, m, s) in times {
                for nano in nanos {
                    let Some(naive) =
                        NaiveDate::from_ymd_opt(year, 12, 31).and_then(|d| d.and_hms_nano_opt(h, m, s, nano))
                    else {
                        continue;
                    };
                    let at = Utc.from_utc_datetime(&naive);
                    assert_eq!(json(at), serde_json::to_string(&at).unwrap_or_default(), "{naive:?}");
                    checked += 1;
                }
            }
        }
        // Leap seconds (second 59 only) and years that need a sign were among them.
        assert!(checked > 100, "{checked}");
        assert_eq!(json(Utc.timestamp_opt(0, 0).single().unwrap_or_default()), "\"1970-01-01T00:00:00Z\"");
    }
}
