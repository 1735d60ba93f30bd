//! Data formats that differ across a connection with no transformation said.

use super::Context;
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule};
use crate::model::DataFormat;

pub static FORMAT_MISMATCH: Rule = Rule {
    id: "format-mismatch",
    severity: Severity::Warning,
    why: "When the two ends speak different formats, someone maps between them; if nobody \
          says who and how, the mapping is built twice, lives in an undocumented script, or \
          loses fields on the way.",
    pattern: "Message translator with a canonical data model: describe the mapping in the \
              connection's transformation (what is mapped, where it runs: integration \
              layer, ESB or consumer) and validate against a schema on both sides.",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    for link in l
        .links
        .iter()
        .filter(|k| crate::model::is_blank(&k.connection.transformation))
    {
        let c = link.connection;
        // The sender's format, what the connection carries, and the receiver's format.
        let sides = [
            (l.systems[link.from].data_format.as_ref(), l.name(link.from)),
            (c.data_format.as_ref(), "the connection"),
            (l.systems[link.to].data_format.as_ref(), l.name(link.to)),
        ];
        let set: Vec<(&DataFormat, &&str)> = sides
            .iter()
            .filter_map(|(f, who)| Some(((*f)?, who)))
            .collect();
        let differ = set.windows(2).any(|w| !same(w[0].0, w[1].0));
        if !differ {
            continue;
        }
        // Each format once, with everyone who uses it: "Avro (A, the connection)".
        let mut said: Vec<(&DataFormat, Vec<&str>)> = Vec::new();
        for &(format, who) in &set {
            match said.iter_mut().find(|(f, _)| same(f, format)) {
                Some((_, whom)) => whom.push(who),
                None => said.push((format, vec![who])),
            }
        }
        let said: Vec<String> = said
            .iter()
            .map(|(f, whom)| format!("{f} ({})", whom.join(", ")))
            .collect();
        let message = format!(
            "{} joins different data formats, {}, but names no transformation.",
            l.link_label(link),
            said.join(" and "),
        );
        findings.push(FORMAT_MISMATCH.finding(message, Concerns::link(l, link)));
    }
}

/// Free-text formats match regardless of case and surrounding space.
fn same(a: &DataFormat, b: &DataFormat) -> bool {
    match (a, b) {
        (DataFormat::Other(x), DataFormat::Other(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;
    use crate::model::DataFormat;

    #[test]
    fn different_formats_and_no_transformation() {
        let mut b = Build::new();
        let [erp, shop] = ["ERP", "Shop"].map(|n| b.system(n));
        b.system_mut(erp).data_format = Some(DataFormat::Xml);
        let c = b.publish(erp, shop);
        b.connection_mut(c).data_format = None;
        let f = b.only(
            "format-mismatch",
            &["ERP → Shop joins different data formats, XML (ERP) and JSON (Shop)"],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.systems, f.connections), (vec![erp, shop], vec![c]));
        assert_eq!(f.key, format!("format-mismatch:{c}"));
        b.connection_mut(c).transformation =
            "IDoc XML mapped to the shop's JSON in the integration layer".into();
        assert!(b.findings("format-mismatch").is_empty());
    }

    #[test]
    fn the_connections_own_format_counts() {
        let mut b = Build::new();
        let [erp, shop] = ["ERP", "Shop"].map(|n| b.system(n));
        b.system_mut(shop).data_format = None;
        let c = b.publish(erp, shop);
        b.connection_mut(c).data_format = Some(DataFormat::Csv);
        b.only("format-mismatch", &["JSON (ERP) and CSV (the connection)"]);
    }

    #[test]
    fn the_same_format_or_free_text_in_another_case_matches() {
        let mut b = Build::new();
        let [a, x] = ["A", "B"].map(|n| b.system(n));
        b.system_mut(a).data_format = Some(DataFormat::Other("EDIFACT".into()));
        b.system_mut(x).data_format = Some(DataFormat::Other(" edifact".into()));
        let c = b.publish(a, x);
        b.connection_mut(c).data_format = None;
        assert!(b.findings("format-mismatch").is_empty());
    }
}
