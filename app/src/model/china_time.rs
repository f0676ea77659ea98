//! Time as the shoppers, sellers and operators read it: China Standard Time, UTC+8 all
//! year (no daylight saving). Instants are Unix seconds; days and years start at midnight
//! in China. Plain arithmetic, so the browser shares it with the server.

/// China's offset from UTC, in seconds.
pub const OFFSET: i64 = 8 * 3600;
/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// The day number (days since 1970-01-01, China time) of an instant.
pub fn day_number(seconds: i64) -> i64 {
    (seconds + OFFSET).div_euclid(DAY)
}

/// The first second of the day (China time) that `seconds` falls in.
pub fn day_start(seconds: i64) -> i64 {
    day_number(seconds) * DAY - OFFSET
}

/// The first second of the calendar year (China time) that `seconds` falls in.
pub fn year_start(seconds: i64) -> i64 {
    let (year, _, _) = civil_from_days(day_number(seconds));
    seconds_at(year, 1, 1, 0, 0)
}

/// Unix seconds of a civil date and time in China.
pub fn seconds_at(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> i64 {
    days_from_civil(year, month, day) * DAY + hour * 3600 + minute * 60 - OFFSET
}

/// `2026-11-30`.
pub fn date(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(day_number(seconds));
    format!("{year:04}-{month:02}-{day:02}")
}

/// `2026-11-30 14:05`.
pub fn minute(seconds: i64) -> String {
    let into_day = (seconds + OFFSET).rem_euclid(DAY);
    format!(
        "{} {:02}:{:02}",
        date(seconds),
        into_day / 3600,
        into_day % 3600 / 60
    )
}

/// `2026-11-30T14:05`, as a `datetime-local` field shows it.
pub fn local_input(seconds: i64) -> String {
    minute(seconds).replacen(' ', "T", 1)
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) to days since 1970-01-01, the inverse of [`civil_from_days`].
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_shown_in_china_time() {
        assert_eq!(minute(0), "1970-01-01 08:00");
        assert_eq!(minute(1_796_040_000), "2026-11-30 20:00");
        assert_eq!(minute(1_709_164_800), "2024-02-29 08:00");
        assert_eq!(local_input(1_796_040_000), "2026-11-30T20:00");
        assert_eq!(date(1_796_056_200), "2026-12-01");
        assert_eq!(date(1_796_000_000), "2026-11-30");
        assert_eq!(date(-1), "1970-01-01");
        assert_eq!(date(-OFFSET - 1), "1969-12-31");
    }

    #[test]
    fn a_day_starts_at_midnight_in_china() {
        // 2026-12-01 00:00 in China is 2026-11-30 16:00 UTC.
        let midnight = 1_796_054_400;
        assert_eq!(seconds_at(2026, 12, 1, 0, 0), midnight);
        assert_eq!(day_start(midnight), midnight);
        assert_eq!(day_start(midnight + DAY - 1), midnight);
        assert_eq!(day_start(midnight - 1), midnight - DAY);
        assert_eq!(date(midnight), "2026-12-01");
        assert_eq!(date(midnight - 1), "2026-11-30");
    }

    #[test]
    fn a_year_starts_at_midnight_on_the_first_of_january_in_china() {
        let new_year = seconds_at(2027, 1, 1, 0, 0);
        assert_eq!(minute(new_year), "2027-01-01 00:00");
        assert_eq!(year_start(new_year), new_year);
        assert_eq!(year_start(new_year + 200 * DAY), new_year);
        assert_eq!(year_start(new_year - 1), seconds_at(2026, 1, 1, 0, 0));
    }

    #[test]
    fn dates_and_days_convert_both_ways() {
        for days in [-800_000, -1, 0, 1, 11_016, 20_788, 800_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(seconds_at(2024, 2, 29, 8, 0), 1_709_164_800);
    }
}
