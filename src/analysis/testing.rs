//! Small landscapes for the rules' unit tests. Everything a rule does not look at is filled
//! in, so a landscape trips only what a test sets up (composite availability aside:
//! systems have no SLA unless a test gives them one).

use crate::analysis::{Finding, Report, analyze};
use crate::model::{
    Authentication, Availability, Communication, Connection, ConnectionId, DataFormat,
    IntegrationType, InteractionStyle, Project, Regulation, Resilience, Sensitivity, System,
    SystemId, Zone, ZoneId, ZoneKind,
};

pub(crate) struct Build {
    pub project: Project,
}

impl Build {
    pub fn new() -> Self {
        let mut project = Project::new("Test landscape");
        let r = &mut project.requirements;
        r.integration_scope = "Orders".into();
        r.integration_type = Some(IntegrationType::Hybrid);
        r.data_volume = "1,000 orders/day".into();
        r.latency_requirements = "as fast as possible".into();
        r.reliability_requirements = "99.9%".into();
        r.security_classification = Some(Sensitivity::Internal);
        r.regulatory_compliance = vec![Regulation::Iso27001];
        Build { project }
    }

    /// A complete Internal system with no SLA, in no zone.
    pub fn system(&mut self, name: &str) -> SystemId {
        let id = self.project.allocate_system_id();
        let mut system = System::new(id, name);
        system.purpose = format!("{name} things");
        system.technology = "Rust".into();
        system.data_format = Some(DataFormat::Json);
        system.communication = Some(Communication::Rest);
        system.availability = Availability {
            percent: None,
            note: "best effort".into(),
        };
        system.sensitivity = Some(Sensitivity::Internal);
        self.project.systems.push(system);
        id
    }

    pub fn zone(&mut self, name: &str, kind: ZoneKind) -> ZoneId {
        let id = self.project.allocate_zone_id();
        self.project.zones.push(Zone {
            id,
            name: name.into(),
            kind: Some(kind),
            notes: String::new(),
        });
        id
    }

    pub fn system_mut(&mut self, id: SystemId) -> &mut System {
        self.project.system_mut(id).unwrap()
    }

    pub fn connection_mut(&mut self, id: ConnectionId) -> &mut Connection {
        self.project
            .connections
            .iter_mut()
            .find(|c| c.id == id)
            .unwrap()
    }

    pub fn sla(&mut self, id: SystemId, percent: f64) {
        self.system_mut(id).availability = Availability::percent(percent);
    }

    /// A well-protected asynchronous flow: an event published with retries and a DLQ.
    pub fn publish(&mut self, from: SystemId, to: SystemId) -> ConnectionId {
        self.connect(
            from,
            to,
            Communication::EventStream,
            InteractionStyle::PublishSubscribe,
            &[Resilience::RetryWithBackoff, Resilience::DeadLetterQueue],
        )
    }

    /// A synchronous REST call with a timeout (and no circuit breaker, so it is a hard
    /// dependency for availability).
    pub fn call(&mut self, from: SystemId, to: SystemId) -> ConnectionId {
        self.connect(
            from,
            to,
            Communication::Rest,
            InteractionStyle::SyncRequestResponse,
            &[Resilience::Timeout],
        )
    }

    pub fn connect(
        &mut self,
        from: SystemId,
        to: SystemId,
        protocol: Communication,
        style: InteractionStyle,
        resilience: &[Resilience],
    ) -> ConnectionId {
        let id = self.project.allocate_connection_id();
        let mut c = Connection::new(id, from, to);
        c.data = "orders".into();
        c.protocol = Some(protocol);
        c.style = Some(style);
        c.data_format = Some(DataFormat::Json);
        c.authentication = Some(Authentication::OAuth2);
        c.encrypted = true;
        c.resilience = resilience.to_vec();
        self.project.connections.push(c);
        id
    }

    pub fn report(&self) -> Report {
        analyze(&self.project)
    }

    /// The active findings of one rule.
    pub fn findings(&self, rule: &str) -> Vec<Finding> {
        self.report()
            .findings
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    /// The one active finding of `rule`, checked to name every system in `names`.
    pub fn only(&self, rule: &str, names: &[&str]) -> Finding {
        let mut findings = self.findings(rule);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let finding = findings.remove(0);
        for name in names {
            assert!(
                finding.message.contains(name),
                "{name} not in: {}",
                finding.message
            );
        }
        finding
    }

    /// The ids of the rules with active findings, sorted and distinct.
    pub fn rules(&self) -> Vec<&'static str> {
        let mut rules: Vec<_> = self.report().findings.iter().map(|f| f.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }
}
