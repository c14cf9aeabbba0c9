//! `diligence ls`: print the locked dependency graph.

use crate::cli::{LsArgs, ProjectArgs};
use anyhow::Result;
use diligence_graph::DependencyGraph;
use diligence_report::escape::terminal_safe as safe;
use serde_json::json;

/// Reads the project's lockfile (`--lockfile` or discovery in DIR). Errors are one line.
pub fn load_graph(project: &ProjectArgs) -> Result<DependencyGraph> {
    let path = match &project.lockfile {
        Some(p) => p.clone(),
        None => diligence_lockfile::find_lockfile(&project.dir)?,
    };
    Ok(diligence_lockfile::read_lockfile(&path)?)
}

pub fn run(args: LsArgs) -> Result<u8> {
    let graph = load_graph(&args.project)?;
    if args.json {
        let packages: Vec<_> = graph
            .packages
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "version": p.version,
                    "source": p.source.kind(),
                    "resolved": p.source.resolved(),
                    "integrity": p.integrity.as_ref().map(|i| i.to_string()),
                    "dev": p.dev,
                    "optional": p.optional,
                })
            })
            .collect();
        let out = json!({
            "lockfile": {
                "path": graph.lockfile.path.display().to_string(),
                "format": graph.lockfile.format.as_str(),
                "version": graph.lockfile.version,
            },
            "packages": packages,
        });
        let mut text = Vec::new();
        diligence_report::escape::write_json_pretty(&out, &mut text)?;
        println!("{}", String::from_utf8_lossy(&text));
    } else {
        print_table(&graph);
    }
    Ok(0)
}

fn print_table(graph: &DependencyGraph) {
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::NOTHING);
    table.set_header(["name", "version", "source", "flags"]);
    let mut rows: Vec<_> = graph.packages.iter().collect();
    rows.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    for p in rows {
        let mut flags = Vec::new();
        if p.dev {
            flags.push("dev");
        }
        if p.optional {
            flags.push("optional");
        }
        if p.peer {
            flags.push("peer");
        }
        // Names and versions come from the lockfile: no terminal escape or workflow command.
        table.add_row([
            safe(&p.name).as_ref(),
            safe(&p.version).as_ref(),
            p.source.kind(),
            &flags.join(","),
        ]);
    }
    println!(
        "{} ({} {}): {} packages, {} importers",
        safe(&graph.lockfile.path.display().to_string()),
        graph.lockfile.format.as_str(),
        safe(&graph.lockfile.version),
        graph.packages.len(),
        graph.importers.len()
    );
    println!("{table}");
}
