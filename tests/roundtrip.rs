//! Property tests: any project survives a save and a load unchanged, renders the same
//! every time, and user text is never evaluated as template syntax.

use std::path::Path;

use proptest::prelude::*;

use integration_studio::analysis::analyze;
use integration_studio::io::{parse, to_ron_string};
use integration_studio::model::{
    Acknowledgement, AnalysisSettings, Authentication, Availability, CURRENT_FORMAT_VERSION,
    Communication, Connection, ConnectionId, DataFormat, Direction, EmbeddedTemplate,
    IntegrationType, InteractionStyle, Point, Project, PromptScope, PromptSettings, Regulation,
    Requirements, Resilience, Sensitivity, Size, System, SystemId, Thresholds, Tokenizer, Zone,
    ZoneId, ZoneKind,
};
use integration_studio::template::{Prompt, PromptTemplate, RenderError};

// ---------------------------------------------------------------------------------------
// Strategies

/// Pieces of text that have broken serializers and template engines before.
const NASTY: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    "{{ 7*7 }}",
    "{% if true %}x{% endif %}",
    "{# c #}",
    "{{",
    "}}",
    "{%",
    "⟦",
    "⟦missing: Purpose⟧",
    "⟧",
    "r#\"",
    "\"#",
    "'",
    "/*",
    "*/",
    "//",
    "#![enable(implicit_some)]",
    "format_version: 3",
    ")",
    "(",
    "]",
    "[",
    ",",
    ":",
    "\u{0}",
    "\u{7f}",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "é",
    "😀",
    "Some(",
    "Other(\"x\")",
    "NaN",
    "-",
    "**",
    "# heading",
    "- item",
];

/// Any text: arbitrary characters (control characters included) mixed with nasty pieces.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
        2 => "[a-zA-Z0-9 ]{0,12}",
        3 => prop::sample::select(NASTY).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|pieces| pieces.concat())
}

/// One of the listed values, or `Other` with any text.
fn choice<T: Clone + std::fmt::Debug + 'static>(
    known: &'static [T],
    other: fn(String) -> T,
) -> impl Strategy<Value = T> {
    prop_oneof![
        3 => prop::sample::select(known),
        1 => text().prop_map(other),
    ]
}

fn finite_f32() -> impl Strategy<Value = f32> {
    use prop::num::f32;
    f32::POSITIVE | f32::NEGATIVE | f32::NORMAL | f32::SUBNORMAL | f32::ZERO
}

fn finite_f64() -> impl Strategy<Value = f64> {
    use prop::num::f64;
    prop_oneof![
        f64::POSITIVE | f64::NEGATIVE | f64::NORMAL | f64::SUBNORMAL | f64::ZERO,
        // Realistic SLAs, and the edges of the range.
        (9_000u32..=10_000).prop_map(|h| f64::from(h) / 100.0),
        prop::sample::select(&[0.0, 100.0, -0.0, 100.000_000_1, -1.0, 120.0][..]),
    ]
}

/// Any id except `u64::MAX`, which makes `repair_next_id` overflow (see broken_files.rs).
/// Small ids make duplicates and references that resolve likely.
fn id() -> impl Strategy<Value = u64> {
    prop_oneof![3 => 0u64..20, 1 => 0u64..u64::MAX]
}

fn zone() -> impl Strategy<Value = Zone> {
    (
        id(),
        text(),
        prop::option::of(choice(ZoneKind::KNOWN, ZoneKind::Other)),
        text(),
    )
        .prop_map(|(id, name, kind, notes)| Zone {
            id: ZoneId(id),
            name,
            kind,
            notes,
        })
}

fn system() -> impl Strategy<Value = System> {
    let identity = (id(), text(), text(), text(), text());
    let choices = (
        prop::option::of(choice(DataFormat::KNOWN, DataFormat::Other)),
        prop::option::of(choice(Communication::KNOWN, Communication::Other)),
        prop::option::of(choice(Sensitivity::KNOWN, Sensitivity::Other)),
        prop::option::of(finite_f64()),
        text(),
    );
    let placement = (
        prop::option::of(id()),
        prop::collection::vec(text(), 0..4),
        text(),
        (finite_f32(), finite_f32()),
        (finite_f32(), finite_f32()),
        any::<bool>(),
    );
    (identity, choices, placement).prop_map(
        |(
            (id, name, purpose, technology, owner_team),
            (data_format, communication, sensitivity, percent, note),
            (zone, tags, notes, (x, y), (width, height), pinned),
        )| System {
            id: SystemId(id),
            name,
            purpose,
            technology,
            data_format,
            communication,
            availability: Availability { percent, note },
            sensitivity,
            owner_team,
            zone: zone.map(ZoneId),
            tags,
            notes,
            position: Point { x, y },
            size: Size { width, height },
            pinned,
        },
    )
}

fn connection() -> impl Strategy<Value = Connection> {
    let ends = (id(), id(), id(), text());
    let kinds = (
        prop::option::of(choice(Communication::KNOWN, Communication::Other)),
        prop::option::of(choice(InteractionStyle::KNOWN, InteractionStyle::Other)),
        prop::option::of(choice(DataFormat::KNOWN, DataFormat::Other)),
        choice(Direction::KNOWN, Direction::Other),
        prop::option::of(choice(Authentication::KNOWN, Authentication::Other)),
        prop::collection::vec(choice(Resilience::KNOWN, Resilience::Other), 0..4),
    );
    let details = (
        text(),
        text(),
        prop::option::of(any::<u64>()),
        any::<bool>(),
        text(),
        text(),
    );
    let waypoints = prop::collection::vec((finite_f32(), finite_f32()), 0..3);
    (ends, kinds, details, waypoints).prop_map(
        |(
            (id, from, to, data),
            (protocol, style, data_format, direction, authentication, resilience),
            (frequency, volume, latency_target_ms, encrypted, transformation, notes),
            waypoints,
        )| Connection {
            id: ConnectionId(id),
            from: SystemId(from),
            to: SystemId(to),
            data,
            protocol,
            style,
            data_format,
            direction,
            frequency,
            volume,
            latency_target_ms,
            authentication,
            encrypted,
            resilience,
            transformation,
            notes,
            waypoints: waypoints.into_iter().map(|(x, y)| Point { x, y }).collect(),
        },
    )
}

fn requirements() -> impl Strategy<Value = Requirements> {
    (
        text(),
        prop::option::of(choice(IntegrationType::KNOWN, IntegrationType::Other)),
        text(),
        text(),
        text(),
        prop::option::of(choice(Sensitivity::KNOWN, Sensitivity::Other)),
        prop::collection::vec(choice(Regulation::KNOWN, Regulation::Other), 0..4),
    )
        .prop_map(
            |(
                integration_scope,
                integration_type,
                data_volume,
                latency_requirements,
                reliability_requirements,
                security_classification,
                regulatory_compliance,
            )| Requirements {
                integration_scope,
                integration_type,
                data_volume,
                latency_requirements,
                reliability_requirements,
                security_classification,
                regulatory_compliance,
            },
        )
}

fn analysis_settings() -> impl Strategy<Value = AnalysisSettings> {
    (
        any::<bool>(),
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>()),
        prop::collection::vec((text(), text()), 0..3),
    )
        .prop_map(|(include_risks_in_prompt, numbers, acknowledged)| {
            let (max_direct_connections, mesh_density_percent, mesh_min_systems, depth) = numbers;
            AnalysisSettings {
                include_risks_in_prompt,
                thresholds: Thresholds {
                    max_direct_connections,
                    mesh_density_percent,
                    mesh_min_systems,
                    max_sync_chain_depth: depth,
                },
                acknowledgements: acknowledged
                    .into_iter()
                    .map(|(finding, reason)| Acknowledgement { finding, reason })
                    .collect(),
            }
        })
}

fn prompt_settings() -> impl Strategy<Value = PromptSettings> {
    (
        // Mostly a built-in template, so the prompt properties below cover both.
        prop_oneof![
            2 => Just("cm-010".to_owned()),
            2 => Just("integration-pattern-module".to_owned()),
            1 => text(),
        ],
        (
            prop::collection::vec(any::<u64>(), 0..3),
            prop::collection::vec(any::<u64>(), 0..3),
            any::<u32>(),
        ),
        prop::option::of(any::<u32>()),
        any::<bool>(),
        prop::collection::vec((text(), text()), 0..2),
    )
        .prop_map(
            |(template, (zones, systems, hops), budget, cl100k, templates)| PromptSettings {
                template,
                scope: PromptScope {
                    zones: zones.into_iter().map(ZoneId).collect(),
                    systems: systems.into_iter().map(SystemId).collect(),
                    hops,
                },
                budget,
                tokenizer: if cl100k {
                    Tokenizer::Cl100kBase
                } else {
                    Tokenizer::O200kBase
                },
                templates: templates
                    .into_iter()
                    .map(|(name, source)| EmbeddedTemplate { name, source })
                    .collect(),
            },
        )
}

/// Any project. `format_version` and `next_id` are arbitrary too: saving stamps the
/// current version, and loading raises `next_id` above every id in use.
fn project() -> impl Strategy<Value = Project> {
    (
        (any::<u32>(), text(), text(), requirements()),
        prop::collection::vec(zone(), 0..4),
        prop::collection::vec(system(), 0..6),
        prop::collection::vec(connection(), 0..8),
        any::<u64>(),
        (analysis_settings(), prompt_settings()),
    )
        .prop_map(
            |(
                (format_version, name, description, requirements),
                zones,
                systems,
                connections,
                next_id,
                (analysis, prompt),
            )| {
                Project {
                    format_version,
                    name,
                    description,
                    requirements,
                    zones,
                    systems,
                    connections,
                    next_id,
                    analysis,
                    prompt,
                }
            },
        )
}

/// What a project is after a save and a load: stamped with the current version, with a
/// `next_id` above every id in use.
fn as_loaded(project: &Project) -> Project {
    let mut expected = project.clone();
    expected.format_version = CURRENT_FORMAT_VERSION;
    expected.repair_next_id();
    expected
}

/// How the prompt shows one-line text: white space folded to single spaces, NULs dropped.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\0')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Load → save is the identity, in bytes and in the model: a project reads back as
    /// itself (stamped and with `next_id` repaired), and its text is a fixed point.
    #[test]
    fn saving_and_loading_changes_nothing(project in project()) {
        let text = to_ron_string(&project).expect("every project can be written");
        let loaded = match parse(&text, Path::new("roundtrip.ron")) {
            Ok(loaded) => loaded,
            Err(error) => {
                return Err(TestCaseError::fail(format!("{}\n{text}", error.report())));
            }
        };
        prop_assert_eq!(loaded.migrated_from, None);
        let expected = as_loaded(&project);
        prop_assert_eq!(&loaded.project, &expected);

        // Once loaded, saving and loading again changes not a byte.
        let first = to_ron_string(&expected).unwrap();
        let again = parse(&first, Path::new("roundtrip.ron")).unwrap();
        let second = to_ron_string(&again.project).unwrap();
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(&again.project, &expected);

        // Whatever is wrong with the project is found in the file.
        let lines = text.lines().count();
        for problem in &loaded.problems {
            let position = problem.position;
            prop_assert!(position.is_some_and(|p| p.line >= 1 && p.line <= lines), "{:?}", problem);
        }
        prop_assert_eq!(&loaded.problems, &again.problems);
    }

    /// Rendering is deterministic.
    #[test]
    fn rendering_twice_gives_the_same_prompt(project in project()) {
        let first = render(&project).unwrap();
        let second = render(&project).unwrap();
        prop_assert_eq!(first, second);
    }

    /// Text in a name, a purpose or a data flow reaches the prompt literally (folded to one
    /// line): template syntax in it is never evaluated.
    #[test]
    fn user_text_is_never_evaluated(
        mut project in project(),
        name in text(),
        purpose in text(),
        data in text(),
    ) {
        let id = SystemId(project.max_used_id().saturating_add(1).min(u64::MAX - 1));
        let mut system = System::new(id, name.clone());
        system.purpose = purpose.clone();
        project.systems.insert(0, system);
        let mut flow = Connection::new(ConnectionId(0), id, id);
        flow.data = data.clone();
        project.connections.insert(0, flow);
        // A generated scope would leave the new system out; choosing it too keeps the
        // scoped render under test as well as the whole landscape.
        if !project.prompt.scope.is_whole_landscape() {
            project.prompt.scope.systems.push(id);
        }

        let prompt = render(&project).unwrap();
        let name = one_line(&name);
        if name.is_empty() {
            prop_assert!(prompt.text.contains("**System: ⟦missing: System Name⟧**"));
        } else {
            let line = format!("**System: {name}**\n");
            prop_assert!(prompt.text.contains(&line), "{:?} not in {}", line, prompt.text);
            // The first flow starts and ends at this system.
            let flow = format!("1. **{name} → {name}**: ");
            prop_assert!(prompt.text.contains(&flow), "{:?} not in {}", flow, prompt.text);
        }
        let purpose = one_line(&purpose);
        if !purpose.is_empty() {
            let line = format!("- **Purpose**: {purpose}\n");
            prop_assert!(prompt.text.contains(&line), "{:?} not in {}", line, prompt.text);
        }
        let data = one_line(&data);
        if !data.is_empty() {
            let line = format!(": {data}\n   - **Protocol**: ");
            prop_assert!(prompt.text.contains(&line), "{:?} not in {}", line, prompt.text);
        }
    }
}

#[test]
fn template_syntax_in_a_name_is_printed_not_run() {
    let mut project = Project::new("{{ 7*7 }} {% for x in systems %}loop{% endfor %}");
    let id = project.allocate_system_id();
    project.systems.push(System::new(id, "{{ 7*7 }}"));
    let prompt = render(&project).unwrap();
    assert!(
        prompt
            .text
            .contains("**Project**: {{ 7*7 }} {% for x in systems %}loop{% endfor %}\n")
    );
    assert!(prompt.text.contains("**System: {{ 7*7 }}**"));
    assert!(!prompt.text.contains("49"), "{}", prompt.text);
    assert!(!prompt.text.contains("loop\n"));
}

/// The prompt with the project's own analysis, as the app and the CLI render it.
/// Arbitrary projects can name a template that does not exist, which is an error
/// (tests/prompt_ipm.rs); the properties here are about what a template does with user
/// text, so such a project is rendered with CM-010.
fn render(project: &Project) -> Result<Prompt, RenderError> {
    let template = PromptTemplate::builtin_named(&project.prompt.template)
        .unwrap_or_else(PromptTemplate::builtin);
    template.render(project, &analyze(project))
}

/// A big project (over 2,000 systems and connections, so saving and loading take the
/// two-core paths) with analysis settings that are not the defaults comes back as itself.
#[test]
fn a_big_project_with_analysis_settings_survives_save_and_load() {
    let mut project = integration_studio::synthetic::landscape(800, 2_400, 11);
    project.analysis = AnalysisSettings {
        include_risks_in_prompt: false,
        thresholds: Thresholds {
            max_direct_connections: 9,
            mesh_density_percent: 75,
            mesh_min_systems: 5,
            max_sync_chain_depth: 2,
        },
        acknowledgements: vec![
            Acknowledgement {
                finding: "sync-chain:3,5,9".into(),
                reason: "Accepted until the \"Q3\" rewrite; see ADR-12\nsecond line".into(),
            },
            Acknowledgement {
                finding: "compliance-without-classification:".into(),
                reason: String::new(),
            },
        ],
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    integration_studio::io::save(&project, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.len() > 1 << 20,
        "big enough for the two-core load: {}",
        text.len()
    );
    assert!(text.contains("max_sync_chain_depth: 2"));
    let loaded = integration_studio::io::load(&path).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.project, project);
    assert_eq!(to_ron_string(&loaded.project).unwrap(), text);
}
