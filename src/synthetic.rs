//! Deterministic synthetic landscapes for benchmarks and tests.
//!
//! [`landscape`] builds a project that looks like a real one: every CM-010 field of every
//! system and data flow is filled, systems sit on a grid in a few trust zones, and the same
//! seed always gives the same project, byte for byte.

use crate::model::{
    Authentication, Availability, Communication, Connection, DataFormat, Direction,
    IntegrationType, InteractionStyle, Point, Project, Regulation, Requirements, Resilience,
    Sensitivity, Size, System, SystemId, Zone, ZoneKind,
};

/// Horizontal distance between neighbouring systems on the canvas.
const GRID_DX: f32 = 280.0;
/// Vertical distance between neighbouring systems on the canvas.
const GRID_DY: f32 = 170.0;
/// Roughly one zone per this many systems.
const SYSTEMS_PER_ZONE: usize = 50;

/// A business domain: what its systems are called, do, and send.
struct Domain {
    name: &'static str,
    purpose: &'static str,
    data: &'static str,
    team: &'static str,
}

const DOMAINS: &[Domain] = &[
    Domain {
        name: "Order",
        purpose: "Takes orders and tracks them until delivery",
        data: "order events",
        team: "Checkout",
    },
    Domain {
        name: "Payment",
        purpose: "Authorises, captures and refunds card payments",
        data: "payment authorisations",
        team: "Payments",
    },
    Domain {
        name: "Inventory",
        purpose: "Keeps stock levels per warehouse up to date",
        data: "stock level changes",
        team: "Supply chain",
    },
    Domain {
        name: "Customer",
        purpose: "Holds customer master data and consents",
        data: "customer profile updates",
        team: "Customer data",
    },
    Domain {
        name: "Shipping",
        purpose: "Books carriers and tracks parcels",
        data: "shipment status updates",
        team: "Logistics",
    },
    Domain {
        name: "Billing",
        purpose: "Issues invoices and dunning letters",
        data: "invoice records",
        team: "Finance IT",
    },
    Domain {
        name: "Catalog",
        purpose: "Publishes products, variants and descriptions",
        data: "product data",
        team: "Catalog",
    },
    Domain {
        name: "Pricing",
        purpose: "Calculates prices, discounts and promotions",
        data: "price lists",
        team: "Pricing",
    },
    Domain {
        name: "Notification",
        purpose: "Sends e-mails, text messages and push notifications",
        data: "notification requests",
        team: "Engagement",
    },
    Domain {
        name: "Analytics",
        purpose: "Aggregates business events for reporting",
        data: "business event stream",
        team: "Data platform",
    },
    Domain {
        name: "Identity",
        purpose: "Authenticates users and issues tokens",
        data: "login and token events",
        team: "Security engineering",
    },
    Domain {
        name: "Search",
        purpose: "Indexes products and answers search queries",
        data: "search index updates",
        team: "Discovery",
    },
    Domain {
        name: "Returns",
        purpose: "Handles return requests and refunds",
        data: "return requests",
        team: "Customer service IT",
    },
    Domain {
        name: "Loyalty",
        purpose: "Manages points, tiers and rewards",
        data: "loyalty point transactions",
        team: "Engagement",
    },
    Domain {
        name: "Warehouse",
        purpose: "Controls picking, packing and dispatch",
        data: "pick lists",
        team: "Logistics",
    },
    Domain {
        name: "Fraud",
        purpose: "Scores orders and payments for fraud risk",
        data: "risk scores",
        team: "Risk",
    },
    Domain {
        name: "Recommendation",
        purpose: "Suggests products from browsing and purchase history",
        data: "recommendation feeds",
        team: "Discovery",
    },
    Domain {
        name: "Document",
        purpose: "Stores contracts, labels and generated PDFs",
        data: "document references",
        team: "Platform",
    },
    Domain {
        name: "Ledger",
        purpose: "Books financial transactions into the general ledger",
        data: "journal entries",
        team: "Finance IT",
    },
    Domain {
        name: "Supplier",
        purpose: "Exchanges purchase orders and delivery notes with suppliers",
        data: "purchase orders",
        team: "Procurement",
    },
];

const TECHNOLOGIES: &[&str] = &[
    "Java 21, Spring Boot, PostgreSQL on Kubernetes",
    "Kotlin, Ktor, MongoDB on Kubernetes",
    "Go, gRPC, CockroachDB",
    "C#, ASP.NET Core, SQL Server on Azure",
    "Python, FastAPI, Redis",
    "Node.js, NestJS, DynamoDB on AWS Lambda",
    "SAP S/4HANA",
    "Salesforce Service Cloud",
    "COBOL on IBM z/OS, DB2",
    "Rust, Axum, PostgreSQL",
    "Elixir, Phoenix, PostgreSQL",
    "Apache Kafka Streams, Java 17",
];

const TAGS: &[&str] = &[
    "core",
    "legacy",
    "customer-facing",
    "internal",
    "pci",
    "gdpr",
    "batch",
    "critical",
    "vendor",
    "strangler-candidate",
    "tier-1",
    "tier-2",
];

const ZONE_NAMES: &[&str] = &[
    "Data centre Frankfurt",
    "AWS eu-central-1",
    "Partner network",
    "DMZ",
    "SaaS vendors",
    "Azure West Europe",
    "Store network",
    "Data centre Dublin",
];

const FREQUENCIES: &[&str] = &[
    "on every order",
    "continuously",
    "nightly at 02:00",
    "every 5 minutes",
    "on every change",
    "hourly",
    "on user request",
];

const VOLUMES: &[&str] = &[
    "~2,000 messages/min at peak",
    "~50 requests/s",
    "~1 million records per night",
    "~300 events/s",
    "~10 GB per day",
    "a few hundred per day",
];

const TRANSFORMATIONS: &[&str] = &[
    "field mapping in the integration layer",
    "XML to JSON via XSLT and a mapping service",
    "none; both ends share the schema",
    "enrichment with customer data",
    "CSV flattened into the target's tables",
];

/// A seeded generator (fastrand's wyrand) with the three draws the generator needs.
struct Rng(fastrand::Rng);

impl Rng {
    /// A number in `0..n`; `n` must not be 0.
    fn below(&mut self, n: usize) -> usize {
        self.0.usize(..n)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A landscape of `systems` systems and `connections` data flows, the same for the same
/// seed. Every system has all CM-010 fields filled and lies on a grid; every connection
/// joins two distinct systems (so with fewer than two systems there are no connections).
/// The result validates without problems and renders with no missing values.
pub fn landscape(systems: usize, connections: usize, seed: u64) -> Project {
    let connections = if systems < 2 { 0 } else { connections };
    let mut rng = Rng(fastrand::Rng::with_seed(seed));
    let mut project = Project::new(format!("Synthetic landscape ({systems} systems)"));
    project.description = format!(
        "A generated landscape of {systems} systems and {connections} data flows \
         (seed {seed}), used to benchmark and test Integration Studio."
    );
    project.requirements = Requirements {
        integration_scope: format!(
            "All {systems} systems of the order-to-cash and supply-chain domains."
        ),
        integration_type: Some(IntegrationType::Hybrid),
        data_volume: "~5 million messages per day, peaks of 2,000 messages/min".into(),
        latency_requirements: "p99 under 300 ms for synchronous calls".into(),
        reliability_requirements: "99.95% for customer-facing flows".into(),
        security_classification: Some(Sensitivity::Confidential),
        regulatory_compliance: vec![Regulation::Gdpr, Regulation::PciDss],
    };

    let zone_count = systems.div_ceil(SYSTEMS_PER_ZONE).max(1);
    // All ids first, while the project is still empty: each allocation looks at every
    // item already there, so allocating as items are added would take quadratic time.
    let zone_ids: Vec<_> = (0..zone_count)
        .map(|_| project.allocate_zone_id())
        .collect();
    let system_ids: Vec<_> = (0..systems).map(|_| project.allocate_system_id()).collect();
    let connection_ids: Vec<_> = (0..connections)
        .map(|_| project.allocate_connection_id())
        .collect();

    for (z, id) in zone_ids.into_iter().enumerate() {
        let kind = ZoneKind::KNOWN[z % ZoneKind::KNOWN.len()].clone();
        let base = ZONE_NAMES[z % ZONE_NAMES.len()];
        let name = if z < ZONE_NAMES.len() {
            base.to_owned()
        } else {
            format!("{base} {}", z / ZONE_NAMES.len() + 1)
        };
        project.zones.push(Zone {
            id,
            name,
            kind: Some(kind),
            notes: format!("Trust boundary {}", z + 1),
        });
    }

    let columns = ((systems as f64).sqrt().ceil() as usize).max(1);
    let mut domains: Vec<&Domain> = Vec::with_capacity(systems);
    for (i, id) in system_ids.into_iter().enumerate() {
        let domain = rng.pick(DOMAINS);
        domains.push(domain);
        // Contiguous blocks, so a zone's members sit together on the grid.
        let zone = project.zones[i * zone_count / systems.max(1)].id;
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let tag = (*rng.pick(TAGS)).to_owned();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        // From whole hundredths, so the number prints as written: 99.07, not 99.07000000000001.
        let percent = (9_900 + rng.below(100)) as f64 / 100.0;
        let availability = Availability {
            percent: Some(percent),
            note: if rng.chance(30) {
                "excludes planned maintenance on Sundays 02:00–04:00".into()
            } else {
                String::new()
            },
        };
        project.systems.push(System {
            id,
            name: format!("{} service {}", domain.name, i + 1),
            purpose: domain.purpose.into(),
            technology: (*rng.pick(TECHNOLOGIES)).into(),
            data_format: Some(rng.pick(DataFormat::KNOWN).clone()),
            communication: Some(rng.pick(Communication::KNOWN).clone()),
            availability,
            sensitivity: Some(rng.pick(Sensitivity::KNOWN).clone()),
            owner_team: format!("Team {}", domain.team),
            zone: Some(zone),
            tags,
            notes: if rng.chance(20) {
                format!("Owned by {} since the 2021 re-organisation.", domain.team)
            } else {
                String::new()
            },
            position: Point::new(
                (i % columns) as f32 * GRID_DX,
                (i / columns) as f32 * GRID_DY,
            ),
            size: Size::default(),
            pinned: false,
        });
    }

    for id in connection_ids {
        let from_index = rng.below(systems);
        // Any other system: skip over `from` so the two ends always differ.
        let to_index = (from_index + 1 + rng.below(systems - 1)) % systems;
        let from: SystemId = project.systems[from_index].id;
        let to: SystemId = project.systems[to_index].id;
        let data = domains[from_index].data;
        let protocol = rng.pick(Communication::KNOWN).clone();
        let style = match protocol {
            Communication::Rest
            | Communication::Soap
            | Communication::GraphQl
            | Communication::Grpc => InteractionStyle::SyncRequestResponse,
            Communication::MessageQueue => InteractionStyle::AsyncMessage,
            Communication::EventStream if rng.chance(50) => InteractionStyle::PublishSubscribe,
            Communication::EventStream => InteractionStyle::Streaming,
            _ => InteractionStyle::Batch,
        };
        let mut resilience: Vec<Resilience> = Vec::new();
        for _ in 0..1 + rng.below(2) {
            let measure = rng.pick(Resilience::KNOWN).clone();
            if !resilience.contains(&measure) {
                resilience.push(measure);
            }
        }
        let latency = [50, 100, 250, 500, 1_000, 60_000, 3_600_000][rng.below(7)];
        project.connections.push(Connection {
            id,
            from,
            to,
            data: data.into(),
            protocol: Some(protocol),
            style: Some(style),
            data_format: Some(rng.pick(DataFormat::KNOWN).clone()),
            direction: if rng.chance(15) {
                Direction::BothWays
            } else {
                Direction::OneWay
            },
            frequency: (*rng.pick(FREQUENCIES)).into(),
            volume: (*rng.pick(VOLUMES)).into(),
            latency_target_ms: Some(latency),
            authentication: Some(rng.pick(Authentication::KNOWN).clone()),
            encrypted: rng.chance(90),
            resilience,
            transformation: (*rng.pick(TRANSFORMATIONS)).into(),
            notes: if rng.chance(10) {
                "Contract tests run in the provider's pipeline.".into()
            } else {
                String::new()
            },
            waypoints: Vec::new(),
        });
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_landscape() {
        assert_eq!(landscape(120, 360, 42), landscape(120, 360, 42));
        assert_ne!(landscape(120, 360, 42), landscape(120, 360, 43));
    }

    #[test]
    fn a_landscape_is_valid_and_complete() {
        let project = landscape(120, 360, 42);
        assert_eq!(project.systems.len(), 120);
        assert_eq!(project.connections.len(), 360);
        assert_eq!(project.zones.len(), 3);
        assert!(crate::io::validate(&project, None).is_empty());
        let prompt =
            crate::template::render(&project, &crate::analysis::analyze(&project)).unwrap();
        assert!(prompt.missing.is_empty(), "{:?}", prompt.missing);
        for system in &project.systems {
            let percent = system.availability.percent.unwrap();
            assert!((99.0..=99.99).contains(&percent), "{percent}");
            assert!(system.zone.is_some() && !system.tags.is_empty());
            assert!(!system.owner_team.is_empty() && !system.technology.is_empty());
        }
        for connection in &project.connections {
            assert_ne!(connection.from, connection.to);
        }
    }

    #[test]
    fn systems_sit_on_a_grid() {
        let project = landscape(10, 0, 1);
        // Ten systems make a grid four wide.
        assert_eq!(project.systems[1].position, Point::new(280.0, 0.0));
        assert_eq!(project.systems[4].position, Point::new(0.0, 170.0));
        assert_eq!(project.systems[9].size, Size::SYSTEM);
    }

    #[test]
    fn tiny_landscapes_are_still_valid() {
        for (systems, connections) in [(0, 0), (0, 5), (1, 5), (2, 5)] {
            let project = landscape(systems, connections, 9);
            assert_eq!(project.zones.len(), 1);
            assert!(crate::io::validate(&project, None).is_empty());
            let prompt =
                crate::template::render(&project, &crate::analysis::analyze(&project)).unwrap();
            assert!(prompt.missing.is_empty(), "{:?}", prompt.missing);
        }
    }
}
