//! Business hours: whether people answer at a given moment, in the inbox's local time (UTC plus a
//! fixed offset; banks publish their hours that way).

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};

use crate::error::{DomainError, DomainResult};
use crate::model::BusinessHours;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

/// Checks days, times (`HH:MM`, open before close) and the offset (±14 h).
pub fn validate(hours: &BusinessHours) -> DomainResult<()> {
    if hours.utc_offset_minutes.abs() > 14 * 60 {
        return Err(DomainError::validation("business_hours", "utc_offset_minutes is within ±840"));
    }
    for period in &hours.days {
        if !DAYS.contains(&period.day.trim().to_ascii_lowercase().as_str()) {
            return Err(DomainError::validation("business_hours", "day is one of mon, tue, wed, thu, fri, sat, sun"));
        }
        match (time(&period.open), time(&period.close)) {
            (Some(open), Some(close)) if open < close => {}
            _ => return Err(DomainError::validation("business_hours", "open and close are HH:MM, open before close")),
        }
    }
    Ok(())
}

/// Whether `now` falls in one of the opening periods.
pub fn open_at(hours: &BusinessHours, now: DateTime<Utc>) -> bool {
    let local = now.naive_utc() + Duration::minutes(i64::from(hours.utc_offset_minutes));
    let day = DAYS[local.weekday().num_days_from_monday() as usize];
    let clock = local.time();
    hours.days.iter().any(|p| {
        p.day.trim().eq_ignore_ascii_case(day)
            && matches!((time(&p.open), time(&p.close)), (Some(open), Some(close)) if open <= clock && clock < close)
    })
}

/// The next moment after `now` when people answer, in local time: `(day, "HH:MM")` with `day`
/// 0 for Monday; `None` when the hours name no day at all.
pub fn next_opening(hours: &BusinessHours, now: DateTime<Utc>) -> Option<(usize, String)> {
    let local = now.naive_utc() + Duration::minutes(i64::from(hours.utc_offset_minutes));
    (0..8).find_map(|ahead| {
        let date = local.date() + Duration::days(ahead);
        let weekday = date.weekday().num_days_from_monday() as usize;
        hours
            .days
            .iter()
            .filter(|p| p.day.trim().eq_ignore_ascii_case(DAYS[weekday]))
            .filter_map(|p| time(&p.open))
            .filter(|open| date.and_time(*open) > local)
            .min()
            .map(|open| (weekday, open.format("%H:%M").to_string()))
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::OpenHours;

    fn weekdays(open: &str, close: &str, offset: i32) -> BusinessHours {
        let days =
            DAYS[..5].iter().map(|d| OpenHours { day: (*d).into(), open: open.into(), close: close.into() }).collect();
        BusinessHours { utc_offset_minutes: offset, days }
    }

    #[test]
    fn opening_follows_local_time_and_the_weekday() {
        // Mexico City, UTC-6: Monday 2026-11-23 15:00 UTC is 09:00 local.
        let hours = weekdays("09:00", "18:00", -360);
        assert!(open_at(&hours, Utc.with_ymd_and_hms(2026, 11, 23, 15, 0, 0).unwrap()));
        assert!(!open_at(&hours, Utc.with_ymd_and_hms(2026, 11, 23, 14, 59, 0).unwrap()));
        assert!(!open_at(&hours, Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap()), "18:00 local is closed");
        // Saturday.
        assert!(!open_at(&hours, Utc.with_ymd_and_hms(2026, 11, 28, 17, 0, 0).unwrap()));
    }

    #[test]
    fn the_next_opening_is_found_across_the_weekend() {
        let hours = weekdays("09:00", "18:00", -360);
        // Friday 2026-11-27 20:00 local (Saturday 02:00 UTC): Monday at nine.
        assert_eq!(
            next_opening(&hours, Utc.with_ymd_and_hms(2026, 11, 28, 2, 0, 0).unwrap()),
            Some((0, "09:00".into()))
        );
        // Tuesday 07:00 local: the same day.
        assert_eq!(
            next_opening(&hours, Utc.with_ymd_and_hms(2026, 11, 24, 13, 0, 0).unwrap()),
            Some((1, "09:00".into()))
        );
        assert_eq!(next_opening(&BusinessHours { utc_offset_minutes: 0, days: vec![] }, Utc::now()), None);
    }

    #[test]
    fn bad_hours_are_refused() {
        assert!(validate(&weekdays("18:00", "09:00", 0)).is_err());
        assert!(validate(&weekdays("9am", "18:00", 0)).is_err());
        assert!(validate(&weekdays("09:00", "18:00", 900)).is_err());
        let mut hours = weekdays("09:00", "18:00", 0);
        hours.days[0].day = "monday".into();
        assert!(validate(&hours).is_err());
        assert!(validate(&weekdays("09:00", "18:00", 60)).is_ok());
    }
}
