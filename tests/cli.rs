//! The binary's exit codes and messages.

use std::path::Path;
use std::process::Command;

fn dossier(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_explains_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = dossier(&["--help"], dir.path());
    assert_eq!(code, 0);
    for word in ["build", "check", "--quiet"] {
        assert!(out.contains(word), "{out}");
    }
    let (code, out, _) = dossier(&["build", "--help"], dir.path());
    assert_eq!(code, 0);
    assert!(
        out.contains("--base-url") && out.contains("--out") && out.contains("--root"),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(dossier(&[], dir.path()).0, 2);
    assert_eq!(dossier(&["build", "--no-such-flag"], dir.path()).0, 2);
}

#[test]
fn config_errors_name_file_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::write(dir.path().join("config.yaml"), "title: x\ntitel: y\n").unwrap();
    let (code, _, err) = dossier(&["build"], dir.path());
    assert_eq!(code, 1);
    assert!(
        err.contains("config.yaml:2:") && err.contains("unknown field `titel`"),
        "{err}"
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn check_fails_on_a_broken_template_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    std::fs::write(
        dir.path().join("seeds/a.txt"),
        "A headline here\n\nThe council met on Monday and agreed a plan for the city.\n",
    )
    .unwrap();
    let (code, _, err) = dossier(&["check"], dir.path());
    assert_eq!(code, 0, "{err}");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/search.html"), "{% extends \"base.html\" %}{% block content %}<a href=\"{{ root }}nowhere/\">x</a>{% endblock content %}").unwrap();
    let (code, _, err) = dossier(&["check"], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("nowhere/") && err.contains("check failed"),
        "{err}"
    );
}
