//! A corpus of broken project files: no input may panic, and every error must say clearly
//! what is wrong and where.

use std::path::Path;
use std::time::{Duration, Instant};

use integration_studio::io::{LoadError, Loaded, ProblemCode, load, parse};

const PATH: &str = "corpus.ron";

/// The canonical text of a realistic project: 12 systems, 30 connections, one zone.
/// A realistic project in canonical form (12 systems, 30 connections), kept as a file so
/// the cases below can name its lines whatever the landscape generator does later.
fn corpus() -> String {
    include_str!("fixtures/corpus.ron").to_owned()
}

fn check(text: &str) -> Result<Loaded, LoadError> {
    parse(text, Path::new(PATH))
}

/// Every error must point into the file and name it in its report.
fn assert_clear(error: &LoadError, input: &str) {
    let position = error
        .position()
        .unwrap_or_else(|| panic!("no position for {error:?}\ninput: {input:.200}"));
    assert!(position.line >= 1 && position.column >= 1, "{position:?}");
    let report = error.report();
    assert!(
        report.contains("corpus.ron:"),
        "report does not name the file: {report:.500}"
    );
    assert!(!error.to_string().is_empty());
}

/// Expects a parse error and returns its line and message.
fn parse_error(text: &str) -> (usize, String) {
    match check(text) {
        Err(error @ LoadError::Parse { .. }) => {
            assert_clear(&error, text);
            let LoadError::Parse {
                position, message, ..
            } = error
            else {
                unreachable!()
            };
            (position.line, message)
        }
        Err(other) => panic!("expected a parse error, got {other:?}"),
        Ok(loaded) => panic!(
            "expected a parse error, but it loaded with {} problems",
            loaded.problems.len()
        ),
    }
}

/// 1-based number of the `nth` (0-based) line whose trimmed text is exactly `line`.
fn line_number(text: &str, line: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == line)
        .nth(nth)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("the corpus has no {nth}th line {line:?}"))
}

/// Replaces the `nth` line whose trimmed text is `old` with `new` (indentation kept) and
/// says which line that was.
fn replace_line(text: &str, old: &str, nth: usize, new: &str) -> (String, usize) {
    let number = line_number(text, old, nth);
    let replaced = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == number {
                let indent = &l[..l.len() - l.trim_start().len()];
                format!("{indent}{new}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    (replaced, number)
}

/// Inserts `new` as a line of its own after the `nth` line whose trimmed text is `after`;
/// returns the text and the inserted line's number.
fn insert_after(text: &str, after: &str, nth: usize, new: &str) -> (String, usize) {
    let number = line_number(text, after, nth);
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(number, new);
    (lines.join("\n") + "\n", number + 1)
}

fn problems_of(text: &str) -> Vec<(ProblemCode, usize)> {
    let loaded = check(text).unwrap_or_else(|e| panic!("expected to load: {}", e.report()));
    loaded
        .problems
        .iter()
        .map(|p| {
            let position = p.position.unwrap_or_else(|| panic!("no position: {p:?}"));
            (p.code, position.line)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Truncation

#[test]
fn the_corpus_itself_is_valid() {
    let loaded = check(&corpus()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.project.systems.len(), 12);
    assert_eq!(loaded.project.connections.len(), 30);
    let canonical = integration_studio::io::to_ron_string(&loaded.project).unwrap();
    assert_eq!(canonical, corpus(), "the corpus is kept in canonical form");
}

#[test]
fn a_file_cut_off_anywhere_is_an_error_with_a_position() {
    let text = corpus();
    let header_end = text.find('\n').unwrap() + 1;
    let complete = text.trim_end().len();
    let cuts: Vec<usize> = (0..200).chain((200..text.len()).step_by(37)).collect();
    let mut errors = 0;
    for cut in cuts {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let prefix = &text[..cut];
        match check(prefix) {
            Err(error) => {
                assert_clear(&error, prefix);
                errors += 1;
            }
            Ok(_) => assert!(
                cut < header_end || cut >= complete,
                "a file cut off at byte {cut} of {} loaded: {:?}",
                text.len(),
                &prefix[prefix.len().saturating_sub(60)..]
            ),
        }
        if (header_end..complete).contains(&cut) {
            assert!(check(prefix).is_err(), "cut at {cut}");
        }
    }
    // Every cut from the first 200 bytes on is checked (most are errors).
    assert!(
        errors > text.len() / 40,
        "only {errors} cut-off files were checked"
    );
}

#[test]
fn a_cut_off_file_says_it_ends_too_early() {
    let text = corpus();
    let half = &text[..text.len() / 2];
    let (line, message) = parse_error(half);
    assert!(message.starts_with("the file ends "), "{message}");
    assert!(message.contains("cut off"), "{message}");
    // At the last thing in the file, or at its very end.
    let last_content = 1 + half.trim_end().matches('\n').count();
    let end = 1 + half.matches('\n').count();
    assert!((last_content..=end).contains(&line), "{line}");
}

/// ron's own words for a file that runs out, which mean nothing to a user.
const RON_JARGON: &[&str] = &["Expected", "Unexpected", "RON", "end of string", "struct `"];

/// Cuts each bundled example at every `STEP`th byte (and at each of its first 300 bytes):
/// every cut that does not load says in words what is still open, and where it opened.
#[test]
fn every_cut_of_an_example_says_what_is_open_and_where() {
    const STEP: usize = 41;
    let open_words = [
        "inside the ",
        "inside a ",
        "before the ",
        "before a ",
        "before an ",
    ];
    let mut kinds = std::collections::BTreeSet::new();
    for example in integration_studio::examples::EXAMPLES {
        let text = example.source;
        let complete = text.trim_end().len();
        let cuts = (0..300).chain((300..complete).step_by(STEP));
        for cut in cuts.filter(|&cut| text.is_char_boundary(cut)) {
            let prefix = &text[..cut];
            let (_, message) = parse_error(prefix);
            let context = format!("{} cut at byte {cut}: {message}", example.name);
            let words = message
                .strip_prefix("the file ends ")
                .unwrap_or_else(|| panic!("{context}"));
            assert!(message.contains("cut off"), "{context}");
            if words.starts_with("before the project begins") {
                kinds.insert("nothing yet".to_owned());
                continue;
            }
            assert!(open_words.iter().any(|w| words.starts_with(w)), "{context}");
            assert!(message.contains("opened on line "), "{context}");
            for jargon in RON_JARGON {
                assert!(!message.contains(jargon), "{context}");
            }
            // What was open: "text", "list", "system"… (the word before "opened").
            let what = words.split(" opened").next().unwrap_or_default();
            let noun = what.split(['`', '"']).next().unwrap_or_default().trim();
            kinds.insert(noun.to_owned());
        }
    }
    // Texts, lists, items, values and the project itself all came up.
    for expected in [
        "inside the",
        "inside a text in the",
        "before the",
        "before the project",
        "before the system",
    ] {
        assert!(kinds.iter().any(|k| k == expected), "{kinds:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Wrong types, unknown values and unknown fields: a parse error at the changed line

/// (line to change, its replacement, a word the message should contain)
const WRONG_VALUES: &[(&str, &str, &str)] = &[
    (
        "availability: (percent: 99.03, note: \"\"),",
        "availability: (percent: \"high\", note: \"\"),",
        "float",
    ),
    ("encrypted: true,", "encrypted: 3,", "bool"),
    ("tags: [\"batch\"],", "tags: 5,", "`[`"),
    ("id: 2,", "id: -1,", "out of bounds"),
    // ron says "Expected comma" here: it reads `1` as the id and stops at `.5`.
    ("id: 14,", "id: 1.5,", "comma"),
    ("data_format: Csv,", "data_format: Jsonn,", "Jsonn"),
    ("protocol: Rest,", "protocol: Other(5),", "string"),
    ("direction: OneWay,", "direction: Sideways,", "Sideways"),
    ("zone: 1,", "zone: \"one\",", "integer"),
    (
        "latency_target_ms: 1000,",
        "latency_target_ms: -5,",
        "out of bounds",
    ),
    (
        "position: (x: 0.0, y: 0.0),",
        "position: (x: \"left\", y: 0.0),",
        "float",
    ),
    (
        "integration_type: Hybrid,",
        "integration_type: Sometimes,",
        "Sometimes",
    ),
    // ron's message for a number where a variant belongs is about raw identifiers.
    ("kind: OnPremises,", "kind: 7,", "\"7\""),
    ("name: \"Pricing service 1\",", "name: Pricing,", "string"),
    ("next_id: 44,", "next_id: \"44\",", "integer"),
    ("from: 3,", "from: [3],", "integer"),
    (
        "resilience: [RetryWithBackoff],",
        "resilience: [RetryLater],",
        "RetryLater",
    ),
];

#[test]
fn a_wrong_value_is_reported_at_its_line() {
    let text = corpus();
    let mut wrong = Vec::new();
    for &(old, new, word) in WRONG_VALUES {
        let (broken, changed) = replace_line(&text, old, 0, new);
        let (line, message) = parse_error(&broken);
        if line != changed || !message.contains(word) {
            wrong.push(format!(
                "{new} (line {changed}): got line {line}, {message:?}, expected {word:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_unknown_field_is_reported_at_its_line() {
    let text = corpus();
    let places = [
        ("format_version: 2,", 0, "nmae: \"x\","),
        ("integration_type: Hybrid,", 0, "budget: 5,"),
        ("kind: OnPremises,", 0, "colour: \"red\","),
        ("name: \"Pricing service 1\",", 0, "colour: \"red\","),
        ("data: \"journal entries\",", 0, "retries: 3,"),
        ("position: (x: 0.0, y: 0.0),", 0, "rotation: 90.0,"),
    ];
    for (after, nth, new) in places {
        let (broken, inserted) = insert_after(&text, after, nth, new);
        let field = new.split(':').next().unwrap();
        let (line, message) = parse_error(&broken);
        assert_eq!(line, inserted, "{new}: {message}");
        assert!(message.contains(field), "{message}");
    }
    // A misspelt field inside a one-line struct.
    let (broken, changed) = replace_line(
        &text,
        "availability: (percent: 99.03, note: \"\"),",
        0,
        "availability: (precent: 99.03, note: \"\"),",
    );
    let (line, message) = parse_error(&broken);
    assert_eq!(line, changed);
    assert!(message.contains("precent"), "{message}");
}

#[test]
fn a_duplicate_field_is_reported_at_its_line() {
    let text = corpus();
    let (broken, inserted) = insert_after(&text, "encrypted: true,", 0, "encrypted: false,");
    let (line, message) = parse_error(&broken);
    assert_eq!(line, inserted, "{message}");
    assert!(message.contains("encrypted"), "{message}");
}

// ---------------------------------------------------------------------------------------
// Problems the model's types cannot rule out: the file loads, each problem at its line

#[test]
fn a_connection_to_an_unknown_system_is_a_dangling_reference() {
    let (broken, line) = replace_line(&corpus(), "to: 5,", 0, "to: 999,");
    assert_eq!(
        problems_of(&broken),
        [(ProblemCode::DanglingReference, line)]
    );
    let (broken, line) = replace_line(&corpus(), "from: 3,", 0, "from: 1,");
    // Id 1 is a zone, not a system.
    assert_eq!(
        problems_of(&broken),
        [(ProblemCode::DanglingReference, line)]
    );
}

#[test]
fn a_system_in_an_unknown_zone_is_a_dangling_reference() {
    let (broken, line) = replace_line(&corpus(), "zone: 1,", 3, "zone: 77,");
    assert_eq!(
        problems_of(&broken),
        [(ProblemCode::DanglingReference, line)]
    );
    let message = &check(&broken).unwrap().problems[0].message;
    assert!(message.contains("zone 77"), "{message}");
}

#[test]
fn the_largest_possible_id_is_reported_not_a_panic() {
    let (text, line) = replace_line(&corpus(), "id: 16,", 0, "id: 18446744073709551615,");
    let loaded = check(&text).unwrap();
    assert_eq!(loaded.project.next_id, u64::MAX);
    assert_eq!(problems_of(&text), [(ProblemCode::InvalidId, line)]);
}

#[test]
fn the_largest_possible_next_id_loads() {
    let (text, _) = replace_line(
        &corpus(),
        "next_id: 44,",
        0,
        "next_id: 18446744073709551615,",
    );
    let loaded = check(&text).unwrap();
    assert_eq!(loaded.project.next_id, u64::MAX);
    assert_eq!(loaded.problems, []);
}

#[test]
fn a_duplicate_id_is_reported_at_the_second_use() {
    // A connection reusing a system's id (connection ids are referenced by nothing, so
    // this is the only problem).
    let (broken, line) = replace_line(&corpus(), "id: 16,", 0, "id: 2,");
    assert_eq!(problems_of(&broken), [(ProblemCode::DuplicateId, line)]);
    // A system reusing another system's id: connections to the old id now dangle too.
    let (broken, line) = replace_line(&corpus(), "id: 3,", 0, "id: 2,");
    let found = problems_of(&broken);
    assert!(
        found.contains(&(ProblemCode::DuplicateId, line)),
        "{found:?}"
    );
    // Zones, systems and connections share one id space.
    let (broken, line) = replace_line(&corpus(), "id: 14,", 0, "id: 1,");
    assert_eq!(problems_of(&broken), [(ProblemCode::DuplicateId, line)]);
}

#[test]
fn an_sla_outside_0_to_100_is_out_of_range() {
    for percent in ["120.0", "-1.0", "100.01", "1e300", "NaN", "inf", "-inf"] {
        let (broken, line) = replace_line(
            &corpus(),
            "availability: (percent: 99.9, note: \"\"),",
            0,
            &format!("availability: (percent: {percent}, note: \"\"),"),
        );
        assert_eq!(
            problems_of(&broken),
            [(ProblemCode::SlaOutOfRange, line)],
            "{percent}"
        );
    }
    for percent in ["0.0", "100.0", "100"] {
        let (broken, _) = replace_line(
            &corpus(),
            "availability: (percent: 99.9, note: \"\"),",
            0,
            &format!("availability: (percent: {percent}, note: \"\"),"),
        );
        assert_eq!(problems_of(&broken), [], "{percent}");
    }
}

#[test]
fn a_position_that_is_not_a_number_is_invalid_geometry() {
    for position in ["(x: NaN, y: 0.0)", "(x: 0.0, y: inf)"] {
        let (broken, line) = replace_line(
            &corpus(),
            "position: (x: 0.0, y: 0.0),",
            0,
            &format!("position: {position},"),
        );
        assert_eq!(
            problems_of(&broken),
            [(ProblemCode::InvalidGeometry, line)],
            "{position}"
        );
    }
    let (broken, line) = replace_line(
        &corpus(),
        "size: (width: 200.0, height: 90.0),",
        0,
        "size: (width: 0.0, height: -90.0),",
    );
    assert_eq!(problems_of(&broken), [(ProblemCode::InvalidGeometry, line)]);
}

/// The first connection runs 3 → 5 synchronously; this points it back at 3.
fn self_connection(style: &str) -> (String, usize) {
    let text = corpus();
    let (text, _) = replace_line(&text, "style: SyncRequestResponse,", 0, style);
    replace_line(&text, "to: 5,", 0, "to: 3,")
}

#[test]
fn a_synchronous_self_connection_is_a_problem() {
    let (broken, line) = self_connection("style: SyncRequestResponse,");
    assert_eq!(problems_of(&broken), [(ProblemCode::SelfConnection, line)]);
}

#[test]
fn a_publish_subscribe_self_connection_is_not_a_problem() {
    for style in ["PublishSubscribe", "AsyncMessage", "Streaming"] {
        let (text, _) = self_connection(&format!("style: {style},"));
        let loaded = check(&text).unwrap();
        assert_eq!(loaded.problems, [], "{style}");
        let first = &loaded.project.connections[0];
        assert_eq!(first.from, first.to);
    }
    // Without a style nothing says the loop goes through a queue.
    let (text, line) = self_connection("// no style");
    assert_eq!(problems_of(&text), [(ProblemCode::SelfConnection, line)]);
}

#[test]
fn every_problem_is_reported_when_there_are_many() {
    let text = corpus();
    let (text, zone) = replace_line(&text, "zone: 1,", 3, "zone: 77,");
    let (text, duplicate) = replace_line(&text, "id: 20,", 0, "id: 2,");
    let (text, high) = replace_line(
        &text,
        "availability: (percent: 99.9, note: \"\"),",
        0,
        "availability: (percent: 120.0, note: \"\"),",
    );
    let (text, low) = replace_line(
        &text,
        "availability: (percent: 99.03, note: \"\"),",
        0,
        "availability: (percent: -1.0, note: \"\"),",
    );
    let (text, loop_to) = replace_line(&text, "to: 5,", 0, "to: 3,");
    let (text, dangling) = replace_line(&text, "to: 12,", 0, "to: 999,");
    let (text, empty_name) = replace_line(&text, "name: \"Ledger service 4\",", 0, "name: \" \",");
    let (text, blank_other) =
        replace_line(&text, "data_format: Json,", 0, "data_format: Other(\"\"),");

    let mut expected = vec![
        (ProblemCode::SlaOutOfRange, low),
        (ProblemCode::SlaOutOfRange, high),
        (ProblemCode::EmptyName, empty_name),
        (ProblemCode::DuplicateId, duplicate),
        (ProblemCode::DanglingReference, zone),
        (ProblemCode::SelfConnection, loop_to),
        (ProblemCode::DanglingReference, dangling),
        (ProblemCode::EmptyCustomValue, blank_other),
    ];
    expected.sort_by_key(|&(_, line)| line);
    let found = problems_of(&text);
    assert_eq!(found.len(), 8, "{found:?}");
    assert_eq!(found, expected);
}

// ---------------------------------------------------------------------------------------
// Not a project at all

#[test]
fn empty_and_trivial_files_are_errors() {
    for text in [
        "",
        "   \n\t \r\n",
        "()",
        "(,)",
        "[]",
        "0",
        "\"a project\"",
        "#![enable(implicit_some)]",
        "Project()",
    ] {
        match check(text) {
            Err(error) => assert_clear(&error, text),
            Ok(_) => panic!("{text:?} loaded"),
        }
    }
    let (_, message) = parse_error("()");
    assert!(message.contains("format_version"), "{message}");
    let (_, message) = parse_error("");
    assert!(
        message.starts_with("the file ends before the project begins"),
        "{message}"
    );
}

#[test]
fn a_binary_file_is_refused_as_not_text() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(PATH);
    std::fs::write(&path, &bytes).unwrap();
    let error = load(&path).unwrap_err();
    let LoadError::Parse {
        position, message, ..
    } = &error
    else {
        panic!("expected a parse error, got {error:?}");
    };
    assert!(message.contains("not UTF-8"), "{message}");
    // Bytes 0..=127 are valid UTF-8 (with one line break at 10); 128 is not.
    assert_eq!((position.line, position.column), (2, 118));
    assert!(
        error.report().contains("corpus.ron:2:118"),
        "{}",
        error.report()
    );

    // A project with one bad byte in the middle says where it is.
    let mut text = corpus().into_bytes();
    let at = text.len() / 2;
    text[at] = 0xFF;
    std::fs::write(&path, &text).unwrap();
    let error = load(&path).unwrap_err();
    let expected_line = 1 + text[..at].iter().filter(|&&b| b == b'\n').count();
    assert_eq!(error.position().unwrap().line, expected_line);
}

#[test]
fn a_missing_file_is_a_read_error_without_position() {
    let dir = tempfile::tempdir().unwrap();
    let error = load(&dir.path().join("nowhere.ron")).unwrap_err();
    assert!(matches!(error, LoadError::Read { .. }), "{error:?}");
    assert_eq!(error.position(), None);
    assert!(
        error.report().contains("no such file"),
        "{}",
        error.report()
    );
    let error = load(dir.path()).unwrap_err();
    assert!(error.report().contains("folder"), "{}", error.report());
}

/// A seeded generator, so the garbage is the same on every run.
struct Rng(fastrand::Rng);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0.usize(..n)
    }
}

/// Random printable text from `alphabet`: always an error that points into the file.
fn check_printable_garbage(alphabet: &[char], seed: u64) {
    let mut rng = Rng(fastrand::Rng::with_seed(seed));
    for _ in 0..300 {
        let len = rng.below(400);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        match check(&text) {
            Err(error) => assert_clear(&error, &text),
            Ok(_) => panic!("garbage loaded: {text:?}"),
        }
    }
}

#[test]
fn printable_ascii_garbage_is_an_error() {
    let alphabet: Vec<char> = (' '..='~').chain("\n\t".chars()).collect();
    check_printable_garbage(&alphabet, 2024);
}

#[test]
fn printable_unicode_garbage_is_an_error() {
    let alphabet: Vec<char> = (' '..='~').chain("äöü€⟦⟧😀\n\t".chars()).collect();
    check_printable_garbage(&alphabet, 2024);
}

/// Inputs that make ron stop at a multi-byte character with an empty error span.
const MULTIBYTE_AT_ERROR: &[&str] = &[
    // A UTF-8 byte-order mark, as some Windows editors write.
    "\u{FEFF}(format_version: 2, name: \"x\")",
    "⟦",
    "😀(format_version: 2)",
    "(format_version: 2, name: \"x\", ⟦: 1)",
    "(format_version: 2, name: \"x\")⟦",
];

#[test]
fn a_multibyte_character_at_the_error_does_not_panic() {
    for text in MULTIBYTE_AT_ERROR {
        match check(text) {
            Err(error) => assert_clear(&error, text),
            // A byte-order mark may reasonably be skipped.
            Ok(loaded) => assert_eq!(loaded.project.name, "x", "{text:?}"),
        }
    }
}

#[test]
fn a_multibyte_character_inside_a_wrong_value_is_reported() {
    // Here ron's span is not empty, so the marker covers whole characters.
    let (line, message) = parse_error("(format_version: 2, name: ⟦)");
    assert_eq!(line, 1);
    assert!(message.contains("string"), "{message}");
    let (line, message) = parse_error("é");
    assert_eq!(line, 1);
    assert!(message.contains('é'), "{message}");
}

/// Random sequences of RON tokens: whatever they parse to, nothing panics and every error
/// points into the file.
fn check_token_soup(extra: &[&str], seed: u64) {
    const TOKENS: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "\"x\"",
        "r#\"",
        "\"#",
        "'",
        "\\",
        "/*",
        "*/",
        "//",
        "\n",
        " ",
        "#![enable(implicit_some)]",
        "format_version",
        "2",
        "1",
        "3",
        "-1",
        "1e999",
        "NaN",
        "inf",
        "name",
        "systems",
        "zones",
        "connections",
        "id",
        "zone",
        "Some",
        "None",
        "Other",
        "true",
        "b\"",
        "r",
        "#",
        "0x",
        "_",
        ".",
        "+",
    ];
    let tokens: Vec<&str> = TOKENS.iter().chain(extra).copied().collect();
    let mut rng = Rng(fastrand::Rng::with_seed(seed));
    let mut errors = 0;
    for _ in 0..2_000 {
        let len = 1 + rng.below(60);
        let text: String = (0..len).map(|_| tokens[rng.below(tokens.len())]).collect();
        if let Err(error) = check(&text) {
            assert_clear(&error, &text);
            errors += 1;
        }
    }
    assert!(errors > 1_900, "only {errors} of 2000 were errors");
}

#[test]
fn ron_token_soup_never_panics() {
    check_token_soup(&[], 7);
}

#[test]
fn ron_token_soup_with_unicode_never_panics() {
    check_token_soup(&["⟦", "é", "\u{FEFF}", "😀"], 7);
}

#[test]
fn corrupted_corpus_files_never_panic() {
    // Overwrite, delete or duplicate single bytes of a real project: the result either
    // loads (with or without problems) or is an error that points into the file.
    let text = corpus();
    let bytes = text.as_bytes();
    let replacements = b"()[]{},:\"'\\/*#-.0e9aZ \n";
    let mut rng = Rng(fastrand::Rng::with_seed(99));
    let mut outcomes = [0usize; 2];
    for _ in 0..1_000 {
        let at = rng.below(bytes.len());
        let mut broken = bytes.to_vec();
        match rng.below(3) {
            0 => broken[at] = replacements[rng.below(replacements.len())],
            1 => {
                broken.remove(at);
            }
            _ => broken.insert(at, bytes[at]),
        }
        let Ok(broken) = String::from_utf8(broken) else {
            continue;
        };
        match check(&broken) {
            Ok(loaded) => {
                outcomes[0] += 1;
                for problem in &loaded.problems {
                    assert!(problem.position.is_some(), "{problem:?}");
                }
            }
            Err(error) => {
                outcomes[1] += 1;
                assert_clear(&error, &broken);
            }
        }
    }
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "{outcomes:?}");
}

// ---------------------------------------------------------------------------------------
// Absurd nesting: an error, never a stack overflow, and quick

/// The size of each absurd file.
const HUGE: usize = 20_000_000;

/// `prefix`, then `open` and `close` repeated to nest a 20 MB file, then `suffix`.
fn nested(prefix: &str, open: &str, close: &str, suffix: &str) -> String {
    let depth = HUGE / (open.len() + close.len());
    let mut text = String::with_capacity(prefix.len() + HUGE + suffix.len());
    text.push_str(prefix);
    text.push_str(&open.repeat(depth));
    text.push_str(&close.repeat(depth));
    text.push_str(suffix);
    text
}

/// Slow enough to be a hang rather than a slow machine. In a debug build the slowest
/// case takes about 3.5 s alone (see `single_line_nests_are_refused_at_the_first_level`).
const HANG: Duration = Duration::from_secs(30);

/// Parses a huge text, checks the error is clear and came in time; returns its position
/// (line, column) and message.
fn huge_error(text: &str) -> ((usize, usize), String) {
    assert!(text.len() >= HUGE);
    let start = Instant::now();
    let result = check(text);
    let elapsed = start.elapsed();
    let error = match result {
        Err(error) => error,
        Ok(_) => panic!("a 20 MB nest loaded"),
    };
    assert!(elapsed < HANG, "took {elapsed:?}");
    let position = error.position().unwrap();
    let report = error.report();
    assert!(report.contains("corpus.ron:"), "{report:.300}");
    // The report quotes the offending line, but a 20 MB line must not be copied whole.
    assert!(report.len() < 10_000, "report of {} bytes", report.len());
    let LoadError::Parse { message, .. } = error else {
        panic!("expected a parse error, got {error:?}");
    };
    ((position.line, position.column), message)
}

// ron checks the type of each value before descending into it, and every value in a
// project has a definite type, so nesting is refused at the first bracket that does not
// fit: ron never gets deep enough to report `ExceededRecursionLimit` (limit 64).

#[test]
fn nested_lists_where_systems_belong_are_refused_at_the_first_level() {
    let prefix = "(format_version: 2, name: \"x\", systems: [";
    let text = nested(prefix, "[", "]", "])");
    let (at, message) = huge_error(&text);
    // The second `[`, where a system should start.
    assert_eq!(at, (1, prefix.chars().count() + 1), "{message}");
    assert!(
        message.contains("Expected opening `(` for struct `System`"),
        "{message}"
    );
}

#[test]
fn a_file_of_nested_parentheses_is_refused_at_the_first_level() {
    let text = nested("", "(", ")", "");
    let (at, message) = huge_error(&text);
    assert_eq!(at, (1, 2), "{message}");
    assert!(message.contains("Expected identifier"), "{message}");
}

#[test]
fn nesting_in_a_string_field_is_refused_at_the_first_level() {
    let prefix = "(format_version: 2, name: ";
    let text = nested(prefix, "[", "]", ")");
    let (at, message) = huge_error(&text);
    assert_eq!(at, (1, prefix.chars().count()), "{message}");
    assert!(message.contains("Expected string"), "{message}");
}

#[test]
fn nested_options_in_an_id_field_are_refused_at_the_first_level() {
    let prefix = "(format_version: 2, name: \"x\", systems: [(id: 1, name: \"a\", zone: Some(";
    let text = nested(prefix, "Some(", ")", "))])");
    let (at, message) = huge_error(&text);
    assert_eq!(at.0, 1);
    assert!(message.contains("Expected integer"), "{message}");
}

#[test]
fn nesting_across_many_lines_is_refused_at_the_first_level() {
    let text = nested(
        "(format_version: 2, name: \"x\", systems: [\n",
        "[\n",
        "]\n",
        "])\n",
    );
    let (at, message) = huge_error(&text);
    assert_eq!(at, (2, 1), "{message}");
    assert!(message.contains("struct `System`"), "{message}");
}

#[test]
fn deeply_nested_comments_are_skipped() {
    // ron allows nested block comments; balanced ones are skipped without recursion.
    let text = nested("(format_version: 2, name: \"x\" ", "/*", "*/", ")");
    let start = Instant::now();
    let loaded = check(&text).unwrap_or_else(|e| panic!("{}", e.report()));
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
    assert_eq!(loaded.project.name, "x");
    assert_eq!(loaded.problems, []);
}

#[test]
fn an_unterminated_nested_comment_is_an_error() {
    // 2 MB rather than 20: at 20 MB this case alone takes about 8 s in a debug build
    // (2.5 s in ron scanning the comment, the rest reporting on the 20 MB line).
    let prefix = "(format_version: 2, name: \"x\" ";
    let text = format!("{prefix}{})", "/*".repeat(HUGE / 20));
    let start = Instant::now();
    let error = check(&text).unwrap_err();
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
    assert_clear(&error, &text[..100]);
    assert!(error.report().len() < 10_000);
    let LoadError::Parse { message, .. } = &error else {
        panic!("expected a parse error, got {error:?}");
    };
    assert!(
        message.starts_with("the file ends inside a comment opened on line 1, column 31"),
        "{message}"
    );
}

// ---------------------------------------------------------------------------------------
// Format versions

#[test]
fn a_newer_format_version_asks_for_an_update() {
    let (text, line) = replace_line(&corpus(), "format_version: 2,", 0, "format_version: 3,");
    let error = check(&text).unwrap_err();
    assert!(
        matches!(
            error,
            LoadError::NewerVersion {
                found: 3,
                supported: 2,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.position().unwrap().line, line);
    assert!(
        error.report().contains("Update Integration Studio"),
        "{}",
        error.report()
    );
    assert!(
        error.report().contains("corpus.ron:3:"),
        "{}",
        error.report()
    );

    let (text, _) = replace_line(
        &corpus(),
        "format_version: 2,",
        0,
        "format_version: 18446744073709551615,",
    );
    assert!(matches!(check(&text), Err(LoadError::NewerVersion { .. })));
}

#[test]
fn format_version_0_is_unknown() {
    let (text, line) = replace_line(&corpus(), "format_version: 2,", 0, "format_version: 0,");
    let error = check(&text).unwrap_err();
    assert!(
        matches!(error, LoadError::UnknownVersion { found: 0, .. }),
        "{error:?}"
    );
    assert_eq!(error.position().unwrap().line, line);
    assert!(
        error.report().contains("versions 1 to 2"),
        "{}",
        error.report()
    );
}

#[test]
fn a_missing_format_version_says_so() {
    let text = corpus().replace("  format_version: 2,\n", "");
    assert!(!text.contains("format_version"));
    let (line, message) = parse_error(&text);
    assert!(message.contains("format_version"), "{message}");
    assert!(line >= 1);
}

#[test]
fn an_unreadable_format_version_is_a_parse_error() {
    for version in [
        "\"2\"",
        "2.0",
        "-2",
        "99999999999999999999999",
        "two",
        "Some(2)",
    ] {
        let (text, changed) = replace_line(
            &corpus(),
            "format_version: 2,",
            0,
            &format!("format_version: {version},"),
        );
        match check(&text) {
            Err(error) => {
                assert_clear(&error, &text);
                assert_eq!(
                    error.position().unwrap().line,
                    changed,
                    "{version}: {error}"
                );
            }
            Ok(_) => panic!("format_version {version} loaded"),
        }
    }
}

#[test]
fn a_current_project_claiming_version_1_is_refused_clearly() {
    // Version 1 wrote compliance as one string: the migration reader names the first
    // field it does not know, and what it expected instead.
    let (text, _) = replace_line(&corpus(), "format_version: 2,", 0, "format_version: 1,");
    let (line, message) = parse_error(&text);
    assert_eq!(
        line,
        line_number(&corpus(), "regulatory_compliance: [", 0),
        "{message}"
    );
    assert!(message.contains("regulatory_compliance"), "{message}");
    assert!(message.contains("`compliance`"), "{message}");
}
