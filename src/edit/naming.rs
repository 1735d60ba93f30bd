//! Names for new items: "New system 3", "Zone 2", always the lowest number not yet taken;
//! and names for copies: "X (copy)", "X (copy 2)", …

use std::collections::HashSet;

/// The smallest `n ≥ 1` such that no name is `"{prefix}{n}"`.
pub fn lowest_free_number<'a>(names: impl Iterator<Item = &'a str>, prefix: &str) -> u64 {
    let mut taken: Vec<u64> = names
        .filter_map(|name| name.strip_prefix(prefix)?.parse().ok())
        .collect();
    taken.sort_unstable();
    taken.dedup();
    let mut candidate = 1;
    for n in taken {
        if n == candidate {
            candidate += 1;
        } else if n > candidate {
            break;
        }
    }
    candidate
}

/// `name`, or when it is taken, the first free one of "X (copy)", "X (copy 2)", … where X
/// is `name` without any copy mark it has: a copy of "X (copy)" is "X (copy 2)", never
/// "X (copy) (copy)".
pub fn copy_name(name: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(name) {
        return name.to_owned();
    }
    let original = without_copy_mark(name);
    std::iter::once(format!("{original} (copy)"))
        .chain((2..).map(|n| format!("{original} (copy {n})")))
        .find(|candidate| !taken.contains(candidate))
        .expect("the numbers run out only after every name is taken")
}

/// "X" for "X (copy)" and "X (copy 7)"; any other name as it is.
fn without_copy_mark(name: &str) -> &str {
    if let Some(original) = name.strip_suffix(" (copy)") {
        return original;
    }
    let numbered = name
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" (copy "))
        .filter(|(_, number)| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()));
    match numbered {
        Some((original, _)) => original,
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(names: &[&str]) -> HashSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn copies_are_numbered_from_the_original_name() {
        assert_eq!(copy_name("X", &taken(&["Y"])), "X", "a free name stays");
        assert_eq!(copy_name("X", &taken(&["X"])), "X (copy)");
        assert_eq!(copy_name("X", &taken(&["X", "X (copy)"])), "X (copy 2)");
        let three = taken(&["X", "X (copy)", "X (copy 2)"]);
        assert_eq!(copy_name("X", &three), "X (copy 3)");
        // A copy of a copy is the next copy of the original.
        assert_eq!(
            copy_name("X (copy)", &taken(&["X", "X (copy)"])),
            "X (copy 2)"
        );
        assert_eq!(copy_name("X (copy 2)", &three), "X (copy 3)");
        // A gap is filled.
        let gap = taken(&["X", "X (copy 2)"]);
        assert_eq!(copy_name("X (copy 2)", &gap), "X (copy)");
    }

    #[test]
    fn only_a_real_copy_mark_is_taken_off() {
        assert_eq!(without_copy_mark("X (copy 12)"), "X");
        assert_eq!(without_copy_mark("X (copy x)"), "X (copy x)");
        assert_eq!(without_copy_mark("X (copy )"), "X (copy )");
        assert_eq!(without_copy_mark("Copy (copy"), "Copy (copy");
        assert_eq!(without_copy_mark(" (copy)"), "");
        assert_eq!(
            copy_name("X (copy x)", &taken(&["X (copy x)"])),
            "X (copy x) (copy)"
        );
    }

    #[test]
    fn lowest_free_number_fills_gaps() {
        let names = ["New system 1", "New system 3", "Other", "New system x"];
        assert_eq!(lowest_free_number(names.into_iter(), "New system "), 2);
        assert_eq!(lowest_free_number(std::iter::empty(), "New system "), 1);
        let unordered = ["New system 2", "New system 1"];
        assert_eq!(lowest_free_number(unordered.into_iter(), "New system "), 3);
    }
}
