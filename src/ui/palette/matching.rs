//! How well a command's label matches what was typed into the palette: by its initials
//! ("sa": Save As…), its start, the starts of its words in order ("zosel": Zoom to
//! Selection), or anywhere in it. Case is ignored.

/// The rank of `label` for `query`, lower is better; `None` when it does not match.
pub fn rank(label: &str, query: &str) -> Option<u8> {
    let query = query.trim().to_lowercase();
    let label = label.to_lowercase();
    let letters: Vec<char> = query.chars().filter(|c| !c.is_whitespace()).collect();
    let words: Vec<Vec<char>> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word.chars().collect())
        .collect();
    let initials: Vec<char> = words.iter().map(|word| word[0]).collect();
    if letters.is_empty() {
        None
    } else if initials == letters {
        Some(0)
    } else if label.starts_with(&query) {
        Some(1)
    } else if starts_of_words(&words, &letters) {
        Some(2)
    } else if label.contains(&query) {
        Some(3)
    } else {
        None
    }
}

/// Whether `letters` can be cut into pieces, each the start of a word, with the words in
/// order (words may be skipped).
fn starts_of_words(words: &[Vec<char>], letters: &[char]) -> bool {
    if letters.is_empty() {
        return true;
    }
    words.iter().enumerate().any(|(index, word)| {
        let common = word.iter().zip(letters).take_while(|(a, b)| a == b).count();
        (1..=common)
            .rev()
            .any(|taken| starts_of_words(&words[index + 1..], &letters[taken..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_then_start_then_word_starts_then_anywhere() {
        assert_eq!(rank("Save As…", "sa"), Some(0));
        assert_eq!(rank("Zoom to Selection", "zts"), Some(0));
        assert_eq!(rank("Zoom to Selection", "ZTS "), Some(0));
        assert_eq!(rank("Save As…", "save"), Some(1));
        assert_eq!(rank("Save As…", "save as"), Some(1));
        assert_eq!(rank("Zoom to Selection", "zosel"), Some(2));
        assert_eq!(rank("Zoom to Selection", "sel"), Some(2));
        assert_eq!(rank("Group into New Zone", "gnz"), Some(2));
        assert_eq!(rank("Save As…", "ave"), Some(3));
        assert_eq!(rank("Save As…", "zts"), None);
        assert_eq!(rank("Save As…", "  "), None);
        // A piece must start a word: "va" is not the start of either word.
        assert_eq!(rank("Save As…", "sva"), None);
    }
}
