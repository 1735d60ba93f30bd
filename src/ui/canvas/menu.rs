//! The canvas's context menus and hover tooltips.

use egui::text::{LayoutJob, TextFormat};
use egui::{Response, TextStyle, Ui};

use super::Canvas;
use super::hit::Hit;
use super::input::{ContextTarget, connect};
use super::text;
use crate::edit::Edit;
use crate::model::{Connection, Project, Sensitivity, SystemId};
use crate::ui::commands::Command;
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

impl Canvas {
    /// The menu for whatever was right-clicked: the background, a system, a connection
    /// or a zone.
    pub(super) fn context_menu(
        &mut self,
        response: &Response,
        project: &Project,
        selection: &Selection,
        intents: &mut Vec<Intent>,
    ) {
        let Some(target) = self.context else {
            return;
        };
        response.context_menu(|ui| match target.hit {
            None => self.background_menu(ui, project, target, intents),
            Some(hit) => item_menu(ui, project, hit, selection, intents),
        });
    }

    fn background_menu(
        &self,
        ui: &mut Ui,
        project: &Project,
        target: ContextTarget,
        intents: &mut Vec<Intent>,
    ) {
        if ui.button("Add system here").clicked() {
            self.add_system_at(project, target.pos_in_scene, intents);
            ui.close();
        }
        ui.separator();
        if command_button(ui, Command::SelectAll, "Select all") {
            intents.push(Intent::Run(Command::SelectAll));
        }
        if command_button(ui, Command::FitView, "Fit to content") {
            intents.push(Intent::Run(Command::FitView));
        }
    }
}

fn item_menu(
    ui: &mut Ui,
    project: &Project,
    hit: Hit,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    let item = hit.item();
    // Right-clicking inside the selection acts on all of it; outside, on that item alone.
    let acts_on_selection = selection.contains(item);
    // Commands act on the selection: right-clicking outside it selects the item first.
    let run = |command: Command, intents: &mut Vec<Intent>| {
        if !acts_on_selection {
            intents.push(Intent::Select(Selection::only(item)));
        }
        intents.push(Intent::Run(command));
    };
    match hit {
        Hit::System(from) => {
            ui.menu_button("Connect to…", |ui| {
                connect_menu(ui, project, from, intents)
            });
            ui.separator();
            if command_button(ui, Command::Rename, "Rename") {
                intents.push(Intent::Select(Selection::only(item)));
                intents.push(Intent::Run(Command::Rename));
            }
            let pin = if project.system(from).is_some_and(|s| s.pinned) {
                Command::Unpin
            } else {
                Command::Pin
            };
            for command in [
                Command::Cut,
                Command::Copy,
                Command::Duplicate,
                Command::GroupIntoZone,
                pin,
            ] {
                if command_button(ui, command.clone(), command.label()) {
                    run(command, intents);
                }
            }
            ui.separator();
        }
        Hit::Zone(_) => {
            if command_button(ui, Command::Rename, "Rename") {
                intents.push(Intent::Select(Selection::only(item)));
                intents.push(Intent::Run(Command::Rename));
            }
            ui.separator();
        }
        Hit::Connection(id) => {
            if let Some(connection) = project.connection(id) {
                connection_menu(ui, project, connection, intents);
                ui.separator();
            }
        }
    }
    let label = match (hit, acts_on_selection && selection.single().is_none()) {
        (_, true) => "Delete selection",
        (Hit::Zone(_), false) => "Delete zone (keeps its systems)",
        _ => "Delete",
    };
    if command_button(ui, Command::DeleteSelection, label) {
        run(Command::DeleteSelection, intents);
    }
    ui.separator();
    if command_button(ui, Command::FitView, "Fit to content") {
        intents.push(Intent::Run(Command::FitView));
    }
}

/// What only a connection offers: going to its ends, and turning it around.
fn connection_menu(
    ui: &mut Ui,
    project: &Project,
    connection: &Connection,
    intents: &mut Vec<Intent>,
) {
    if ui.button("Select both systems").clicked() {
        let mut ends = Selection::default();
        // Inserted, not toggled: a connection from a system to itself has one end.
        ends.systems.extend([connection.from, connection.to]);
        intents.push(Intent::Select(ends));
        ui.close();
    }
    let reversible = connection.from != connection.to;
    if ui
        .add_enabled(reversible, egui::Button::new("Reverse direction"))
        .on_hover_text(format!(
            "Data flows from {} to {} instead",
            project.system_name(connection.to),
            project.system_name(connection.from)
        ))
        .clicked()
    {
        let mut reversed = connection.clone();
        std::mem::swap(&mut reversed.from, &mut reversed.to);
        intents.push(Intent::edit(
            Edit::SetConnection(Box::new(reversed)),
            "Reverse direction",
        ));
        ui.close();
    }
}

/// Every other system, by name, to connect `from` to. Scrolls, and lays out only the rows
/// in view, so it stays quick with thousands of systems.
fn connect_menu(ui: &mut Ui, project: &Project, from: SystemId, intents: &mut Vec<Intent>) {
    let mut targets: Vec<(&str, SystemId)> = project
        .systems
        .iter()
        .filter(|s| s.id != from)
        .map(|s| (text::first_line(&s.name), s.id))
        .collect();
    if targets.is_empty() {
        ui.weak("No other systems yet");
        return;
    }
    targets.sort_by_cached_key(|(name, _)| name.to_lowercase());
    let row_height = ui.spacing().interact_size.y;
    let arrow = text::drawable_arrow(ui);
    egui::ScrollArea::vertical().max_height(320.0).show_rows(
        ui,
        row_height,
        targets.len(),
        |ui, rows| {
            for &(name, to) in &targets[rows] {
                // The arrow also keeps the entry's label apart from the box's own.
                if ui.button(format!("{arrow} {name}")).clicked() {
                    connect(project, from, to, intents);
                    ui.close();
                }
            }
        },
    );
}

/// A menu button showing the command's shortcut; closes the menu when clicked.
fn command_button(ui: &mut Ui, command: Command, label: &str) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    let clicked = ui.add(button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// Hover help for the item under the pointer: what its truncated label leaves out.
///
/// One label for the lot, whose text never equals the item's name alone: a second node
/// labelled "Order service" would make the canvas item ambiguous to screen readers and
/// tests alike.
pub(super) fn tooltip(ui: &mut Ui, project: &Project, hit: Hit) {
    ui.set_max_width(320.0);
    let mut tip = Tip::new(ui);
    match hit {
        Hit::System(id) => {
            let Some(system) = project.system(id) else {
                return;
            };
            tip.title(&system.name);
            tip.line(&system.technology);
            tip.line(&system.purpose);
            let mut facts = vec![text::sla(system)];
            if let Some(s) = system.sensitivity.as_ref().map(Sensitivity::label) {
                facts.push(format!("{s} data"));
            }
            if !system.owner_team.trim().is_empty() {
                facts.push(format!("Owner: {}", system.owner_team.trim()));
            }
            tip.weak(&facts.join(" · "));
        }
        Hit::Connection(id) => {
            let Some(connection) = project.connection(id) else {
                return;
            };
            let arrow = text::drawable_arrow(ui);
            tip.title(&text::connection_name_with(project, connection, arrow));
            let how: Vec<&str> = [
                connection.protocol.as_ref().map(|p| p.label()),
                connection.style.as_ref().map(|s| s.label()),
                connection.data_format.as_ref().map(|f| f.label()),
            ]
            .into_iter()
            .flatten()
            .collect();
            tip.line(&how.join(" · "));
            tip.line(&connection.data);
            tip.weak(if connection.encrypted {
                "Encrypted in transit"
            } else {
                "Not encrypted"
            });
        }
        Hit::Zone(id) => {
            let Some(zone) = project.zone(id) else {
                return;
            };
            tip.title(&zone.name);
            tip.line(zone.kind.as_ref().map_or("", |k| k.label()));
            tip.weak("Drag the name to move the whole zone");
        }
    }
    ui.label(tip.job);
}

/// A tooltip's text as one multi-line, multi-colour label.
struct Tip {
    job: LayoutJob,
    strong: TextFormat,
    normal: TextFormat,
    weak: TextFormat,
}

impl Tip {
    fn new(ui: &Ui) -> Self {
        let font = TextStyle::Body.resolve(ui.style());
        let format = |color| TextFormat::simple(font.clone(), color);
        Tip {
            job: LayoutJob::default(),
            strong: format(ui.visuals().strong_text_color()),
            normal: format(ui.visuals().text_color()),
            weak: format(ui.visuals().weak_text_color()),
        }
    }

    fn push(&mut self, text: &str, format: TextFormat) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if !self.job.text.is_empty() {
            self.job.append("\n", 0.0, format.clone());
        }
        self.job.append(text, 0.0, format);
    }

    fn title(&mut self, text: &str) {
        self.push(text, self.strong.clone());
    }

    fn line(&mut self, text: &str) {
        self.push(text, self.normal.clone());
    }

    fn weak(&mut self, text: &str) {
        self.push(text, self.weak.clone());
    }
}
