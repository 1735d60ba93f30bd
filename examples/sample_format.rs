use integration_studio::model::*;
fn main() {
    let mut p = Project::new("Sample");
    let z = p.allocate_zone_id();
    p.zones.push(Zone { id: z, name: "Cloud".into(), kind: Some(ZoneKind::Cloud), notes: String::new() });
    let a = p.allocate_system_id();
    let mut s = System::new(a, "Storefront");
    s.zone = Some(z); s.data_format = Some(DataFormat::Json); s.availability = Availability::percent(99.95); s.tags = vec!["web".into()];
    p.systems.push(s);
    let b = p.allocate_system_id();
    p.systems.push(System::new(b, "Order service"));
    let c = p.allocate_connection_id();
    let mut conn = Connection::new(c, a, b);
    conn.resilience = vec![Resilience::Timeout, Resilience::Other("Bulkhead".into())];
    conn.latency_target_ms = Some(300);
    p.connections.push(conn);
    p.requirements.regulatory_compliance = vec![Regulation::Gdpr, Regulation::PciDss];
    print!("{}", integration_studio::io::to_ron_string(&p).unwrap());
}
