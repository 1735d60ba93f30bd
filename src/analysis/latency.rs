//! Reading a latency budget out of the free-text latency requirement.
//!
//! Every response time in the text counts: a number followed by milliseconds or seconds
//! ("< 200 ms p95", "2 s", "500ms", "1,500 ms", "1.5 seconds"). A number glued to letters
//! before it ("p95") or followed by anything else ("99.9%", "5 min") is skipped: minutes
//! and hours describe asynchronous deliveries, not calls someone waits for. The budget is
//! the *loosest* figure. A requirement often names several ("checkout < 2 s; stock lookups
//! < 100 ms"), and the text does not say which path each one is for, so only a path that
//! misses even the loosest one is surely too slow. Text without a figure gives no budget,
//! and then the latency rule stays silent.

/// The budget in milliseconds, if the text states one.
pub(crate) fn budget_ms(text: &str) -> Option<u64> {
    figures_ms(text).max()
}

/// Every response time in the text, in milliseconds.
fn figures_ms(text: &str) -> impl Iterator<Item = u64> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let found = next_figure(text, bytes, at);
        at = found.map_or(bytes.len(), |(_, end)| end);
        found.map(|(ms, _)| ms)
    })
}

/// The first figure at or after `from`, and where it ends.
fn next_figure(text: &str, bytes: &[u8], from: usize) -> Option<(u64, usize)> {
    let mut at = from;
    while at < bytes.len() {
        let glued = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'.');
        if !bytes[at].is_ascii_digit() || glued {
            at += 1;
            continue;
        }
        let (value, end) = number(bytes, at);
        let unit_start = end + bytes[end..].iter().take_while(|b| **b == b' ').count();
        let unit_len = bytes[unit_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let unit = text[unit_start..unit_start + unit_len].to_ascii_lowercase();
        match scale(&unit) {
            Some(scale) if (value * scale).is_finite() && value * scale < u64::MAX as f64 => {
                return Some(((value * scale).round() as u64, unit_start + unit_len));
            }
            _ => at = end.max(at + 1),
        }
    }
    None
}

/// Milliseconds per unit.
fn scale(unit: &str) -> Option<f64> {
    match unit {
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => Some(1.0),
        "s" | "sec" | "secs" | "second" | "seconds" => Some(1_000.0),
        _ => None,
    }
}

/// The number starting at `start`: digits, commas before groups of three, one decimal point.
fn number(bytes: &[u8], start: usize) -> (f64, usize) {
    let mut digits = String::new();
    let mut at = start;
    let group_follows = |at: usize| {
        bytes.len() >= at + 4
            && bytes[at + 1..at + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit())
    };
    while at < bytes.len() {
        match bytes[at] {
            b if b.is_ascii_digit() => digits.push(b as char),
            b',' if group_follows(at) => {}
            b'.' if !digits.contains('.') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) => {
                digits.push('.')
            }
            _ => break,
        }
        at += 1;
    }
    (digits.parse().unwrap_or(f64::NAN), at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ways_of_writing_a_budget() {
        assert_eq!(budget_ms("< 200 ms p95"), Some(200));
        assert_eq!(budget_ms("2 s"), Some(2_000));
        assert_eq!(budget_ms("500ms"), Some(500));
        assert_eq!(budget_ms("1.5 seconds end to end"), Some(1_500));
        assert_eq!(budget_ms("1,500 ms"), Some(1_500));
        assert_eq!(
            budget_ms("p99 under 300 ms for synchronous calls"),
            Some(300)
        );
    }

    #[test]
    fn the_loosest_response_time_wins() {
        assert_eq!(
            budget_ms("Lookups p95 < 100 ms; checkout p95 < 2 s; SAP within 5 min"),
            Some(2_000)
        );
        assert_eq!(budget_ms("99.9% of requests under 250 ms"), Some(250));
    }

    #[test]
    fn text_without_a_figure_gives_no_budget() {
        for text in [
            "",
            "fast",
            "as fast as possible",
            "p95",
            "99.95%",
            "2 stock checks",
            "24/7",
            "within 5 min",
        ] {
            assert_eq!(budget_ms(text), None, "{text}");
        }
    }
}
