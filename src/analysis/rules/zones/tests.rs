use crate::analysis::testing::Build;
use crate::model::{Point, Size, SystemId, ZoneId, ZoneKind};

const RULE: &str = "zone-covers-outsider";

fn at(b: &mut Build, name: &str, x: f32, y: f32, zone: Option<ZoneId>) -> SystemId {
    let id = b.system(name);
    let system = b.system_mut(id);
    system.position = Point::new(x, y);
    system.zone = zone;
    id
}

#[test]
fn a_zone_stretched_over_a_system_not_in_it_is_a_finding() {
    let mut b = Build::new();
    let payments = b.zone("Payments", ZoneKind::OnPremises);
    at(&mut b, "Checkout", 0.0, 0.0, Some(payments));
    let stock = at(&mut b, "Stock", 300.0, 0.0, None);
    at(&mut b, "Ledger", 600.0, 0.0, Some(payments));
    at(&mut b, "Mail", 300.0, 400.0, None);
    let f = b.only(RULE, &["Payments", "Stock"]);
    assert_eq!(f.severity, crate::analysis::Severity::Warning);
    assert_eq!(f.systems, [stock]);
    assert!(f.connections.is_empty());
    assert_eq!(f.key, format!("{RULE}:{payments},{stock}"));
    assert!(!f.message.contains("Mail"), "{}", f.message);
    assert!(f.pattern.contains("Ctrl+Shift+L"), "{}", f.pattern);
}

#[test]
fn tidy_zones_and_systems_beside_them_are_no_finding() {
    let mut b = Build::new();
    let [left, right] = ["Left", "Right"].map(|n| b.zone(n, ZoneKind::Cloud));
    at(&mut b, "A", 0.0, 0.0, Some(left));
    at(&mut b, "B", 260.0, 0.0, Some(left));
    at(&mut b, "C", 800.0, 0.0, Some(right));
    // Just clear of the left zone's border (its padding ends 20 past B).
    at(
        &mut b,
        "Outside",
        260.0 + Size::SYSTEM.width + 21.0,
        0.0,
        None,
    );
    at(&mut b, "Below", 0.0, 400.0, None);
    assert!(b.findings(RULE).is_empty(), "{:#?}", b.findings(RULE));
}

#[test]
fn a_member_of_another_zone_under_the_border_counts_and_keys_stay_stable() {
    let mut b = Build::new();
    let [wide, small] = ["Wide", "Small"].map(|n| b.zone(n, ZoneKind::OnPremises));
    at(&mut b, "W1", 0.0, 0.0, Some(wide));
    at(&mut b, "W2", 1200.0, 0.0, Some(wide));
    let s1 = at(&mut b, "S1", 400.0, 0.0, Some(small));
    let s2 = at(&mut b, "S2", 700.0, 0.0, Some(small));
    let first = b.findings(RULE);
    let keys: Vec<&str> = first.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, [format!("{RULE}:{wide},{s1},{s2}")]);
    // Unrelated changes elsewhere keep the key.
    at(&mut b, "Far away", 5000.0, 5000.0, None);
    b.system_mut(s1).name = "S1 renamed".into();
    let again = b.findings(RULE);
    assert_eq!(again[0].key, first[0].key);
    assert!(
        again[0].message.contains("S1 renamed and S2"),
        "{}",
        again[0].message
    );
}

#[test]
fn empty_zones_dangling_zones_and_huge_boxes_are_handled() {
    let mut b = Build::new();
    let zone = b.zone("Zone", ZoneKind::OnPremises);
    b.zone("Empty", ZoneKind::OnPremises);
    at(&mut b, "Member", 0.0, 0.0, Some(zone));
    let lost = at(&mut b, "Lost", 0.0, 0.0, Some(ZoneId(999)));
    let huge = at(&mut b, "Huge", -1e7, -1e7, None);
    b.system_mut(huge).size = Size {
        width: 3e7,
        height: 3e7,
    };
    let f = b.only(RULE, &["Lost", "Huge"]);
    assert_eq!(f.systems, [lost, huge]);
}

#[test]
fn many_outsiders_are_counted_after_the_first_names() {
    let mut b = Build::new();
    let zone = b.zone("Zone", ZoneKind::OnPremises);
    at(&mut b, "First", 0.0, 0.0, Some(zone));
    at(&mut b, "Last", 3000.0, 0.0, Some(zone));
    for i in 0..9 {
        at(
            &mut b,
            &format!("Between {i}"),
            300.0 * (i + 1) as f32,
            0.0,
            None,
        );
    }
    let f = b.only(RULE, &["Between 0", "and 3 more"]);
    assert_eq!(f.systems.len(), 9);
}
