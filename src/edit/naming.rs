//! Names for new items: "New system 3", "Zone 2", always the lowest number not yet taken.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowest_free_number_fills_gaps() {
        let names = ["New system 1", "New system 3", "Other", "New system x"];
        assert_eq!(lowest_free_number(names.into_iter(), "New system "), 2);
        assert_eq!(lowest_free_number(std::iter::empty(), "New system "), 1);
        let unordered = ["New system 2", "New system 1"];
        assert_eq!(lowest_free_number(unordered.into_iter(), "New system "), 3);
    }
}
