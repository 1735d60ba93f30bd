use crate::cli::out::out;
use std::path::PathBuf;

use clap::Args;

use super::render_stats::{self, StatsFormat, parse_tokenizer};
use super::{count, place, scope, status};
use crate::analysis::analyze;
use crate::io::{load, write_atomically};
use crate::model::{ItemRef, Project, Tokenizer};
use crate::template::budget::{fit_to_budget, parse_budget};
use crate::template::{MissingValue, render, template_for};

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The project file to render.
    file: PathBuf,
    /// Write the prompt to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Exit with status 1 when any required value is missing.
    #[arg(long)]
    fail_on_missing: bool,
    /// Print the prompt's size (characters, words, exact tokens, tokens by section)
    /// instead of the prompt.
    #[arg(long)]
    stats: bool,
    /// The format of `--stats`; `json` is documented in docs/cli.md.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text, requires = "stats")]
    format: StatsFormat,
    /// Condense the prompt until it fits this many tokens: 8k, 32k, 128k, 200k, 1M or a
    /// number (k is a thousand). Overrides the project's budget; stderr says what was done.
    #[arg(long, value_parser = parse_budget, value_name = "TOKENS")]
    budget: Option<u32>,
    /// Count with this encoding (o200k_base, cl100k_base) instead of the project's.
    #[arg(long, value_parser = parse_tokenizer, value_name = "NAME")]
    tokenizer: Option<Tokenizer>,
    /// Render with this built-in template instead of the project's own choice (see
    /// `integration-studio template list`).
    #[arg(long, value_name = "NAME")]
    template: Option<String>,
    /// What the prompt is about, instead of the project's saved scope: `all`,
    /// `zone:NAME`, `systems:ID,ID` or `around:ID:HOPS` (NAME and ID: an id or a unique
    /// name). Repeat to combine: the union, with the largest hop count.
    #[arg(long, value_name = "SCOPE", value_parser = scope::parse)]
    scope: Vec<scope::ScopeArg>,
}

pub fn run(args: RenderArgs) -> u8 {
    let mut loaded = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{}", error.report());
            return status::FAILED;
        }
    };
    for problem in &loaded.problems {
        eprintln!(
            "{}: warning: {problem}",
            place(&args.file, problem.position)
        );
    }
    if let Some(name) = &args.template {
        loaded.project.prompt.template.clone_from(name);
    }
    if let Err(error) = scope::apply(&args.scope, &mut loaded.project) {
        let _ = error.print();
        return status::FAILED;
    }
    let report = analyze(&loaded.project);
    let project = &loaded.project;
    let tokenizer = args.tokenizer.unwrap_or(project.prompt.tokenizer);
    let rendered = match args.budget.or(project.prompt.budget) {
        None => render(project, &report).map(|prompt| (prompt, None)),
        Some(budget) => template_for(project).and_then(|template| {
            fit_to_budget(template, project, &report, budget, tokenizer)
                .map(|fitted| (fitted.prompt.clone(), Some(fitted)))
        }),
    };
    let (prompt, fitted) = match rendered {
        Ok(rendered) => rendered,
        Err(error) => {
            eprintln!("error: {}: {error}", args.file.display());
            return status::FAILED;
        }
    };
    let over_budget = fitted.as_ref().is_some_and(|f| !f.fits());
    if let Some(fitted) = &fitted {
        let file = args.file.display();
        if let Some(summary) = fitted.summary() {
            eprintln!("{file}: {summary}");
        }
        if let Some(advice) = fitted.advice(project) {
            eprintln!("{file}: warning: {advice}");
        }
    }
    if args.stats {
        let stats = render_stats::stats_text(&prompt.text, tokenizer, args.format);
        if let Some(out) = &args.output {
            if let Err(error) = write_atomically(out, stats.as_bytes(), false) {
                eprintln!("error: {error}");
                return status::FAILED;
            }
        } else {
            out!("{stats}");
        }
    } else if let Some(out) = &args.output {
        if let Err(error) = write_atomically(out, prompt.text.as_bytes(), false) {
            eprintln!("error: {error}");
            return status::FAILED;
        }
    } else {
        out!("{}", prompt.text);
    }
    if !prompt.missing.is_empty() {
        eprintln!(
            "{}: {} (shown as ⟦missing: …⟧ in the prompt):",
            args.file.display(),
            count(prompt.missing.len(), "missing value")
        );
        for missing in &prompt.missing {
            eprintln!("  - {}", describe(&loaded.project, missing));
        }
        if args.fail_on_missing {
            return status::PROBLEMS;
        }
    }
    // Over budget even at its tightest: the prompt is written, but the run has a problem.
    if over_budget {
        return status::PROBLEMS;
    }
    status::OK
}

/// "Purpose of system “ERP” (id 4)".
fn describe(project: &Project, missing: &MissingValue) -> String {
    match missing.item {
        ItemRef::Project => missing.label.clone(),
        ItemRef::System(id) => {
            format!(
                "{} of system “{}” (id {id})",
                missing.label,
                project.system_name(id)
            )
        }
        ItemRef::Connection(id) => match project.connection(id) {
            Some(c) => format!(
                "{} of connection {} (id {id})",
                missing.label,
                project.connection_name(c)
            ),
            None => format!("{} of connection {id}", missing.label),
        },
        ItemRef::Zone(id) => format!("{} of zone {id}", missing.label),
    }
}
