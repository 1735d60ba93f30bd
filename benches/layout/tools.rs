//! The same landscape for Graphviz dot and ELK layered, their answers read back, and the
//! quality measures counted the same way for every tool: crossings of the straight lines
//! between box centres, and pairs of overlapping boxes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use integration_studio::model::{Point, Project, SystemId};

/// A box: its top-left corner and size, in points (1 scene unit = 1 point).
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

pub type Boxes = BTreeMap<SystemId, Placed>;

pub fn boxes_of(project: &Project) -> Boxes {
    project
        .systems
        .iter()
        .map(|s| {
            let placed = Placed {
                x: s.position.x,
                y: s.position.y,
                width: s.size.width,
                height: s.size.height,
            };
            (s.id, placed)
        })
        .collect()
}

/// The landscape as DOT: boxes of the systems' sizes, zones as clusters, flowing right,
/// with the gaps our layout keeps.
pub fn to_dot(project: &Project) -> String {
    let inches = |units: f32| units / 72.0;
    let mut dot =
        String::from("digraph landscape {\n  rankdir=LR;\n  ranksep=1.94;\n  nodesep=0.56;\n");
    dot.push_str("  node [shape=box, fixedsize=true, label=\"\"];\n");
    let node = |id: SystemId| format!("s{}", id.0);
    for zone in &project.zones {
        dot.push_str(&format!("  subgraph cluster_{} {{\n", zone.id.0));
        for s in project.systems.iter().filter(|s| s.zone == Some(zone.id)) {
            dot.push_str(&format!(
                "    {} [width={:.3}, height={:.3}];\n",
                node(s.id),
                inches(s.size.width),
                inches(s.size.height)
            ));
        }
        dot.push_str("  }\n");
    }
    for s in project.systems.iter().filter(|s| s.zone.is_none()) {
        dot.push_str(&format!(
            "  {} [width={:.3}, height={:.3}];\n",
            node(s.id),
            inches(s.size.width),
            inches(s.size.height)
        ));
    }
    for c in &project.connections {
        dot.push_str(&format!("  {} -> {};\n", node(c.from), node(c.to)));
    }
    dot.push_str("}\n");
    dot
}

/// Node boxes from `dot -Tplain` (centres and sizes in inches, y upwards).
pub fn read_dot_plain(text: &str) -> Boxes {
    let mut boxes = Boxes::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.first() != Some(&"node") || parts.len() < 6 {
            continue;
        }
        let Some(id) = parts[1].strip_prefix('s').and_then(|n| n.parse().ok()) else {
            continue;
        };
        let number = |i: usize| parts[i].parse::<f32>().unwrap_or(0.0) * 72.0;
        let (cx, cy, width, height) = (number(2), number(3), number(4), number(5));
        let placed = Placed {
            x: cx - width / 2.0,
            y: -cy - height / 2.0,
            width,
            height,
        };
        boxes.insert(SystemId(id), placed);
    }
    boxes
}

/// The landscape as an ELK graph: zones as compound nodes, layered, flowing right, the
/// same gaps as ours.
pub fn to_elk(project: &Project) -> String {
    let system = |s: &integration_studio::model::System| serde_json::json!({"id": format!("s{}", s.id.0), "width": s.size.width, "height": s.size.height});
    let mut children: Vec<serde_json::Value> = project
        .zones
        .iter()
        .map(|z| {
            let members: Vec<_> = project
                .systems
                .iter()
                .filter(|s| s.zone == Some(z.id))
                .map(system)
                .collect();
            serde_json::json!({"id": format!("z{}", z.id.0), "children": members,
                "layoutOptions": {"elk.padding": "[top=46,left=20,bottom=20,right=20]"}})
        })
        .collect();
    children.extend(
        project
            .systems
            .iter()
            .filter(|s| s.zone.is_none())
            .map(system),
    );
    let edges: Vec<_> = project
        .connections
        .iter()
        .map(|c| {
            serde_json::json!({"id": format!("c{}", c.id.0),
            "sources": [format!("s{}", c.from.0)], "targets": [format!("s{}", c.to.0)]})
        })
        .collect();
    serde_json::json!({
        "id": "root",
        "layoutOptions": {
            "elk.algorithm": "layered",
            "elk.direction": "RIGHT",
            "elk.hierarchyHandling": "INCLUDE_CHILDREN",
            "elk.layered.spacing.nodeNodeBetweenLayers": "140",
            "elk.spacing.nodeNode": "40"
        },
        "children": children,
        "edges": edges,
    })
    .to_string()
}

/// Absolute boxes from ELK's answer (children are placed relative to their parent).
pub fn read_elk(text: &str) -> Boxes {
    fn walk(node: &serde_json::Value, origin: (f32, f32), boxes: &mut Boxes) {
        let x = origin.0 + node["x"].as_f64().unwrap_or(0.0) as f32;
        let y = origin.1 + node["y"].as_f64().unwrap_or(0.0) as f32;
        if let Some(id) = node["id"]
            .as_str()
            .and_then(|i| i.strip_prefix('s'))
            .and_then(|n| n.parse().ok())
        {
            let size = |key: &str| node[key].as_f64().unwrap_or(0.0) as f32;
            boxes.insert(
                SystemId(id),
                Placed {
                    x,
                    y,
                    width: size("width"),
                    height: size("height"),
                },
            );
        }
        for child in node["children"].as_array().into_iter().flatten() {
            walk(child, (x, y), boxes);
        }
    }
    let root: serde_json::Value = serde_json::from_str(text).expect("ELK answers JSON");
    let mut boxes = Boxes::new();
    walk(&root, (0.0, 0.0), &mut boxes);
    boxes
}

fn centre(b: &Placed) -> Point {
    Point::new(b.x + b.width / 2.0, b.y + b.height / 2.0)
}

/// Crossings of the straight lines between box centres, counted by the library's own
/// measure for every tool alike.
pub fn crossings(project: &Project, boxes: &Boxes) -> usize {
    let ids: Vec<SystemId> = boxes.keys().copied().collect();
    let index: BTreeMap<SystemId, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let centres: Vec<Point> = boxes.values().map(centre).collect();
    let edges: Vec<(usize, usize)> = project
        .connections
        .iter()
        .filter_map(|c| Some((*index.get(&c.from)?, *index.get(&c.to)?)))
        .collect();
    integration_studio::layout::straight_crossings(&centres, &edges)
}

/// Pairs of boxes that overlap.
pub fn overlaps(boxes: &Boxes) -> usize {
    let all: Vec<&Placed> = boxes.values().collect();
    let mut count = 0;
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let apart = a.x + a.width <= b.x
                || b.x + b.width <= a.x
                || a.y + a.height <= b.y
                || b.y + b.height <= a.y;
            count += usize::from(!apart);
        }
    }
    count
}

/// Runs `dot -Tplain` on the landscape (the whole process, as a user runs it).
pub fn run_dot(input: &Path) -> Boxes {
    let output = Command::new("dot")
        .arg("-Tplain")
        .arg(input)
        .output()
        .expect("dot runs");
    assert!(
        output.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    read_dot_plain(&String::from_utf8_lossy(&output.stdout))
}

/// Runs elkjs under node on the landscape.
pub fn run_elk(input: &Path, output: &Path) -> Boxes {
    let status = Command::new("node")
        .arg("scripts/elk-layout.js")
        .arg(input)
        .arg(output)
        .status()
        .expect("node runs");
    assert!(status.success(), "elkjs failed");
    read_elk(&std::fs::read_to_string(output).expect("elkjs wrote its answer"))
}

/// Runs our own `integration-studio arrange` on the project file.
pub fn run_ours(input: &Path, output: &Path) -> Boxes {
    let status = Command::new(release_binary())
        .args(["arrange", "-o"])
        .arg(output)
        .arg(input)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("integration-studio runs");
    assert!(status.success(), "arrange failed");
    boxes_of(
        &integration_studio::io::load(output)
            .expect("arrange wrote a project")
            .project,
    )
}

/// Where `cargo build --release` put it: under `CARGO_TARGET_DIR` when that is set (as
/// when several work trees share one), else under the project's own `target`.
fn release_binary() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("release/integration-studio")
}
