//! `dossier` command-line front end.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the build allocates many small strings from several threads;
/// the system allocator spends a quarter of the build in malloc and free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn a folder of raw, scraped news articles into a static briefing dossier.
///
/// A project folder holds `seeds/` (raw article text files), optionally
/// `config.yaml`, `content/` (the cleaned, editable articles the build writes)
/// and `templates/`. `dossier build` writes the site to `public/`.
#[derive(Parser)]
#[command(name = "dossier", version, about, long_about, propagate_version = true)]
struct Cli {
    /// Print nothing but errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print every warning in full and what was written.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean the seeds, write content/articles/*.md and render the site.
    ///
    /// Articles a person edited in content/ are never overwritten. The site is
    /// built in a temporary folder and swapped in only when the whole build
    /// succeeded, so a failed or interrupted build leaves the old site intact.
    ///
    /// A rebuild reuses, from ROOT/.dossier-cache/, the cleaning and
    /// extraction of every article whose text did not change, and every page
    /// whose data did not change; the output is byte for byte what a build
    /// without the cache gives. When no input changed since the last build
    /// (and the output folder is as that build left it), nothing is done.
    Build {
        /// Project folder (holds seeds/, content/, config.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: ROOT/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Absolute URL the site will be served from; enables feed.xml,
        /// sitemap.xml and canonical links (overrides config.yaml).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Process every article afresh: neither read nor update the build
        /// cache (ROOT/.dossier-cache/, which lets a rebuild redo only the
        /// articles that changed; deleting it is always safe).
        #[arg(long)]
        no_cache: bool,
    },
    /// Build, serve the site on 127.0.0.1 and rebuild + reload on every change.
    ///
    /// Watches seeds/, content/, templates/ and config.yaml. A failed rebuild
    /// shows its error in the terminal and the browser and keeps serving the
    /// last good site.
    Serve {
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: ROOT/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Port on 127.0.0.1.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a new dossier project: config.yaml, templates/, empty seeds/ and a README.
    Init {
        /// Folder to create (must be new or empty).
        dir: PathBuf,
    },
    /// Copy raw articles into seeds/ under safe names; with no FILE, read one article from stdin.
    Add {
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Text files to add.
        files: Vec<PathBuf>,
    },
    /// Validate config, content front matter and every internal link of a build.
    ///
    /// Nothing is written. Exits 1 and lists the problems when there are any.
    Check {
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check as if served from this URL.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> dossier::error::Result<ExitCode> {
    match &cli.command {
        Command::Build {
            root,
            out,
            base_url,
            no_cache,
        } => {
            // a progress bar for large corpora, on a terminal only
            let seeds = std::fs::read_dir(root.join("seeds"))
                .map(|d| d.count())
                .unwrap_or(0);
            let bar = (!cli.quiet && std::io::stderr().is_terminal() && seeds > 300).then(|| {
                let pb = indicatif::ProgressBar::new(dossier::build::STAGES);
                if let Ok(style) = indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} stages · {elapsed} · {msg}",
                ) {
                    pb.set_style(style);
                }
                pb.set_message(format!("reading {seeds} seeds"));
                pb.enable_steady_tick(std::time::Duration::from_millis(200));
                let hook_pb = pb.clone();
                dossier::build::set_stage_hook(Box::new(move |stage| {
                    hook_pb.inc(1);
                    hook_pb.set_message(format!("done: {stage}"));
                }));
                pb
            });
            let report =
                dossier::commands::build_cached(root, out.as_deref(), base_url.clone(), !no_cache);
            if let Some(pb) = bar {
                pb.finish_and_clear();
            }
            let report = report?;
            if !cli.quiet {
                if cli.verbose {
                    for f in &report.content_written {
                        eprintln!("wrote {f}");
                    }
                }
                if !report.warnings.is_empty() {
                    let text = dossier::commands::format_warnings(&report.warnings);
                    if cli.verbose || report.warnings.len() <= 20 {
                        eprint!("{text}");
                    } else {
                        for line in text.lines().filter(|l| l.starts_with("warning:")) {
                            eprintln!("{line}");
                        }
                        eprintln!("  (run with --verbose to see each one)");
                    }
                }
                if report.up_to_date {
                    eprintln!(
                        "up to date: nothing changed since the last build of {} article{} → {} pages ({} warning{}); {} left as it is (--no-cache builds anyway)",
                        report.articles,
                        plural(report.articles),
                        report.pages,
                        report.warnings.len(),
                        plural(report.warnings.len()),
                        report.out.display()
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                eprintln!(
                    "built {} article{} → {} pages ({} actors, {} sources, {} events), {} warning{}, {} content file{} written, in {:.2} s → {}",
                    report.articles,
                    plural(report.articles),
                    report.pages,
                    report.actors,
                    report.sources,
                    report.events,
                    report.warnings.len(),
                    plural(report.warnings.len()),
                    report.content_written.len(),
                    plural(report.content_written.len()),
                    report.elapsed.as_secs_f64(),
                    report.out.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            root,
            out,
            port,
            open,
        } => {
            let out = out.clone().unwrap_or_else(|| root.join("public"));
            dossier::serve::serve(root, &out, *port, *open)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => {
            let made = dossier::commands::init(dir)?;
            if !cli.quiet {
                eprintln!("created {} with {} files. Next: put raw articles in {}/seeds/ (or `dossier add`), then `cd {} && dossier serve --open`",
                    dir.display(), made.len(), dir.display(), dir.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Add { root, files } => {
            let mut inputs = Vec::new();
            if files.is_empty() {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                    .map_err(|e| dossier::error::Error::io("<stdin>", "cannot read", e))?;
                inputs.push(("<stdin>".to_string(), text));
            }
            for f in files {
                let bytes =
                    std::fs::read(f).map_err(|e| dossier::error::Error::io(f, "cannot read", e))?;
                let text = match dossier::ingest::decode(&bytes) {
                    Ok((t, _)) => t,
                    Err(why) => {
                        return Err(dossier::error::Error::file(
                            f,
                            why,
                            "add a plain-text article",
                        ))
                    }
                };
                inputs.push((f.display().to_string(), text));
            }
            for w in dossier::commands::add(root, &inputs)? {
                if !cli.quiet {
                    eprintln!("added {w}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { root, base_url } => {
            let (problems, warnings) = dossier::commands::check(root, base_url.clone())?;
            if cli.verbose && !warnings.is_empty() {
                eprint!("{}", dossier::commands::format_warnings(&warnings));
            }
            if problems.is_empty() {
                if !cli.quiet {
                    eprintln!("check passed: config, content and every internal link are fine");
                }
                Ok(ExitCode::SUCCESS)
            } else {
                for p in &problems {
                    eprintln!("problem: {p}");
                }
                eprintln!(
                    "check failed: {} problem{}",
                    problems.len(),
                    plural(problems.len())
                );
                Ok(ExitCode::from(1))
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
