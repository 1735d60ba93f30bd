//! Edits that set one field, on the project or on any number of systems or connections at
//! once: the forms' changes, and multi-edit's "set this on all of them" as one undo step.

use super::Edit;
use crate::fields::{ConnectionField, FieldError, FieldValue, ProjectField, SystemField};
use crate::model::{ConnectionId, Project, SystemId};

/// The edit that sets a project field.
pub fn set_project_field(
    project: &Project,
    field: ProjectField,
    value: FieldValue,
) -> Result<Edit, FieldError> {
    match (field, value) {
        (ProjectField::Name, FieldValue::Text(name)) => Ok(Edit::SetName(name)),
        (ProjectField::Description, FieldValue::Text(text)) => Ok(Edit::SetDescription(text)),
        (field, value) => {
            // Every other project field is a requirement.
            let mut scratch = Project::new("");
            scratch.requirements = project.requirements.clone();
            field.set(&mut scratch, value)?;
            Ok(Edit::SetRequirements(Box::new(scratch.requirements)))
        }
    }
}

/// The value several items were shown with, and the one the user changed it to. For a
/// list, `shown` is what all of them share; each item then gains what was added and loses
/// what was dropped, keeping its own other entries.
#[derive(Clone, Copy, Debug)]
pub struct Change<'a> {
    pub shown: Option<&'a FieldValue>,
    pub new: &'a FieldValue,
}

impl Change<'_> {
    fn for_item(&self, current: FieldValue) -> FieldValue {
        match self.shown {
            Some(shown) => self.new.applied_to(shown, current),
            None => self.new.clone(),
        }
    }
}

/// One edit that sets `field` on every listed system (ids not in the project are skipped).
pub fn set_systems_field(
    project: &Project,
    ids: &[SystemId],
    field: SystemField,
    change: Change,
) -> Result<Edit, FieldError> {
    let mut edits = Vec::with_capacity(ids.len());
    for system in ids.iter().filter_map(|&id| project.system(id)) {
        let mut next = system.clone();
        field.set(&mut next, change.for_item(field.get(system)))?;
        edits.push(Edit::SetSystem(Box::new(next)));
    }
    Ok(Edit::all(edits))
}

/// One edit that sets `field` on every listed connection (ids not in the project are
/// skipped).
pub fn set_connections_field(
    project: &Project,
    ids: &[ConnectionId],
    field: ConnectionField,
    change: Change,
) -> Result<Edit, FieldError> {
    let mut edits = Vec::with_capacity(ids.len());
    for connection in ids.iter().filter_map(|&id| project.connection(id)) {
        let mut next = connection.clone();
        field.set(&mut next, change.for_item(field.get(connection)))?;
        edits.push(Edit::SetConnection(Box::new(next)));
    }
    Ok(Edit::all(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::System;

    fn two_systems() -> (Project, Vec<SystemId>) {
        let mut project = Project::new("p");
        let mut ids = Vec::new();
        for (name, tags) in [("A", ["x", "shared"]), ("B", ["shared", "y"])] {
            let id = project.allocate_system_id();
            let mut system = System::new(id, name);
            system.tags = tags.map(String::from).to_vec();
            project.systems.push(system);
            ids.push(id);
        }
        (project, ids)
    }

    #[test]
    fn one_edit_sets_every_system_and_its_inverse_restores_them() {
        let (mut project, ids) = two_systems();
        let before = project.clone();
        let new = FieldValue::Text("Team".into());
        let change = Change {
            shown: None,
            new: &new,
        };
        let edit = set_systems_field(&project, &ids, SystemField::OwnerTeam, change).unwrap();
        let inverse = apply(&mut project, edit).unwrap();
        assert!(project.systems.iter().all(|s| s.owner_team == "Team"));
        apply(&mut project, inverse).unwrap();
        assert_eq!(project, before);
    }

    #[test]
    fn a_tag_added_to_the_shared_ones_keeps_each_systems_own() {
        let (mut project, ids) = two_systems();
        let shown = FieldValue::Tags(vec!["shared".into()]);
        let new = FieldValue::Tags(vec!["new".into()]);
        let change = Change {
            shown: Some(&shown),
            new: &new,
        };
        let edit = set_systems_field(&project, &ids, SystemField::Tags, change).unwrap();
        apply(&mut project, edit).unwrap();
        assert_eq!(project.systems[0].tags, ["x", "new"]);
        assert_eq!(project.systems[1].tags, ["y", "new"]);
    }

    #[test]
    fn a_value_of_the_wrong_kind_makes_no_edit() {
        let (project, ids) = two_systems();
        let new = FieldValue::Flag(true);
        let change = Change {
            shown: None,
            new: &new,
        };
        assert!(set_systems_field(&project, &ids, SystemField::Zone, change).is_err());
        let name = FieldValue::Text("Shop".into());
        let edit = set_project_field(&project, ProjectField::Name, name).unwrap();
        assert_eq!(edit, Edit::SetName("Shop".into()));
        let wrong = set_project_field(&project, ProjectField::IntegrationType, new);
        assert!(wrong.is_err());
    }
}
