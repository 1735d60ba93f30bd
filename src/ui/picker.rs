//! A box over the app that a command opens and the keyboard drives: a field with a list of
//! rows under it, as the Find box (Ctrl+F) and the command palette are. The arrow keys move
//! the highlight, Enter picks the highlighted row; Escape, or a click anywhere else, closes
//! it, like a menu.

use egui::{Align2, Id, Key, Modifiers, Pos2, Response, Ui};

#[derive(Default)]
pub struct Picker {
    open: bool,
    /// The row that Enter picks.
    highlighted: usize,
    /// How many rows can be picked, as last counted, for the arrow keys.
    listed: usize,
    /// The arrow keys moved the highlight this frame (so the list scrolls to it).
    moved: bool,
    focus_asked: bool,
}

impl Picker {
    /// Opens the box, or puts the keyboard back in it when it is open already.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_asked = false;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    pub fn highlighted(&self) -> usize {
        self.highlighted
    }

    /// Whether the arrow keys moved the highlight this frame.
    pub fn highlight_moved(&self) -> bool {
        self.moved
    }

    /// While open, shows `contents` in a popup `width` wide whose top centre is at
    /// `top_center`. It closes once `contents` returns a pick, on Escape, or when the
    /// pointer is pressed outside it.
    pub fn show<T>(
        &mut self,
        ctx: &egui::Context,
        id_salt: &str,
        top_center: Pos2,
        width: f32,
        contents: impl FnOnce(&mut Picker, &mut Ui) -> Option<T>,
    ) -> Option<T> {
        if !self.open {
            return None;
        }
        let mut picked = None;
        let area = egui::Area::new(Id::unique(id_salt))
            .order(egui::Order::Foreground)
            .pivot(Align2::CENTER_TOP)
            .fixed_pos(top_center)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(width);
                    picked = contents(self, ui);
                });
            });
        let (escape, pressed_at) = ctx.input(|i| {
            // Not `press_origin`: a click's press and release can arrive in one frame, and
            // the release clears it.
            let press = i.pointer.any_pressed().then(|| i.pointer.interact_pos());
            (i.key_pressed(Key::Escape), press.flatten())
        });
        let clicked_elsewhere = pressed_at.is_some_and(|at| !area.response.rect.contains(at));
        if picked.is_some() || escape || clicked_elsewhere {
            self.open = false;
        }
        picked
    }

    /// Up and Down move the highlight. Call before adding the field: a single-line field
    /// would move its cursor with them. The rows are last frame's, which the user sees.
    pub fn take_arrow_keys(&mut self, ui: &Ui, field_id: Id) {
        self.moved = false;
        if !ui.memory(|m| m.has_focus(field_id)) {
            return;
        }
        // Counted: a held key or a fast typist can send several in one frame.
        let (down, up) = ui.input_mut(|i| {
            (
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
            )
        });
        let last = self.listed.saturating_sub(1);
        let moved_to = (self.highlighted + down).min(last).saturating_sub(up);
        self.moved = moved_to != self.highlighted;
        self.highlighted = moved_to;
    }

    /// Call after the field, with how many rows can be picked now: a changed text puts the
    /// highlight back on the first row, and Enter picks the highlighted row (returned). The
    /// field gets the keyboard when the box opens and keeps it.
    pub fn after_field(&mut self, ui: &Ui, field: &Response, listed: usize) -> Option<usize> {
        if field.changed() {
            self.highlighted = 0;
        }
        self.listed = listed;
        self.highlighted = self.highlighted.min(listed.saturating_sub(1));
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let picked = (enter && listed > 0).then_some(self.highlighted);
        // Enter with nothing to pick must not strand the keyboard.
        if !self.focus_asked || (enter && picked.is_none()) {
            field.request_focus();
            self.focus_asked = true;
        }
        picked
    }
}
