use super::*;

#[test]
fn keys_are_unique_and_every_shortcut_is_used_once() {
    let mut keys: Vec<_> = COMMANDS.iter().map(|e| e.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), COMMANDS.len());
    let shortcuts = by_shortcut_priority();
    for (i, (_, a)) in shortcuts.iter().enumerate() {
        for (_, b) in &shortcuts[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn a_shortcut_is_checked_before_any_it_contains() {
    let order = by_shortcut_priority();
    let position = |command: Command| {
        order
            .iter()
            .position(|(entry, _)| entry.command == command)
            .unwrap()
    };
    assert!(position(Command::Redo) < position(Command::Undo));
    assert!(position(Command::SaveAs) < position(Command::Save));
    assert!(position(Command::CopyPrompt) < position(Command::Copy));
    assert!(position(Command::TogglePreview) < position(Command::ToggleInspector));
    assert!(position(Command::FrameSelection) < position(Command::FitView));
}
